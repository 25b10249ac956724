from . import crm_service_order_refuse, crm_service_transfer_wizard
