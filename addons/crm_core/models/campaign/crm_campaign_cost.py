from odoo import fields, models


class CrmCampaignCost(models.Model):
    _name = "crm.campaign.cost"
    _description = "Campaign Cost"
    _order = "date desc, id desc"

    campaign_id = fields.Many2one("utm.campaign", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    currency_id = fields.Many2one(related="campaign_id.currency_id")
    name = fields.Char(string="Description", required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    amount = fields.Monetary(currency_field="currency_id", required=True, aggregator="sum")

    _amount_positive = models.Constraint(
        "CHECK(amount >= 0)", "A campaign cost cannot be negative."
    )
