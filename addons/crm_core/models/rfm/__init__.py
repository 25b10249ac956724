from . import crm_rfm_segment, res_company, res_config_settings, res_partner
