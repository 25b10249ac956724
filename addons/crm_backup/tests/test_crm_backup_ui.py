import os
import shutil
import tempfile

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCrmBackupUi(HttpCase):
    def test_settings_and_back_up_now_tour(self):
        folder = tempfile.mkdtemp(prefix="crm_backup_tour_")
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        params = self.env["ir.config_parameter"]
        params.set_param("crm_backup.folder", folder)
        for key in ("time", "tz", "keep_daily", "keep_weekly"):
            params.search([("key", "=", f"crm_backup.{key}")]).unlink()

        self.start_tour(
            "/odoo/settings#crm_backup_setting_container", "crm_backup_settings", login="admin"
        )

        self.assertEqual(params.get_param("crm_backup.keep_daily"), "10")
        self.assertEqual(params.get_param("crm_backup.keep_weekly"), "4")
        run = self.env["crm.backup.run"].search([])
        self.assertRecordValues(
            run,
            [
                {
                    "state": "done",
                    "trigger": "manual",
                    "user_id": self.env.ref("base.user_admin").id,
                    "database": self.env.cr.dbname,
                }
            ],
        )
        self.assertEqual(os.listdir(folder), [run.file_name])
