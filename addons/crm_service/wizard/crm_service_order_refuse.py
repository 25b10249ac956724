from odoo import fields, models


class CrmServiceOrderRefuse(models.TransientModel):
    _name = "crm.service.order.refuse"
    _description = "Refuse a Work Order"

    order_id = fields.Many2one("crm.service.order", string="Work Order", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.order_id._refuse(self.reason)
        return {"type": "ir.actions.act_window_close"}
