from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    # Extra channels of the reminders; the in-app activity always comes.
    crm_reminder_email = fields.Boolean(
        string="Reminders by E-mail", help="Also send each reminder to my e-mail address."
    )
    crm_reminder_sms = fields.Boolean(
        string="Reminders by SMS", help="Also send each reminder by SMS to my phone."
    )
    crm_reminder_desktop = fields.Boolean(
        string="Reminders as Desktop Notifications",
        help="Also show each reminder as a notification in my open Odoo tabs.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + self._crm_reminder_fields()

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + self._crm_reminder_fields()

    def _crm_reminder_fields(self):
        return ["crm_reminder_email", "crm_reminder_sms", "crm_reminder_desktop"]
