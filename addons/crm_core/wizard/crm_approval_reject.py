from odoo import fields, models
from odoo.exceptions import UserError


class CrmApprovalReject(models.TransientModel):
    _name = "crm.approval.reject"
    _description = "Reject an Approval Request"

    res_model = fields.Char(string="Document Model", required=True)
    res_id = fields.Integer(string="Document ID", required=True)
    review_ids = fields.Many2many("tier.review", string="Reviews")
    reason = fields.Text(required=True)

    def action_reject(self):
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason for the rejection."))
        record = self.env[self.res_model].browse(self.res_id)
        reviews = self.review_ids or record.review_ids
        reviews._crm_reject_as(self.env.user, self.reason.strip())
        return {"type": "ir.actions.act_window_close"}
