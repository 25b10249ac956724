from . import (
    crm_customer_level,
    crm_handover,
    crm_handover_line,
    crm_partner_relation,
    crm_partner_relation_type,
    res_partner,
    base_partner_merge_automatic_wizard,
    crm_customer_type,
    crm_sales_region,
    res_company,
    res_config_settings,
    sale_order,
)
