from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import html2plaintext


class CrmReminderDelivery(models.AbstractModel):
    """The one way a reminder reaches a user: an in-app activity always, then the
    extra channels the user chose in their preferences (e-mail, SMS, desktop
    notification). Everything is created in batches, whatever the number of
    reminders."""

    _name = "crm.reminder.delivery"
    _description = "Reminder Delivery"

    @api.model
    def _deliver(self, items):
        """items: dicts with user (res.users), record (the record the activity goes
        on), summary (str) and note (str, plain text)."""
        items = [item for item in items if item["user"] and item["record"]]
        if not items:
            return self.env["mail.activity"]
        activity_type = self.env.ref("crm_core.mail_act_crm_reminder")
        today = fields.Date.context_today(self)
        model_ids = {
            name: self.env["ir.model"]._get_id(name) for name in {i["record"]._name for i in items}
        }
        # Odoo mails the assignee of a new activity; e-mail is a channel of its
        # own here, sent only to those who asked for it.
        activities = (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(
                [
                    {
                        "res_model_id": model_ids[item["record"]._name],
                        "res_id": item["record"].id,
                        "activity_type_id": activity_type.id,
                        "user_id": item["user"].id,
                        "summary": item["summary"],
                        "note": Markup("<p>%s</p>") % item["note"],
                        "date_deadline": today,
                    }
                    for item in items
                ]
            )
        )
        self._deliver_email([i for i in items if i["user"].crm_reminder_email])
        self._deliver_sms([i for i in items if i["user"].crm_reminder_sms])
        self._deliver_desktop([i for i in items if i["user"].crm_reminder_desktop])
        return activities

    @api.model
    def _deliver_email(self, items):
        items = [item for item in items if item["user"].email]
        if not items:
            return
        self.env["mail.mail"].sudo().create(
            [
                {
                    "subject": item["summary"],
                    "body_html": Markup("<p>%s</p>") % item["note"],
                    "email_to": item["user"].email_formatted,
                    "recipient_ids": [fields.Command.link(item["user"].partner_id.id)],
                    "model": item["record"]._name,
                    "res_id": item["record"].id,
                    "auto_delete": True,
                }
                for item in items
            ]
        )

    @api.model
    def _deliver_sms(self, items):
        # Queued as outgoing: Odoo's SMS queue sends them through its IAP gateway.
        vals_list = []
        for item in items:
            partner = item["user"].partner_id
            number = partner.phone_sanitized or partner.phone
            if number:
                vals_list.append(
                    {
                        "partner_id": partner.id,
                        "number": number,
                        "body": f"{item['summary']}: {html2plaintext(item['note'])}",
                        "state": "outgoing",
                    }
                )
        if vals_list:
            self.env["sms.sms"].sudo().create(vals_list)

    @api.model
    def _deliver_desktop(self, items):
        for item in items:
            item["user"]._bus_send(
                "simple_notification",
                {
                    "type": "info",
                    "title": item["summary"],
                    "message": item["note"],
                    "sticky": True,
                },
            )
