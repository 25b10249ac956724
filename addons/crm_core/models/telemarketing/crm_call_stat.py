from odoo import fields, models
from odoo.tools import SQL

from ...tools.rates import percent_of_sums

# grouped rate -> the sums it is the ratio of (each row computes it the same way)
GROUPED_RATES = {
    "reach_rate:avg": (("reached_count",), ("call_count",)),
    "conversion_rate:avg": (("converted_count",), ("call_count",)),
}


class CrmCallStat(models.Model):
    """Telemarketing statistics: per salesperson, call list and day, the calls
    logged from call lists, how many reached someone, how many were converted to
    an opportunity, and their durations."""

    _name = "crm.call.stat"
    _description = "Call Statistics"
    _auto = False
    _order = "date desc, user_id"
    _rec_name = "user_id"

    date = fields.Date(readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    call_list_id = fields.Many2one("crm.call.list", string="Call List", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", string="Campaign", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    call_count = fields.Integer(string="Calls", readonly=True)
    reached_count = fields.Integer(string="Reached", readonly=True)
    converted_count = fields.Integer(string="Converted", readonly=True)
    duration = fields.Float(string="Total Duration", readonly=True, digits=(16, 2))
    # Averages and rates do not add up: a group's is the ratio of its sums.
    avg_duration = fields.Float(
        string="Average Duration", readonly=True, aggregator="avg", digits=(16, 2)
    )
    reach_rate = fields.Float(string="Reached (%)", readonly=True, aggregator="avg", digits=(16, 2))
    conversion_rate = fields.Float(
        string="Converted (%)", readonly=True, aggregator="avg", digits=(16, 2)
    )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec in GROUPED_RATES:
            return percent_of_sums(self, query, *GROUPED_RATES[aggregate_spec])
        if aggregate_spec == "avg_duration:avg":
            return SQL(
                "COALESCE(ROUND((SUM(%s) / NULLIF(SUM(%s), 0))::numeric, 2), 0)",
                self._field_to_sql(self._table, "duration", query),
                self._field_to_sql(self._table, "call_count", query),
            )
        return super()._read_group_select(aggregate_spec, query)

    @property
    def _table_query(self):
        # "Reached": someone answered (every outcome but no answer, busy and wrong
        # number); "converted": an interested call that has its opportunity.
        return SQL(
            """
            SELECT row_number() OVER (ORDER BY s.date, s.user_id, s.call_list_id) AS id, s.*,
                   ROUND((s.duration / s.call_count)::numeric, 2) AS avg_duration,
                   ROUND(100.0 * s.reached_count / s.call_count, 2) AS reach_rate,
                   ROUND(100.0 * s.converted_count / s.call_count, 2) AS conversion_rate
              FROM (
                SELECT c.date::date AS date, c.user_id,
                       c.call_list_id, l.campaign_id, l.company_id,
                       count(*) AS call_count,
                       count(*) FILTER (WHERE c.call_outcome IN
                                        ('reached', 'not_interested', 'interested'))
                           AS reached_count,
                       count(*) FILTER (WHERE c.call_outcome = 'interested'
                                        AND c.opportunity_id IS NOT NULL) AS converted_count,
                       COALESCE(sum(c.duration), 0) AS duration
                  FROM crm_phonecall c
                  JOIN crm_call_list l ON l.id = c.call_list_id
                 GROUP BY 1, c.user_id, c.call_list_id, l.campaign_id, l.company_id
              ) s
            """
        )
