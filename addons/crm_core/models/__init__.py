# isort: off
# Resource pools first: res_partner and crm_lead inherit the crm.pool.resource mixin.
from . import crm_pool, crm_pool_resource

# isort: on
from . import (
    base_partner_merge_automatic_wizard,
    crm_customer_level,
    crm_customer_type,
    crm_handover,
    crm_handover_line,
    crm_lead,
    crm_partner_relation,
    crm_partner_relation_type,
    crm_pool_log,
    crm_pool_quota,
    crm_pool_rule,
    crm_return_request,
    crm_return_request_line,
    crm_rfm_segment,
    crm_sales_region,
    crm_team,
    res_company,
    res_config_settings,
    res_partner,
    sale_order,
)
