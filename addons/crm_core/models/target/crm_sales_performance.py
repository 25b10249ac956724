from odoo import fields, models
from odoo.tools import SQL

from ...tools.rates import percent_of_sums

# grouped rate -> the sums it is the ratio of (the rows compute it the same way)
GROUPED_RATES = {
    "conversion_rate:avg": (("won_count",), ("won_count", "lost_count")),
    "achievement:avg": (("won_amount",), ("target_amount",)),
}


class CrmSalesPerformance(models.Model):
    """Per salesperson and month: target, won opportunities (by closing month),
    confirmed orders (by order month), conversion and achievement."""

    _name = "crm.sales.performance"
    _description = "Sales Performance"
    _auto = False
    _order = "month desc, user_id"
    _rec_name = "user_id"

    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(readonly=True)
    target_amount = fields.Monetary(currency_field="currency_id", readonly=True)
    won_amount = fields.Monetary(currency_field="currency_id", readonly=True)
    won_count = fields.Integer(string="Won", readonly=True)
    lost_count = fields.Integer(string="Lost", readonly=True)
    order_count = fields.Integer(string="Orders", readonly=True)
    order_amount = fields.Monetary(
        string="Ordered Amount", currency_field="currency_id", readonly=True
    )
    # Rates do not add up: a group's rate is the ratio of its sums (_read_group_select).
    conversion_rate = fields.Float(
        string="Conversion (%)", readonly=True, aggregator="avg", digits=(16, 2)
    )
    achievement = fields.Float(
        string="Achievement (%)", readonly=True, aggregator="avg", digits=(16, 2)
    )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec in GROUPED_RATES:
            return percent_of_sums(self, query, *GROUPED_RATES[aggregate_spec])
        return super()._read_group_select(aggregate_spec, query)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT row_number() OVER (ORDER BY f.month, f.user_id, f.company_id) AS id,
                   f.user_id, f.company_id, f.month,
                   COALESCE(max(f.target_team_id), max(f.team_id)) AS team_id,
                   sum(f.target_amount) AS target_amount,
                   sum(f.won_amount) AS won_amount,
                   sum(f.won_count) AS won_count,
                   sum(f.lost_count) AS lost_count,
                   sum(f.order_count) AS order_count,
                   sum(f.order_amount) AS order_amount,
                   CASE WHEN sum(f.won_count + f.lost_count) > 0
                        THEN round(100.0 * sum(f.won_count)
                                   / sum(f.won_count + f.lost_count), 2)
                        ELSE 0 END AS conversion_rate,
                   CASE WHEN sum(f.target_amount) > 0
                        THEN round(100.0 * sum(f.won_amount) / sum(f.target_amount), 2)
                        ELSE 0 END AS achievement
              FROM (
                    SELECT t.user_id, t.company_id, t.month, t.team_id AS target_team_id,
                           NULL::int AS team_id, t.target_amount,
                           0 AS won_amount, 0 AS won_count, 0 AS lost_count,
                           0 AS order_count, 0 AS order_amount
                      FROM crm_sales_target t
                 UNION ALL
                    SELECT l.user_id, l.company_id,
                           date_trunc('month', l.date_closed)::date, NULL, l.team_id, 0,
                           CASE WHEN l.won_status = 'won' THEN l.expected_revenue ELSE 0 END,
                           CASE WHEN l.won_status = 'won' THEN 1 ELSE 0 END,
                           CASE WHEN l.won_status = 'lost' THEN 1 ELSE 0 END,
                           0, 0
                      FROM crm_lead l
                     WHERE l.type = 'opportunity' AND l.won_status IN ('won', 'lost')
                       AND l.user_id IS NOT NULL AND l.date_closed IS NOT NULL
                 UNION ALL
                    SELECT o.user_id, o.company_id,
                           date_trunc('month', o.date_order)::date, NULL, o.team_id, 0,
                           0, 0, 0, 1, o.amount_untaxed
                      FROM sale_order o
                     WHERE o.state = 'sale' AND o.user_id IS NOT NULL
                   ) f
             GROUP BY f.user_id, f.company_id, f.month
            """
        )
