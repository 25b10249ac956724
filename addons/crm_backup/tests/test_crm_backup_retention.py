import os
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.tests import BaseCase, tagged

from ..tools import kept_backups
from .common import BackupCase

TODAY = date(2027, 1, 6)  # a Wednesday; the history crosses ISO week 53 of 2026


@tagged("post_install", "-at_install")
class TestCrmBackupRetention(BackupCase):
    def _history(self):
        """40 days of daily backups at 02:00 before TODAY, a second backup on 5 January
        and a late one on Sunday 20 December; a run logged for each."""
        moments = [
            datetime.combine(TODAY - timedelta(days=d), datetime.min.time())
            for d in range(40, 0, -1)
        ]
        moments = [moment.replace(hour=2) for moment in moments]
        moments += [datetime(2027, 1, 5, 14, 30), datetime(2026, 12, 20, 23, 59, 59)]
        names = []
        for moment in moments:
            name = f"{self.db_name}_{moment:%Y-%m-%d_%H-%M-%S}.zip"
            with open(os.path.join(self.folder, name), "wb") as file:
                file.write(b"an old backup")
            names.append(name)
        self.Run.create(
            [
                {
                    "database": self.db_name,
                    "start_date": moment,
                    "file_name": name,
                    "file_path": os.path.join(self.folder, name),
                    "state": "done",
                }
                for moment, name in zip(moments, names, strict=True)
            ]
        )
        return names

    def test_forty_days_keep_seven_days_and_four_weeks(self):
        history = self._history()
        unrelated = [
            f"other_{self.db_name}_2026-12-01_02-00-00.zip",  # another database
            f"{self.db_name}_2026-12-01.zip",  # not our naming pattern
            f"{self.db_name}_2026-12-01_02-00-00.zip.bak",
            "notes.txt",
        ]
        for name in unrelated:
            with open(os.path.join(self.folder, name), "w") as file:
                file.write("not ours")
        self.assertEqual(len(history), 42)

        with freeze_time("2027-01-06 02:00:00"):
            run = self.Run._backup("cron")

        new = f"{self.db_name}_2027-01-06_02-00-00.zip"
        self.assertRecordValues(run, [{"state": "done", "file_name": new}])
        kept = [
            new,
            # the newest of each of the last 7 days
            f"{self.db_name}_2027-01-05_14-30-00.zip",
            f"{self.db_name}_2027-01-04_02-00-00.zip",
            f"{self.db_name}_2027-01-03_02-00-00.zip",  # also week 2026-W53's newest
            f"{self.db_name}_2027-01-02_02-00-00.zip",
            f"{self.db_name}_2027-01-01_02-00-00.zip",
            f"{self.db_name}_2026-12-31_02-00-00.zip",
            # the newest of weeks 2026-W52 and W51 (W01 and W53 are above)
            f"{self.db_name}_2026-12-27_02-00-00.zip",
            f"{self.db_name}_2026-12-20_23-59-59.zip",
        ]
        self.assertEqual(sorted(os.listdir(self.folder)), sorted(kept + unrelated))
        runs = self.Run.search([("database", "=", self.db_name)])
        removed = runs.filtered(lambda r: r.state == "removed")
        self.assertEqual(sorted(removed.mapped("file_name")), sorted(set(history) - set(kept)))
        self.assertEqual(len(removed), 42 - 8)
        self.assertEqual(set(removed.mapped("removed_date")), {datetime(2027, 1, 6, 2, 0)})
        self.assertEqual(sorted((runs - removed).mapped("file_name")), sorted(kept))
        self.assertEqual(set((runs - removed).mapped("state")), {"done"})

    def test_retention_follows_the_settings(self):
        self._history()
        params = self.env["ir.config_parameter"]
        params.set_param("crm_backup.keep_daily", "2")
        params.set_param("crm_backup.keep_weekly", "0")
        with freeze_time("2027-01-06 02:00:00"):
            self.Run._backup("manual")
        self.assertEqual(
            sorted(os.listdir(self.folder)),
            [
                f"{self.db_name}_2027-01-05_14-30-00.zip",
                f"{self.db_name}_2027-01-06_02-00-00.zip",
            ],
        )

    def test_a_failed_run_removes_nothing(self):
        history = self._history()
        self.env["ir.config_parameter"].set_param("crm_backup.keep_daily", "1")
        with (
            freeze_time("2027-01-06 02:00:00"),
            self.assertLogs("odoo.addons.crm_backup.models.crm_backup_run", "ERROR"),
        ):
            self.env["ir.config_parameter"].set_param("crm_backup.folder", "relative/path")
            run = self.Run._backup("cron")
        self.assertEqual(run.state, "failed")
        self.assertEqual(len(os.listdir(self.folder)), len(history))


class TestKeptBackups(BaseCase):
    """The rule alone: periods are the days and ISO weeks that have a backup."""

    def test_weeks_without_backups_do_not_count(self):
        backups = {
            "a": datetime(2026, 1, 5, 2),  # 2026-W02
            "b": datetime(2026, 2, 9, 2),  # 2026-W07
            "c": datetime(2026, 3, 16, 2),  # 2026-W12
            "d": datetime(2026, 3, 17, 2),  # 2026-W12
        }
        self.assertEqual(kept_backups(backups, 1, 0), {"d"})
        self.assertEqual(kept_backups(backups, 1, 2), {"d", "b"})
        self.assertEqual(kept_backups(backups, 2, 3), {"d", "c", "b", "a"})
        self.assertEqual(kept_backups(backups, 7, 4), {"a", "b", "c", "d"})
        self.assertEqual(kept_backups({}, 7, 4), set())

    def test_the_newest_of_a_day_wins(self):
        backups = {
            "morning": datetime(2028, 2, 29, 2),
            "evening": datetime(2028, 2, 29, 23, 59, 59),
            "day_before": datetime(2028, 2, 28, 23, 59, 59),
        }
        self.assertEqual(kept_backups(backups, 1, 1), {"evening"})
        self.assertEqual(kept_backups(backups, 2, 0), {"evening", "day_before"})
