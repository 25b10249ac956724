from odoo import fields, models


class CrmServiceOrderTechnician(models.Model):
    """One technician asked to do a work order, and their answer."""

    _name = "crm.service.order.technician"
    _description = "Work Order Technician"
    _order = "sequence, id"

    order_id = fields.Many2one(
        "crm.service.order", string="Work Order", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one(
        "res.users",
        string="Technician",
        required=True,
        index=True,
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        [("dispatched", "Dispatched"), ("accepted", "Accepted"), ("refused", "Refused")],
        default="dispatched",
        required=True,
        readonly=True,
    )
    refuse_reason = fields.Text(readonly=True)
    answer_date = fields.Datetime(readonly=True)

    _refusal_has_reason = models.Constraint(
        "CHECK(state != 'refused' OR refuse_reason IS NOT NULL)",
        "A refusal needs its reason.",
    )
