from .backup_zip import BackupError, write_backup
from .retention import kept_backups
