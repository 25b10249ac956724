from . import campaign, main, portal, reseller_portal
