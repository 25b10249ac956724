from . import (
    base_partner_merge_automatic_wizard,
    crm_customer_level,
    crm_customer_type,
    crm_sales_region,
    res_company,
    res_config_settings,
    res_partner,
)
