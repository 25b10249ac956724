from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # The folder is a plain system parameter; the numbers are read and written by
    # get_values / set_values instead, because a config_parameter field stores 0 by
    # deleting the parameter, after which its default would come back.
    crm_backup_folder = fields.Char(
        "Backup Folder",
        config_parameter="crm_backup.folder",
        default=lambda self: self.env["crm.backup.run"]._backup_settings()["folder"],
    )
    crm_backup_enabled = fields.Boolean("Daily Backups")
    crm_backup_time = fields.Float("Backup Time")
    crm_backup_tz = fields.Char("Backup Time Zone", readonly=True)
    crm_backup_keep_daily = fields.Integer("Daily Backups Kept")
    crm_backup_keep_weekly = fields.Integer("Weekly Backups Kept")

    @api.model
    def get_values(self):
        res = super().get_values()
        backup = self.env["crm.backup.run"]._backup_settings()
        cron = self.env.ref("crm_backup.ir_cron_crm_backup", raise_if_not_found=False)
        res.update(
            crm_backup_enabled=bool(cron and cron.sudo().active),
            crm_backup_time=backup["time"],
            crm_backup_tz=backup["tz"],
            crm_backup_keep_daily=backup["keep_daily"],
            crm_backup_keep_weekly=backup["keep_weekly"],
        )
        return res

    def set_values(self):
        Run = self.env["crm.backup.run"]
        Run._backup_check_values(
            self.crm_backup_time, self.crm_backup_keep_daily, self.crm_backup_keep_weekly
        )
        before = Run._backup_settings()
        folder = (self.crm_backup_folder or "").strip()
        if folder and folder != before["folder"]:
            Run._backup_check_folder(folder)
        res = super().set_values()
        params = self.env["ir.config_parameter"].sudo()
        # The time is in the time zone of whoever set it; saving other settings from
        # another time zone leaves both alone.
        tz = before["tz"]
        if self.crm_backup_time != before["time"] or not params.get_param("crm_backup.tz"):
            tz = self.env.user.tz or "UTC"
        params.set_param("crm_backup.time", repr(self.crm_backup_time))
        params.set_param("crm_backup.tz", tz)
        params.set_param("crm_backup.keep_daily", str(self.crm_backup_keep_daily))
        params.set_param("crm_backup.keep_weekly", str(self.crm_backup_keep_weekly))
        cron = self.env.ref("crm_backup.ir_cron_crm_backup").sudo()
        values = {}
        if cron.active != self.crm_backup_enabled:
            values["active"] = self.crm_backup_enabled
        if (before["time"], before["tz"]) != (self.crm_backup_time, tz) or values.get("active"):
            values["nextcall"] = Run._backup_next_call(self.crm_backup_time, tz)
        if values:
            cron.write(values)
        return res
