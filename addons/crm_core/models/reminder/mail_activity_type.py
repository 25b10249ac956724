from odoo import fields, models


class MailActivityType(models.Model):
    _inherit = "mail.activity.type"

    # The "activity overdue" rule skips the reminders' own activities: a reminder
    # left undone must not breed a reminder of itself every day.
    crm_is_reminder = fields.Boolean(string="Is a Reminder")
