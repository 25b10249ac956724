from . import (
    crm_customer_level,
    crm_handover,
    crm_handover_line,
    crm_partner_relation,
    crm_partner_relation_type,
    res_partner,
)
