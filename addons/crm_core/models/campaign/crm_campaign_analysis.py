from odoo import fields, models
from odoo.tools import SQL

SUMS = ("won_revenue", "cost", "lead_count")


class CrmCampaignAnalysis(models.Model):
    """One row per campaign: invitations and answers, what it brought (leads,
    opportunities, new customers, won revenue) and what it cost."""

    _name = "crm.campaign.analysis"
    _description = "Campaign Analysis"
    _auto = False
    _order = "date_start desc, campaign_id"
    _rec_name = "campaign_id"
    # What the view reads: the ORM flushes these before each query of the report.
    _depends = {
        "utm.campaign": ["campaign_type_id", "user_id", "company_id", "date_start", "budget"],
        "crm.campaign.member": ["campaign_id", "state"],
        "crm.lead": ["campaign_id", "type", "won_status", "expected_revenue"],
        "sale.order": ["campaign_id", "state", "partner_id", "date_order"],
        "res.partner": ["commercial_partner_id"],
        "crm.campaign.cost": ["campaign_id", "amount"],
    }

    campaign_id = fields.Many2one("utm.campaign", string="Campaign", readonly=True)
    campaign_type_id = fields.Many2one("crm.campaign.type", string="Campaign Type", readonly=True)
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(string="Start Date", readonly=True)
    invited_count = fields.Integer(string="Invited", readonly=True)
    accepted_count = fields.Integer(string="Accepted", readonly=True)
    attended_count = fields.Integer(string="Attended", readonly=True)
    lead_count = fields.Integer(string="New Leads", readonly=True)
    opportunity_count = fields.Integer(string="Opportunities", readonly=True)
    new_customer_count = fields.Integer(string="New Customers", readonly=True)
    won_revenue = fields.Monetary(currency_field="currency_id", readonly=True)
    cost = fields.Monetary(string="Actual Cost", currency_field="currency_id", readonly=True)
    budget = fields.Monetary(currency_field="currency_id", readonly=True)
    # Ratios do not add up: a group's ratio is the ratio of its sums (_read_group_select).
    roi = fields.Float(string="ROI (%)", readonly=True, aggregator="avg", digits=(16, 2))
    cost_per_lead = fields.Monetary(
        string="Cost per Lead", currency_field="currency_id", readonly=True, aggregator="avg"
    )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec in ("roi:avg", "cost_per_lead:avg"):
            revenue, cost, leads = (
                SQL("COALESCE(SUM(%s), 0)", self._field_to_sql(self._table, name, query))
                for name in SUMS
            )
            if aggregate_spec == "roi:avg":
                return SQL(
                    "COALESCE(ROUND(100.0 * (%s - %s) / NULLIF(%s, 0), 2), 0)", revenue, cost, cost
                )
            return SQL("COALESCE(ROUND(%s / NULLIF(%s, 0), 2), 0)", cost, leads)
        return super()._read_group_select(aggregate_spec, query)

    @property
    def _table_query(self):
        costs = SQL(" UNION ALL ").join(self.env["utm.campaign"]._campaign_actual_cost_sources())
        return SQL(
            """
            SELECT c.id AS id, c.id AS campaign_id, c.campaign_type_id, c.user_id,
                   c.company_id, c.date_start, COALESCE(c.budget, 0) AS budget,
                   COALESCE(m.invited_count, 0) AS invited_count,
                   COALESCE(m.accepted_count, 0) AS accepted_count,
                   COALESCE(m.attended_count, 0) AS attended_count,
                   COALESCE(l.lead_count, 0) AS lead_count,
                   COALESCE(l.opportunity_count, 0) AS opportunity_count,
                   COALESCE(n.new_customer_count, 0) AS new_customer_count,
                   COALESCE(l.won_revenue, 0) AS won_revenue,
                   COALESCE(k.cost, 0) AS cost,
                   COALESCE(ROUND(100.0 * (COALESCE(l.won_revenue, 0) - k.cost)
                                  / NULLIF(k.cost, 0), 2), 0) AS roi,
                   COALESCE(ROUND(k.cost / NULLIF(l.lead_count, 0), 2), 0) AS cost_per_lead
              FROM utm_campaign c
         LEFT JOIN (SELECT campaign_id, count(*) AS invited_count,
                           count(*) FILTER (WHERE state IN ('accepted', 'attended'))
                               AS accepted_count,
                           count(*) FILTER (WHERE state = 'attended') AS attended_count
                      FROM crm_campaign_member
                  GROUP BY campaign_id) m ON m.campaign_id = c.id
         LEFT JOIN (SELECT campaign_id, count(*) AS lead_count,
                           count(*) FILTER (WHERE type = 'opportunity') AS opportunity_count,
                           sum(expected_revenue) FILTER (WHERE won_status = 'won')
                               AS won_revenue
                      FROM crm_lead
                     WHERE campaign_id IS NOT NULL
                  GROUP BY campaign_id) l ON l.campaign_id = c.id
         LEFT JOIN (SELECT o.campaign_id, count(DISTINCT p.commercial_partner_id)
                               AS new_customer_count
                      FROM sale_order o
                      JOIN res_partner p ON p.id = o.partner_id
                     WHERE o.campaign_id IS NOT NULL AND o.state = 'sale'
                       AND NOT EXISTS (
                           SELECT 1 FROM sale_order o2
                             JOIN res_partner p2 ON p2.id = o2.partner_id
                            WHERE p2.commercial_partner_id = p.commercial_partner_id
                              AND o2.state = 'sale' AND o2.date_order < o.date_order)
                  GROUP BY o.campaign_id) n ON n.campaign_id = c.id
         LEFT JOIN (SELECT campaign_id, sum(amount) AS cost
                      FROM (%s) s
                  GROUP BY campaign_id) k ON k.campaign_id = c.id
            """,
            costs,
        )
