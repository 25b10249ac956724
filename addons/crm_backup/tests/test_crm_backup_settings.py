import os
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import config

from .common import BackupCase


@tagged("post_install", "-at_install")
class TestCrmBackupSettings(BackupCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cron = cls.env.ref("crm_backup.ir_cron_crm_backup")
        cls.env.user.tz = "Asia/Shanghai"

    def _save(self, **values):
        settings = self.env["res.config.settings"].create(values)
        settings.execute()
        return settings

    def _param(self, key):
        return self.env["ir.config_parameter"].get_param(f"crm_backup.{key}")

    def test_defaults(self):
        self.env["ir.config_parameter"].search([("key", "=like", "crm_backup.%")]).unlink()
        settings = self.env["res.config.settings"].create({})
        self.assertRecordValues(
            settings,
            [
                {
                    "crm_backup_enabled": True,
                    "crm_backup_folder": os.path.join(config["data_dir"], "backups"),
                    "crm_backup_time": 2.0,
                    "crm_backup_tz": "UTC",
                    "crm_backup_keep_daily": 7,
                    "crm_backup_keep_weekly": 4,
                }
            ],
        )

    def test_save_stores_the_settings_and_moves_the_next_call(self):
        folder = os.path.join(self.folder, "new", "backups")
        with freeze_time("2026-06-10 10:00:00"):
            self._save(
                crm_backup_enabled=True,
                crm_backup_folder=folder,
                crm_backup_time=3.5,
                crm_backup_keep_daily=10,
                crm_backup_keep_weekly=0,
            )
        self.assertTrue(os.path.isdir(folder), "the folder is created")
        self.assertEqual(os.listdir(folder), [], "the probe file is gone")
        self.assertEqual(
            [self._param(k) for k in ("folder", "time", "tz", "keep_daily", "keep_weekly")],
            [folder, "3.5", "Asia/Shanghai", "10", "0"],
        )
        # 03:30 in Shanghai (UTC+8) after 18:00 there: tomorrow 03:30, 19:30 UTC today.
        self.assertEqual(self.cron.nextcall, datetime(2026, 6, 10, 19, 30))
        self.assertTrue(self.cron.active)
        self.assertRecordValues(
            self.env["res.config.settings"].create({}),
            [
                {
                    "crm_backup_folder": folder,
                    "crm_backup_time": 3.5,
                    "crm_backup_tz": "Asia/Shanghai",
                    "crm_backup_keep_daily": 10,
                    "crm_backup_keep_weekly": 0,
                }
            ],
        )
        settings = self.env["crm.backup.run"]._backup_settings()
        self.assertEqual((settings["keep_daily"], settings["keep_weekly"]), (10, 0))

        # The same time saved again leaves the next call alone; another time moves it.
        self.cron.nextcall = datetime(2026, 6, 12, 19, 30)
        with freeze_time("2026-06-10 10:00:00"):
            self._save(crm_backup_time=3.5, crm_backup_keep_daily=10)
        self.assertEqual(self.cron.nextcall, datetime(2026, 6, 12, 19, 30))
        # Another administrator, elsewhere, saves other settings: same time, same zone.
        self.env.user.tz = "Europe/Paris"
        with freeze_time("2026-06-10 10:00:00"):
            self._save(crm_backup_keep_daily=10)
        self.assertEqual(self.cron.nextcall, datetime(2026, 6, 12, 19, 30))
        self.assertEqual(self._param("tz"), "Asia/Shanghai")
        # They change the time: now it is theirs (23:00 in Paris, UTC+2 in June).
        with freeze_time("2026-06-10 10:00:00"):
            self._save(crm_backup_time=23.0, crm_backup_keep_daily=10)
        self.assertEqual(self.cron.nextcall, datetime(2026, 6, 10, 21, 0))
        self.assertEqual(self._param("tz"), "Europe/Paris")

    def test_disable_and_enable(self):
        self._save(crm_backup_enabled=False)
        self.assertFalse(self.cron.active)
        self.assertFalse(self.env["res.config.settings"].create({}).crm_backup_enabled)
        with freeze_time("2026-12-31 20:00:00"):
            self._save(crm_backup_enabled=True, crm_backup_time=2.0)
        self.assertTrue(self.cron.active)
        # 02:00 in Shanghai on 1 January 2027 is 18:00 UTC on 31 December.
        self.assertEqual(self.cron.nextcall, datetime(2027, 1, 1, 18, 0))

    def test_bad_values_are_refused(self):
        cases = [
            (
                {"crm_backup_keep_daily": 0},
                ValidationError,
                r"^Keep at least one daily backup \(the newest is always kept\)\.$",
            ),
            (
                {"crm_backup_keep_daily": -3},
                ValidationError,
                r"^Keep at least one daily backup",
            ),
            (
                {"crm_backup_keep_weekly": -1},
                ValidationError,
                r"^The number of weekly backups to keep cannot be negative\.$",
            ),
            (
                {"crm_backup_time": 24.0},
                ValidationError,
                r"^The backup time must be between 00:00 and 23:59\.$",
            ),
            (
                {"crm_backup_time": -0.5},
                ValidationError,
                r"^The backup time must be between 00:00 and 23:59\.$",
            ),
            (
                {"crm_backup_folder": "backups"},
                UserError,
                r"^The backup folder must be an absolute path, not 'backups'\.$",
            ),
        ]
        for values, error, message in cases:
            with self.subTest(values=values), self.assertRaisesRegex(error, message):
                self._save(**values)
        self.assertFalse(self._param("keep_daily"), "nothing was saved")

    def test_folder_that_cannot_be_created_or_written_is_refused(self):
        blocker = os.path.join(self.folder, "a_file")
        with open(blocker, "w") as file:
            file.write("not a folder")
        folder = os.path.join(blocker, "backups")
        with self.assertRaisesRegex(
            UserError, rf"^The backup folder {folder} cannot be created: Not a directory$"
        ):
            self._save(crm_backup_folder=folder)
        # /proc exists, and nobody, not even root, can create a file in it.
        with self.assertRaisesRegex(UserError, r"^The backup folder /proc is not writable: "):
            self._save(crm_backup_folder="/proc")
        self.assertEqual(self._param("folder"), self.folder)
