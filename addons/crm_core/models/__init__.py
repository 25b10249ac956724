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
    crm_lead_evidence,
    crm_lead_product,
    crm_lead_stage_history,
    crm_partner_relation,
    crm_partner_relation_type,
    crm_pool_log,
    crm_pool_quota,
    crm_pool_rule,
    crm_rfm_segment,
    crm_sales_region,
    crm_stage,
    crm_stage_requirement,
    crm_team,
    product_product,
    res_company,
    res_config_settings,
    res_partner,
    res_users,
    sale_order,
    sale_order_line,
)
