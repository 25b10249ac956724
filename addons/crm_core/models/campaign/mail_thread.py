from odoo import api, models, tools
from odoo.fields import Domain


class MailThread(models.AbstractModel):
    """Replies and bounces of invitation mails, found by their Message-Id as
    mass_mailing finds its traces."""

    _inherit = "mail.thread"

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        if routes:
            references = message_dict["references"] or message_dict["in_reply_to"]
            msg_ids = tools.mail.mail_header_msgid_re.findall(references or "")
            if msg_ids:
                members = (
                    self.env["crm.campaign.member"]
                    .sudo()
                    .search(
                        Domain("message_id", "in", msg_ids) & Domain("trace_status", "!=", "bounce")
                    )
                )
                members._campaign_set_trace("reply")
        return super()._message_route_process(message, message_dict, routes)

    @api.model
    def _routing_handle_bounce(self, email_message, message_dict):
        result = super()._routing_handle_bounce(email_message, message_dict)
        if message_dict.get("bounced_msg_ids"):
            members = (
                self.env["crm.campaign.member"]
                .sudo()
                .search([("message_id", "in", message_dict["bounced_msg_ids"])])
            )
            members._campaign_set_trace(
                "bounce",
                failure_reason=tools.html2plaintext(message_dict.get("body") or "")[:200],
            )
        return result
