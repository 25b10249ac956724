from . import crm_sales_performance, crm_sales_target
