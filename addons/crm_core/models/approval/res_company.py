from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Off until a manager turns it on, so that installing the module changes no
    # existing quotation flow.
    crm_discount_approval = fields.Boolean(
        string="Discount Approval",
        help="Quotations with a line discount above the salesperson's discount authority"
        " need the approval of a sales manager before they are confirmed.",
    )
