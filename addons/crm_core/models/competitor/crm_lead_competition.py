from odoo import api, fields, models


class CrmLeadCompetition(models.Model):
    """A competitor met on an opportunity, and how that contest ended."""

    _name = "crm.lead.competition"
    _description = "Competition on an Opportunity"
    _order = "lead_id, id"
    _check_company_auto = True

    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    competitor_id = fields.Many2one(
        "crm.competitor", required=True, index=True, ondelete="restrict", check_company=True
    )
    competitor_product_id = fields.Many2one(
        "crm.competitor.product",
        string="Their Product",
        domain="[('competitor_id', '=', competitor_id)]",
        check_company=True,
    )
    price = fields.Monetary(
        string="Their Price",
        currency_field="currency_id",
        compute="_compute_price",
        store=True,
        readonly=False,
    )
    threat_level = fields.Selection(
        [("low", "Low"), ("medium", "Medium"), ("high", "High")],
        default="medium",
        required=True,
    )
    outcome = fields.Selection(
        [("open", "Open"), ("won", "Won by Us"), ("lost", "Lost")],
        default="open",
        required=True,
        readonly=True,
        index=True,
        help="Set when the opportunity is won or lost.",
    )
    is_winner = fields.Boolean(
        string="Competitor Won",
        readonly=True,
        help="The opportunity was lost to this competitor.",
    )
    notes = fields.Text()
    user_id = fields.Many2one(related="lead_id.user_id", store=True, index=True)
    team_id = fields.Many2one(related="lead_id.team_id", store=True, index=True)
    company_id = fields.Many2one(related="lead_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="lead_id.company_currency")

    _lead_competitor_uniq = models.UniqueIndex(
        "(lead_id, competitor_id)", "This competitor is already listed on the opportunity."
    )
    _price_positive = models.Constraint(
        "CHECK(price >= 0)", "The competitor's price cannot be negative."
    )

    @api.depends("competitor_product_id")
    def _compute_price(self):
        for competition in self:
            if competition.competitor_product_id:
                competition.price = competition.competitor_product_id.price
            else:
                competition.price = competition.price or 0.0

    @api.onchange("competitor_id")
    def _onchange_competitor_id(self):
        if self.competitor_product_id.competitor_id != self.competitor_id:
            self.competitor_product_id = False
