from odoo import fields, models


class CrmCustomerLevel(models.Model):
    _name = "crm.customer.level"
    _description = "Customer Level"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short code shown in lists, e.g. A, B, C.")
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    color = fields.Integer()

    _code_unique = models.Constraint("UNIQUE(code)", "The code of a customer level must be unique.")
