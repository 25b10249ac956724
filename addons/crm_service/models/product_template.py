from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    service_warranty_months = fields.Integer(
        string="Warranty (months)",
        help="How long a unit is under warranty from its delivery to the customer; 0: no warranty.",
    )

    _service_warranty_months_positive = models.Constraint(
        "CHECK(service_warranty_months >= 0)", "The warranty cannot be negative."
    )
