from odoo import fields, models


class CrmCompetitorProduct(models.Model):
    _name = "crm.competitor.product"
    _description = "Competitor Product"
    _order = "competitor_id, name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    competitor_id = fields.Many2one(
        "crm.competitor", required=True, index=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="competitor_id.company_id", store=True, index=True)
    price = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id")
    product_id = fields.Many2one(
        "product.product",
        string="Competes With",
        help="Our product this one competes with.",
        check_company=True,
    )
    notes = fields.Text()

    _price_positive = models.Constraint(
        "CHECK(price >= 0)", "The price of a competitor's product cannot be negative."
    )
