# isort: off
# The mixin first: res_partner and crm_lead inherit crm.pool.resource.
from . import crm_pool, crm_pool_resource

# isort: on
from . import (
    crm_lead,
    crm_pool_log,
    crm_pool_quota,
    crm_pool_rule,
    crm_team,
    ir_module_module,
    res_company,
    res_config_settings,
    res_partner,
)
