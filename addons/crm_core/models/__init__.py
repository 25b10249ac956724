from . import (
    crm_customer_level,
    crm_partner_relation,
    crm_partner_relation_type,
    crm_rfm_segment,
    res_company,
    res_config_settings,
    res_partner,
)
