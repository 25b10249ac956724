from . import crm_lead2opportunity_partner, crm_pool_assign, crm_pool_release
