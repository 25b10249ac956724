from . import (
    crm_approval_delegation,
    crm_approval_flow,
    crm_approval_pending,
    crm_approval_token,
    crm_discount_authority,
    res_company,
    res_config_settings,
    sale_order,
    sale_order_line,
    tier_definition,
    tier_review,
    tier_validation,
)
