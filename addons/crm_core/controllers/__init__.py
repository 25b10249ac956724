from . import main, portal, reseller_portal
