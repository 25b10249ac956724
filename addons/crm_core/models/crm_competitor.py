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

    _name_company_uniq = models.UniqueIndex(
        "(company_id, lower(name))", "A competitor with this name already exists."
    )

    def _compute_competition_count(self):
        counts = dict(
            self.env["crm.lead.competition"]._read_group(
                [("competitor_id", "in", self.ids)], ["competitor_id"], ["__count"]
            )
        )
        for competitor in self:
            competitor.competition_count = counts.get(competitor, 0)

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
