from odoo import fields, models
from odoo.tools import SQL

from ...tools.rates import percent_of_sums


class CrmCompetitorReport(models.Model):
    """Win rate against each competitor, over the opportunities they competed on."""

    _name = "crm.competitor.report"
    _description = "Competitor Win Rate"
    _auto = False
    _order = "opportunity_count desc, competitor_id"
    _rec_name = "competitor_id"

    competitor_id = fields.Many2one("crm.competitor", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    opportunity_count = fields.Integer(string="Opportunities", readonly=True)
    open_count = fields.Integer(string="Open", readonly=True)
    won_count = fields.Integer(string="Won by Us", readonly=True)
    lost_count = fields.Integer(string="Lost", readonly=True)
    lost_to_count = fields.Integer(
        string="Lost to Them", readonly=True, help="Lost opportunities this competitor won."
    )
    # A ratio: a group's win rate is won / decided over the group (_read_group_select).
    win_rate = fields.Float(
        string="Our Win Rate (%)", readonly=True, aggregator="avg", digits=(16, 2)
    )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec == "win_rate:avg":
            return percent_of_sums(self, query, ("won_count",), ("won_count", "lost_count"))
        return super()._read_group_select(aggregate_spec, query)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT c.competitor_id AS id, c.competitor_id, c.company_id,
                   count(*) AS opportunity_count,
                   count(*) FILTER (WHERE c.outcome = 'open') AS open_count,
                   count(*) FILTER (WHERE c.outcome = 'won') AS won_count,
                   count(*) FILTER (WHERE c.outcome = 'lost') AS lost_count,
                   count(*) FILTER (WHERE c.is_winner) AS lost_to_count,
                   CASE WHEN count(*) FILTER (WHERE c.outcome != 'open') > 0
                        THEN round(100.0 * count(*) FILTER (WHERE c.outcome = 'won')
                                   / count(*) FILTER (WHERE c.outcome != 'open'), 2)
                        ELSE 0 END AS win_rate
              FROM crm_lead_competition c
             GROUP BY c.competitor_id, c.company_id
            """
        )
