from . import crm_lead, sale_order, sale_order_line
