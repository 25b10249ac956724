from odoo import fields, models


class CrmServiceOrderCheck(models.Model):
    _name = "crm.service.order.check"
    _description = "Work Order Checklist Item"
    _order = "sequence, id"

    order_id = fields.Many2one(
        "crm.service.order", string="Work Order", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    done = fields.Boolean()
