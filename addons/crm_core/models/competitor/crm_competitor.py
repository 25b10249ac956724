from odoo import fields, models


class CrmCompetitor(models.Model):
    _name = "crm.competitor"
    _description = "Competitor"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, index="trigram")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", string="Contact Card", check_company=True, ondelete="set null"
    )
    website = fields.Char()
    strengths = fields.Html()
    weaknesses = fields.Html()
    notes = fields.Html()
    product_ids = fields.One2many("crm.competitor.product", "competitor_id", string="Products")
    competition_ids = fields.One2many(
        "crm.lead.competition", "competitor_id", string="Competitions"
    )
    competition_count = fields.Integer(compute="_compute_competition_count")
    won_count = fields.Integer(string="Won by Us", compute="_compute_competition_count")
    lost_count = fields.Integer(string="Lost", compute="_compute_competition_count")
    win_rate = fields.Float(
        string="Our Win Rate (%)",
        compute="_compute_competition_count",
        digits=(16, 2),
        help="Opportunities won against this competitor, out of those won or lost.",
    )

    _name_company_uniq = models.UniqueIndex(
        "(company_id, lower(name))", "A competitor with this name already exists."
    )

    def _compute_competition_count(self):
        # One grouped query for the whole recordset, whatever its size.
        figures = {}
        for competitor, outcome, count in self.env["crm.lead.competition"]._read_group(
            [("competitor_id", "in", self.ids)], ["competitor_id", "outcome"], ["__count"]
        ):
            figures.setdefault(competitor, {})[outcome] = count
        for competitor in self:
            counts = figures.get(competitor, {})
            won, lost = counts.get("won", 0), counts.get("lost", 0)
            competitor.competition_count = sum(counts.values())
            competitor.won_count = won
            competitor.lost_count = lost
            competitor.win_rate = round(100.0 * won / (won + lost), 2) if won + lost else 0.0

    def action_open_competitions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Competitions against %(name)s", name=self.name),
            "res_model": "crm.lead.competition",
            "view_mode": "list,form",
            "domain": [("competitor_id", "=", self.id)],
            "context": {"default_competitor_id": self.id},
        }
