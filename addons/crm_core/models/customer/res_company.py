from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_duplicate_policy = fields.Selection(
        [("warn", "Warn"), ("block", "Block")],
        string="Duplicate Customers",
        default="warn",
        required=True,
        help="Warn: the customer form lists possible duplicates. Block: a customer whose"
        " name, phone, email or tax ID matches an existing customer cannot be saved.",
    )
