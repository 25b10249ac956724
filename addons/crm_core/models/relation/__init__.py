from . import crm_partner_relation, crm_partner_relation_type, res_partner
