from . import crm_lead_lost, crm_pool_assign, crm_pool_release
