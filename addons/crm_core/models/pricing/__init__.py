from . import crm_lead, res_users, sale_order
