import logging
import os
import re
import time
from contextlib import suppress
from datetime import datetime, timedelta

import pytz
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import config, format_datetime

from ..tools import kept_backups, write_backup

_logger = logging.getLogger(__name__)

DEFAULTS = {"time": 2.0, "tz": "UTC", "keep_daily": 7, "keep_weekly": 4}
STAMP = "%Y-%m-%d_%H-%M-%S"
# One backup of a database at a time (a transaction-level advisory lock, per database).
LOCK_KEY = 0x63726D42  # "crmB"


class CrmBackupRun(models.Model):
    _name = "crm.backup.run"
    _description = "Database Backup Run"
    _order = "start_date desc, id desc"
    _rec_name = "file_name"

    database = fields.Char(required=True, readonly=True, index=True)
    file_name = fields.Char(readonly=True)
    file_path = fields.Char(readonly=True)
    file_size = fields.Float("Size (bytes)", digits=(20, 0), readonly=True)
    size_display = fields.Char("Size", compute="_compute_size_display")
    start_date = fields.Datetime(
        "Started", required=True, readonly=True, default=fields.Datetime.now
    )
    end_date = fields.Datetime("Finished", readonly=True)
    duration = fields.Float("Duration (s)", digits=(16, 2), readonly=True)
    state = fields.Selection(
        [
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
            ("removed", "Removed by Retention"),
        ],
        default="running",
        required=True,
        readonly=True,
        index=True,
    )
    trigger = fields.Selection([("cron", "Scheduled"), ("manual", "Manual")], readonly=True)
    user_id = fields.Many2one("res.users", "Started By", readonly=True)
    error = fields.Text(readonly=True)
    removed_date = fields.Datetime("Removed On", readonly=True)

    @api.depends("file_size")
    def _compute_size_display(self):
        for run in self:
            size, unit = run.file_size, "B"
            for bigger in ("KB", "MB", "GB", "TB"):
                if size < 1024:
                    break
                size, unit = size / 1024, bigger
            run.size_display = f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"

    def action_backup_now(self):
        """The "Back up now" button: a backup of this database at once; opens its log."""
        self.check_access("create")
        run = self.env["crm.backup.run"]._backup("manual")
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.backup.run",
            "res_id": run.id,
            "views": [[False, "form"]],
            "target": "current",
        }

    # settings

    @api.model
    def _backup_settings(self):
        """The backup settings, from the system parameters (defaults when unset)."""
        get = self.env["ir.config_parameter"].sudo().get_param
        folder = get("crm_backup.folder") or os.path.join(config["data_dir"], "backups")
        values = {"folder": folder}
        for key, default in DEFAULTS.items():
            raw = get(f"crm_backup.{key}")
            try:
                values[key] = type(default)(raw) if raw not in (None, False, "") else default
            except ValueError:
                _logger.warning(
                    "crm_backup.%s: %r is not a valid value, using %r", key, raw, default
                )
                values[key] = default
        return values

    @api.model
    def _backup_check_values(self, time_of_day, keep_daily, keep_weekly):
        if keep_daily < 1:
            raise ValidationError(
                self.env._("Keep at least one daily backup (the newest is always kept).")
            )
        if keep_weekly < 0:
            raise ValidationError(
                self.env._("The number of weekly backups to keep cannot be negative.")
            )
        if not 0 <= time_of_day < 24:
            raise ValidationError(self.env._("The backup time must be between 00:00 and 23:59."))

    @api.model
    def _backup_check_folder(self, folder):
        """Create the folder when missing and prove it is writable; return its path."""
        if not folder or not os.path.isabs(folder):
            raise UserError(
                self.env._(
                    "The backup folder must be an absolute path, not %(folder)r.", folder=folder
                )
            )
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            raise UserError(
                self.env._(
                    "The backup folder %(folder)s cannot be created: %(error)s",
                    folder=folder,
                    error=error.strerror or error,
                )
            ) from error
        probe = os.path.join(folder, f".crm_backup_probe_{os.getpid()}")
        try:
            with open(probe, "wb") as file:
                file.write(b"probe")
            os.unlink(probe)
        except OSError as error:
            raise UserError(
                self.env._(
                    "The backup folder %(folder)s is not writable: %(error)s",
                    folder=folder,
                    error=error.strerror or error,
                )
            ) from error
        return folder

    @api.model
    def _backup_next_call(self, time_of_day, tz, now=None):
        """The next moment (UTC, naive) at `time_of_day` hours in the time zone `tz`."""
        zone = pytz.timezone(tz or "UTC")
        now = now or fields.Datetime.now()
        local_now = pytz.utc.localize(now).astimezone(zone)
        hours, minutes = divmod(round(time_of_day * 60), 60)
        day = local_now.date()
        for _attempt in range(2):
            naive = datetime(day.year, day.month, day.day, hours, minutes)
            moment = zone.normalize(zone.localize(naive)).astimezone(pytz.utc)
            if moment.replace(tzinfo=None) > now:
                break
            day += timedelta(days=1)
        return moment.replace(tzinfo=None)

    # the backup

    @api.model
    def _cron_backup(self):
        self._backup("cron")

    @api.model
    def _backup_file_pattern(self, db_name):
        return re.compile(rf"^{re.escape(db_name)}_(\d{{4}}-\d\d-\d\d_\d\d-\d\d-\d\d)\.zip$")

    @api.model
    def _backup(self, trigger):
        """Back up this database into the backup folder and apply retention. Never
        raises: a failure is logged on the run, which is returned, and the
        administrators are told by e-mail."""
        db_name = self.env.cr.dbname
        started = time.monotonic()
        now = fields.Datetime.now()
        run = self.sudo().create(
            {
                "database": db_name,
                "start_date": now,
                "trigger": trigger,
                "user_id": self.env.uid,
                "state": "running",
            }
        )
        settings = self._backup_settings()
        part = None
        try:
            with self.env.cr.savepoint():
                self.env.cr.execute("SELECT pg_try_advisory_xact_lock(%s)", [LOCK_KEY])
                if not self.env.cr.fetchone()[0]:
                    raise UserError(self.env._("Another backup of this database is running."))
                folder = self._backup_check_folder(settings["folder"])
                self._backup_clean_parts(folder, db_name)
                name = f"{db_name}_{now.strftime(STAMP)}.zip"
                path = os.path.join(folder, name)
                if os.path.exists(path):
                    raise UserError(self.env._("The file %(path)s already exists.", path=path))
                # Filestore garbage collection (ir.attachment._gc_file_store) takes a
                # SHARE lock on ir_attachment, which this lock excludes (and nothing
                # else): no file the dump's attachments name can go meanwhile.
                self.env.cr.execute("LOCK TABLE ir_attachment IN ROW EXCLUSIVE MODE")
                part = f"{path}.part"
                write_backup(self.env.cr, db_name, self.env["ir.attachment"]._filestore(), part)
                os.replace(part, path)
                part = None
        except Exception as error:  # every failure is logged and alerted
            if part:
                with suppress(FileNotFoundError):
                    os.unlink(part)
            _logger.error("Backup of %s failed: %s", db_name, error)
            run.write(
                {
                    "state": "failed",
                    "error": str(error),
                    "end_date": fields.Datetime.now(),
                    "duration": time.monotonic() - started,
                }
            )
            self._backup_alert(run)
            return run
        run.write(
            {
                "state": "done",
                "file_name": name,
                "file_path": path,
                "file_size": os.path.getsize(path),
                "end_date": fields.Datetime.now(),
                "duration": time.monotonic() - started,
            }
        )
        _logger.info("Backup of %s written to %s", db_name, path)
        self._backup_prune(folder, db_name, settings["keep_daily"], settings["keep_weekly"])
        return run

    @api.model
    def _backup_clean_parts(self, folder, db_name):
        """A `.part` file of this database left by a run that never finished (the
        process was stopped): remove it and report that run as failed."""
        pattern = self._backup_file_pattern(db_name)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".part") and pattern.match(name.removesuffix(".part")):
                os.unlink(os.path.join(folder, name))
                _logger.warning("Backup: removed %s, left by a run that did not finish", name)
                stale = self.sudo().create(
                    {
                        "database": db_name,
                        "file_name": name,
                        "file_path": os.path.join(folder, name),
                        "state": "failed",
                        "error": self.env._(
                            "The run that wrote this file did not finish (its process "
                            "stopped); the partial file was removed."
                        ),
                    }
                )
                self._backup_alert(stale)

    @api.model
    def _backup_prune(self, folder, db_name, keep_daily, keep_weekly):
        """Retention: delete this database's backups in the folder that neither the
        daily nor the weekly rule keeps; their runs become "removed"."""
        pattern = self._backup_file_pattern(db_name)
        backups = {}
        for name in os.listdir(folder):
            match = pattern.match(name)
            if match:
                backups[name] = datetime.strptime(match.group(1), STAMP)
        removed = []
        for name in sorted(set(backups) - kept_backups(backups, keep_daily, keep_weekly)):
            path = os.path.join(folder, name)
            with suppress(FileNotFoundError):
                os.unlink(path)
            removed.append(path)
        if removed:
            _logger.info("Backup retention removed %s", ", ".join(removed))
            runs = self.sudo().search([("file_path", "in", removed), ("state", "=", "done")])
            runs.write({"state": "removed", "removed_date": fields.Datetime.now()})
        return removed

    @api.model
    def _backup_admins(self):
        system = self.env.ref("base.group_system")
        return (
            self.env["res.users"]
            .sudo()
            .search([("all_group_ids", "in", system.ids), ("email", "!=", False)])
        )

    @api.model
    def _backup_alert(self, run):
        """An e-mail to each administrator, in their language, through the mail queue."""
        email_from = (
            self.env.company.email_formatted
            or self.env["ir.mail_server"]._get_default_from_address()
        )
        mails = []
        for admin in self._backup_admins():
            env = self.with_context(lang=admin.lang).env
            started = format_datetime(env, run.start_date, tz=admin.tz)
            body = Markup(
                "<p>%(intro)s</p><ul><li>%(db_label)s %(db)s</li><li>%(start_label)s "
                "%(start)s</li><li>%(file_label)s %(file)s</li></ul><p>%(error_label)s</p>"
                "<pre>%(error)s</pre>"
            ) % {
                "intro": env._("A backup of the database failed; no backup file was written."),
                "db_label": env._("Database:"),
                "db": run.database,
                "start_label": env._("Started:"),
                "start": started,
                "file_label": env._("File:"),
                "file": run.file_name or "-",
                "error_label": env._("Error:"),
                "error": run.error,
            }
            mails.append(
                {
                    "subject": env._("Backup of %(db)s failed", db=run.database),
                    "body_html": body,
                    "email_to": admin.email_formatted,
                    "email_from": email_from,
                    "model": "crm.backup.run",
                    "res_id": run.id,
                    "auto_delete": False,
                }
            )
        return self.env["mail.mail"].sudo().create(mails)
