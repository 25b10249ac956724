from . import (
    test_crm_backup,
    test_crm_backup_retention,
    test_crm_backup_settings,
    test_crm_backup_ui,
)
