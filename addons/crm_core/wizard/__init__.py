from . import (
    crm_lead2opportunity_partner,
    crm_lead_lost,
    crm_pool_assign,
    crm_pool_release,
    crm_quotation_compare,
    crm_quotation_compare_line,
    crm_stock_inquiry,
    crm_stock_inquiry_line,
)
