from . import crm_backup_run, res_config_settings
