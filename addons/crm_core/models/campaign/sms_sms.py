from odoo import models


class SmsSms(models.Model):
    _inherit = "sms.sms"

    def _handle_call_result_hook(self, results):
        # The provider's answer for invitation SMS: accepted means delivered to the
        # network (as mass_mailing_sms counts it), anything else an error.
        uuids = {result["uuid"]: result for result in results}
        members = (
            self.env["crm.campaign.member"]
            .sudo()
            .search([("sms_uuid", "in", list(uuids)), ("trace_status", "=", "outgoing")])
        )
        success = self.IAP_TO_SMS_STATE_SUCCESS
        delivered = members.filtered(lambda m: uuids[m.sms_uuid]["state"] in success)
        delivered._campaign_set_trace("sent")
        for member in members - delivered:
            member._campaign_set_trace("error", failure_reason=uuids[member.sms_uuid]["state"])
        return super()._handle_call_result_hook(results)
