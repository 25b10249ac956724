from odoo import api, models

BATCH_SIZE = 1000


class CrmCampaignMember(models.Model):
    """Sending the invitations: members are added with the status "to send" and this
    cron queues their mails (mail.mail, sent by Odoo's mail cron) and SMS (sms.sms,
    sent by Odoo's SMS cron) in batches, so inviting 50,000 people is one insert."""

    _inherit = "crm.campaign.member"

    @api.model
    def _cron_send_invitations(self, batch_size=BATCH_SIZE):
        while True:
            members = self.sudo().search([("trace_status", "=", "to_send")], limit=batch_size)
            if not members:
                return
            members._campaign_queue_invitations()
            # In a cron run, commit each batch (a crash loses one batch, not all)
            # and stop when the cron's time is up; the next run goes on.
            if self.env.context.get("ir_cron_progress_id"):
                remaining = self.sudo().search_count([("trace_status", "=", "to_send")])
                if not self.env["ir.cron"]._commit_progress(len(members), remaining=remaining):
                    return

    def _campaign_queue_invitations(self):
        by_mail = self.filtered(lambda member: member.channel == "email")
        by_sms = self - by_mail
        if by_mail:
            by_mail._campaign_queue_mails()
        if by_sms:
            by_sms._campaign_queue_sms()

    def _campaign_queue_mails(self):
        template = self.env.ref("crm_core.mail_template_crm_campaign_invitation").sudo()
        mails = template.send_mail_batch(self.ids)
        mail_by_member = {mail.res_id: mail for mail in mails}
        for member in self:
            mail = mail_by_member[member.id]
            member.write(
                {"mail_mail_id": mail.id, "message_id": mail.message_id, "trace_status": "outgoing"}
            )

    def _campaign_queue_sms(self):
        template = self.env.ref("crm_core.sms_template_crm_campaign_invitation").sudo()
        bodies = template._render_field("body", self.ids, compute_lang=True)
        sms = (
            self.env["sms.sms"]
            .sudo()
            .create(
                [
                    {
                        "partner_id": member.partner_id.id,
                        "number": member.partner_id.phone_sanitized or member.partner_id.phone,
                        "body": bodies[member.id],
                        "state": "outgoing",
                    }
                    for member in self
                ]
            )
        )
        for member, message in zip(self, sms, strict=True):
            member.write({"sms_uuid": message.uuid, "trace_status": "outgoing"})
