from . import campaign, campaign_survey, main, portal, reseller_portal
