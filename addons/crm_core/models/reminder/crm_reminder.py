from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

DELAY_UNITS = {"minutes": "minutes", "hours": "hours", "days": "days"}
CRON_BATCH = 500


class CrmReminder(models.Model):
    """A reminder a user sets for themselves (自由提醒): a message, optionally about
    a record, at a date and time or after a delay. The cron delivers each due one
    once, through the user's channels."""

    _name = "crm.reminder"
    _description = "Free Reminder"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "remind_at desc, id desc"

    name = fields.Char(string="Message", required=True)
    user_id = fields.Many2one(
        "res.users",
        string="For",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    res_ref = fields.Reference(
        selection="_selection_res_ref", string="About", help="The record the reminder is about."
    )
    delay = fields.Integer(help="Remind after this delay from now, when no date is given.")
    delay_unit = fields.Selection(
        [("minutes", "Minutes"), ("hours", "Hours"), ("days", "Days")],
        default="hours",
        required=True,
    )
    remind_at = fields.Datetime(string="Remind On", index=True)
    state = fields.Selection(
        [("pending", "Pending"), ("sent", "Sent"), ("cancel", "Cancelled")],
        default="pending",
        required=True,
        readonly=True,
        index=True,
        copy=False,
    )
    sent_at = fields.Datetime(string="Sent On", readonly=True, copy=False)

    @api.constrains("delay")
    def _check_delay(self):
        for reminder in self:
            if reminder.delay < 0:
                raise ValidationError(
                    self.env._(
                        "The delay of the reminder %(name)s cannot be negative.",
                        name=reminder.name,
                    )
                )

    @api.model
    def _selection_res_ref(self):
        models_ = ["res.partner", "crm.lead", "sale.order", "crm.return.request"]
        return [
            (name, self.env["ir.model"]._get(name).name) for name in models_ if name in self.env
        ]

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            if vals.get("remind_at"):
                continue
            delay = vals.get("delay") or 0
            if delay < 0:
                raise ValidationError(self.env._("The delay of a reminder cannot be negative."))
            if not delay:
                raise ValidationError(
                    self.env._(
                        "Give the reminder %(name)s a date or a delay.", name=vals.get("name")
                    )
                )
            unit = DELAY_UNITS[vals.get("delay_unit") or "hours"]
            vals["remind_at"] = now + timedelta(**{unit: delay})
        return super().create(vals_list)

    def action_cancel(self):
        if self.filtered(lambda r: r.state != "pending"):
            raise UserError(self.env._("Only pending reminders can be cancelled."))
        self.state = "cancel"

    def action_reset(self):
        if self.filtered(lambda r: r.state != "cancel"):
            raise UserError(self.env._("Only cancelled reminders can be set pending again."))
        self.state = "pending"

    @api.model
    def _cron_send_due(self):
        cron = self.env["ir.cron"]
        while True:
            due = self.search(
                [("state", "=", "pending"), ("remind_at", "<=", fields.Datetime.now())],
                limit=CRON_BATCH,
                order="remind_at, id",
            )
            if not due:
                break
            due._send()
            if not self.env.context.get("ir_cron_progress_id"):
                if len(due) < CRON_BATCH:
                    break
            elif not cron._commit_progress(len(due)):
                break

    def _send(self):
        """Deliver each reminder once; the state write keeps the next pass off it."""
        reminders = self.filtered(lambda r: r.state == "pending")
        items = []
        for reminder in reminders:
            record = reminder.res_ref
            if not record or not record.exists() or "activity_ids" not in record._fields:
                record = reminder
            items.append(
                {
                    "user": reminder.user_id,
                    "record": record,
                    "summary": self.env._("Reminder: %(name)s", name=reminder.name),
                    "note": reminder.name,
                }
            )
        self.env["crm.reminder.delivery"]._deliver(items)
        reminders.write({"state": "sent", "sent_at": fields.Datetime.now()})
