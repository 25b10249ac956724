import hashlib
import json
import os
import zipfile
from unittest.mock import patch

import odoo.release
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import RUN_LOGGER, BackupCase, content

FIND_PG_TOOL = "odoo.addons.crm_backup.tools.backup_zip.find_pg_tool"


@tagged("post_install", "-at_install")
class TestCrmBackup(BackupCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin.email = "admin@backup.example.com"
        cls.second_admin = new_test_user(
            cls.env,
            login="backup_admin_2",
            groups="base.group_system",
            email="second.admin@backup.example.com",
            name="Second Admin",
        )
        cls.admin_without_email = new_test_user(
            cls.env, login="backup_admin_3", groups="base.group_system", email=False
        )
        cls.employee = new_test_user(
            cls.env,
            login="backup_employee",
            groups="base.group_user",
            email="employee@backup.example.com",
        )

    def _files(self):
        return sorted(os.listdir(self.folder))

    def test_backup_is_odoo_zip_with_dump_manifest_and_filestore(self):
        blobs = {
            "binary.bin": content(300_000, "binary") + b"\x00\xff" * 10,
            "notes.txt": "备份 backup check\n".encode() * 50,
        }
        attachments = self.env["ir.attachment"].create(
            [{"name": name, "raw": raw} for name, raw in blobs.items()]
        )
        run = self.Run._backup("manual")

        name = f"{self.db_name}_{run.start_date:%Y-%m-%d_%H-%M-%S}.zip"
        path = os.path.join(self.folder, name)
        self.assertEqual(self._files(), [name], "one file, no .part left")
        self.assertRecordValues(
            run,
            [
                {
                    "state": "done",
                    "database": self.db_name,
                    "trigger": "manual",
                    "user_id": self.env.uid,
                    "file_name": name,
                    "file_path": path,
                    "file_size": os.path.getsize(path),
                    "error": False,
                    "removed_date": False,
                }
            ],
        )
        self.assertGreater(run.file_size, 300_000)
        self.assertGreaterEqual(run.end_date, run.start_date)
        self.assertGreater(run.duration, 0.0)
        self.assertRegex(run.size_display, r"^\d+\.\d (KB|MB)$")

        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            self.assertEqual(names[:2], ["manifest.json", "dump.sql"])
            self.assertTrue(all(n.startswith("filestore/") for n in names[2:]))
            for attachment, raw in zip(attachments, blobs.values(), strict=True):
                stored = archive.read(f"filestore/{attachment.store_fname}")
                self.assertEqual(hashlib.sha1(stored).hexdigest(), attachment.checksum)
                self.assertEqual(stored, raw)
            manifest = json.loads(archive.read("manifest.json"))
            with archive.open("dump.sql") as dump:
                head = dump.read(4096).decode()
                tail = dump.read().decode()
        self.assertEqual(manifest["odoo_dump"], "1")
        self.assertEqual(manifest["db_name"], self.db_name)
        self.assertEqual(manifest["version"], odoo.release.version)
        self.assertEqual(manifest["modules"]["crm_backup"], "19.0.1.0.0")
        self.assertIn("mail", manifest["modules"])
        self.assertIn("-- PostgreSQL database dump", head)
        self.assertIn("CREATE TABLE public.crm_backup_run", tail)
        self.assertIn("-- PostgreSQL database dump complete", tail)
        self.assertNotIn("OWNER TO", tail, "dumped with --no-owner, as Odoo does")
        # The filestore part is exactly the database's filestore.
        filestore = self.env["ir.attachment"]._filestore()
        on_disk = {
            os.path.relpath(os.path.join(folder, file), filestore)
            for folder, _dirs, files in os.walk(filestore)
            for file in files
        }
        self.assertEqual({n.removeprefix("filestore/") for n in names[2:]}, on_disk)
        self.assertFalse(self.env["mail.mail"].search([("model", "=", "crm.backup.run")]))

    def test_failing_pg_dump_logs_the_run_alerts_the_admins_and_leaves_no_file(self):
        with (
            patch(FIND_PG_TOOL, return_value=self.failing_pg_dump()),
            self.assertLogs(RUN_LOGGER, "ERROR") as logs,
        ):
            run = self.Run._backup("cron")
        self.assertEqual(self._files(), [], "no partial file stays")
        self.assertRecordValues(
            run,
            [
                {
                    "state": "failed",
                    "trigger": "cron",
                    "file_name": False,
                    "file_path": False,
                    "file_size": 0.0,
                    "error": "pg_dump exited with status 1: pg_dump: error: connection to "
                    "server failed: FATAL: too many clients",
                }
            ],
        )
        self.assertIn(f"Backup of {self.db_name} failed: pg_dump exited", logs.output[0])
        mails = self.env["mail.mail"].search(
            [("model", "=", "crm.backup.run"), ("res_id", "=", run.id)]
        )
        self.assertEqual(
            sorted(mails.mapped("email_to")),
            sorted([self.admin.email_formatted, self.second_admin.email_formatted]),
            "every administrator with an e-mail, nobody else",
        )
        for mail in mails:
            self.assertEqual(mail.subject, f"Backup of {self.db_name} failed")
            self.assertEqual(mail.state, "outgoing")
            self.assertIn("too many clients", mail.body_html)
            self.assertIn(self.db_name, mail.body_html)

    def test_folder_that_cannot_be_created_fails_the_run(self):
        blocker = os.path.join(self.folder, "a_file")
        with open(blocker, "w") as file:
            file.write("not a folder")
        folder = os.path.join(blocker, "backups")
        self.env["ir.config_parameter"].set_param("crm_backup.folder", folder)
        with self.assertLogs(RUN_LOGGER, "ERROR"):
            run = self.Run._backup("cron")
        self.assertRecordValues(
            run,
            [
                {
                    "state": "failed",
                    "error": f"The backup folder {folder} cannot be created: Not a directory",
                }
            ],
        )
        self.assertEqual(len(self.env["mail.mail"].search([("res_id", "=", run.id)])), 2)
        self.assertEqual(self._files(), ["a_file"])

    def test_stale_part_file_is_removed_and_reported(self):
        stale = f"{self.db_name}_2026-01-01_02-00-00.zip.part"
        other = f"other_{self.db_name}_2026-01-01_02-00-00.zip.part"
        for name in (stale, other):
            with open(os.path.join(self.folder, name), "wb") as file:
                file.write(b"PK half a zip")
        with self.assertLogs(RUN_LOGGER, "WARNING") as logs:
            run = self.Run._backup("cron")
        self.assertIn(f"removed {stale}, left by a run that did not finish", logs.output[0])
        self.assertEqual(run.state, "done")
        self.assertEqual(self._files(), sorted([run.file_name, other]))
        stale_run = self.Run.search([("file_name", "=", stale)])
        self.assertRecordValues(
            stale_run,
            [
                {
                    "state": "failed",
                    "database": self.db_name,
                    "file_path": os.path.join(self.folder, stale),
                    "error": "The run that wrote this file did not finish (its process "
                    "stopped); the partial file was removed.",
                }
            ],
        )
        self.assertEqual(len(self.env["mail.mail"].search([("res_id", "=", stale_run.id)])), 2)

    def test_back_up_now_opens_the_new_run(self):
        action = self.Run.with_user(self.admin).action_backup_now()
        run = self.Run.browse(action["res_id"])
        self.assertEqual(
            action,
            {
                "type": "ir.actions.act_window",
                "res_model": "crm.backup.run",
                "res_id": run.id,
                "views": [[False, "form"]],
                "target": "current",
            },
        )
        self.assertRecordValues(
            run, [{"state": "done", "trigger": "manual", "user_id": self.admin.id}]
        )
        self.assertEqual(self._files(), [run.file_name])

    def test_the_daily_cron_backs_up_its_database(self):
        cron = self.env.ref("crm_backup.ir_cron_crm_backup")
        self.assertRecordValues(
            cron,
            [
                {
                    "active": True,
                    "interval_number": 1,
                    "interval_type": "days",
                    "code": "model._cron_backup()",
                    "user_id": self.env.ref("base.user_root").id,
                }
            ],
        )
        # What the scheduler runs, in this transaction (method_direct_trigger would
        # commit from a cursor of its own).
        cron.ir_actions_server_id.run()
        run = self.Run.search([], limit=1)
        self.assertRecordValues(
            run, [{"state": "done", "trigger": "cron", "database": self.db_name}]
        )
        self.assertEqual(self._files(), [run.file_name])

    def test_only_administrators_see_the_backups(self):
        self.Run._backup("manual")
        self.assertEqual(self.Run.with_user(self.second_admin).search_count([]), 1)
        with self.assertRaises(AccessError):
            self.Run.with_user(self.employee).search([])
        with self.assertRaises(AccessError):
            self.Run.with_user(self.employee).action_backup_now()
        self.assertEqual(len(self._files()), 1)
