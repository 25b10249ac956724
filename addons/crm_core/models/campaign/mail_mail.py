from odoo import models


class MailMail(models.Model):
    _inherit = "mail.mail"

    def _postprocess_sent_message(
        self, success_pids, success_emails, failure_reason=False, failure_type=None
    ):
        # As mass_mailing's traces: a mail handed to the SMTP server is delivered,
        # a refused one an error with its reason.
        invitations = self.filtered(lambda mail: mail.model == "crm.campaign.member")
        if invitations:
            members = self.env["crm.campaign.member"].sudo().browse(invitations.mapped("res_id"))
            if failure_type:
                members._campaign_set_trace(
                    "error", only_from=("outgoing",), failure_reason=failure_reason or failure_type
                )
            else:
                members._campaign_set_trace("sent", only_from=("outgoing",))
        return super()._postprocess_sent_message(
            success_pids, success_emails, failure_reason=failure_reason, failure_type=failure_type
        )
