# isort: off
# Resource pools first: res_partner and crm_lead inherit the crm.pool.resource mixin.
from . import crm_pool, crm_pool_resource

# isort: on
from . import (
    crm_customer_level,
    crm_lead,
    crm_partner_relation,
    crm_partner_relation_type,
    crm_pool_log,
    crm_pool_quota,
    crm_pool_rule,
    crm_team,
    res_company,
    res_config_settings,
    res_partner,
)
