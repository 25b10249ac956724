# isort: off
# Resource pools first: res_partner and crm_lead inherit the crm.pool.resource mixin.
from . import crm_pool, crm_pool_resource

# isort: on
from . import (
    base_partner_merge_automatic_wizard,
    crm_approval_delegation,
    crm_approval_pending,
    crm_approval_token,
    crm_customer_level,
    crm_customer_type,
    crm_discount_authority,
    crm_handover,
    crm_handover_line,
    crm_lead,
    crm_partner_relation,
    crm_partner_relation_type,
    crm_pool_log,
    crm_pool_quota,
    crm_pool_rule,
    crm_rfm_segment,
    crm_sales_region,
    crm_team,
    res_company,
    res_config_settings,
    res_partner,
    sale_order,
    tier_definition,
    tier_review,
    tier_validation,
)
