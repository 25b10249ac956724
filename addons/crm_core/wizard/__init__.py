from . import (
    crm_approval_reject,
    crm_call_log,
    crm_lead2opportunity_partner,
    crm_lead_lost,
    crm_pool_assign,
    crm_pool_release,
    crm_quotation_compare,
    crm_quotation_compare_line,
    crm_stock_inquiry,
    crm_stock_inquiry_line,
    tier_validation_forward_wizard,
)
