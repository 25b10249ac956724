from . import res_company, res_config_settings, res_users  # isort: skip
