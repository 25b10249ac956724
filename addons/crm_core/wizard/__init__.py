from . import crm_pool_assign, crm_pool_release
