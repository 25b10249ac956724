from odoo import fields, models


class CrmServiceRequestType(models.Model):
    _name = "crm.service.request.type"
    _description = "Service Request Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Technical key used by integrations and reports.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _code_unique = models.UniqueIndex("(code) WHERE code IS NOT NULL")
