from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmCustomerType(models.Model):
    _name = "crm.customer.type"
    _description = "Customer Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Short code used in imports and reports, e.g. ENT.")
    sequence = fields.Integer(default=10)
    is_company = fields.Boolean(
        string="For Companies",
        default=True,
        help="Checked: the type applies to companies; unchecked: to individuals.",
    )
    required_field_ids = fields.Many2many(
        "ir.model.fields",
        "crm_customer_type_required_field_rel",
        "type_id",
        "field_id",
        string="Required Fields",
        domain=[("model", "=", "res.partner"), ("store", "=", True)],
        help="A customer of this type cannot be saved while one of these fields is empty.",
    )
    require_contact_channel = fields.Boolean(
        string="Require Phone or Email",
        help="A customer of this type needs at least a phone number or an email address.",
    )
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(code)", "The code of a customer type must be unique.")

    @api.constrains("required_field_ids")
    def _check_required_field_ids(self):
        for ctype in self:
            wrong = ctype.required_field_ids.filtered(
                lambda f: f.model != "res.partner" or not f.store
            )
            if wrong:
                raise ValidationError(
                    self.env._(
                        "Customer type %(type)s can only require stored fields of customers;"
                        " %(fields)s cannot be required.",
                        type=ctype.display_name,
                        fields=", ".join(wrong.mapped("field_description")),
                    )
                )
