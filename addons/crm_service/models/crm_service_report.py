from odoo import fields, models, tools
from odoo.tools import SQL


class CrmServiceReport(models.Model):
    """Service request figures for the pivot and graph (服务报表), one row per
    request: reply and resolution times (wall-clock hours from registration),
    SLA breaches, first-contact resolution (closed with no transfer) and the
    satisfaction of its done return visits. Each ratio is computed, when rows
    are grouped, from the sums of its numerator and denominator, never as an
    average of the rows' ratios (see _read_group_select)."""

    _name = "crm.service.report"
    _description = "Service Request Analysis"
    _inherit = ["crm.service.ratio"]
    _auto = False
    _rec_name = "ticket_id"
    _order = "create_date desc"

    _SERVICE_RATIOS = {
        "avg_reply_hours": ("reply_hours", "replied_count", 1.0),
        "avg_resolve_hours": ("resolve_hours", "closed_count", 1.0),
        "sla_breach_rate": ("breached_count", "sla_count", 100.0),
        "fcr_rate": ("fcr_count", "closed_count", 100.0),
        "satisfaction": ("score_sum", "visit_count", 1.0),
    }

    ticket_id = fields.Many2one("helpdesk.ticket", string="Service Request", readonly=True)
    create_date = fields.Datetime(string="Registered On", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", string="Service Team", readonly=True)
    user_id = fields.Many2one("res.users", string="Assigned To", readonly=True)
    first_contact_user_id = fields.Many2one("res.users", string="First Contact", readonly=True)
    request_type_id = fields.Many2one(
        "crm.service.request.type", string="Request Type", readonly=True
    )
    commercial_partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    product_id = fields.Many2one("product.product", string="Product", readonly=True)
    request_count = fields.Integer(string="Requests", readonly=True, aggregator="sum")
    replied_count = fields.Integer(string="Replied", readonly=True, aggregator="sum")
    reply_hours = fields.Float(string="Reply Hours (total)", readonly=True, aggregator="sum")
    closed_count = fields.Integer(string="Closed", readonly=True, aggregator="sum")
    resolve_hours = fields.Float(string="Resolution Hours (total)", readonly=True, aggregator="sum")
    sla_count = fields.Integer(string="Under an SLA", readonly=True, aggregator="sum")
    breached_count = fields.Integer(string="SLA Breached", readonly=True, aggregator="sum")
    fcr_count = fields.Integer(string="Resolved at First Contact", readonly=True, aggregator="sum")
    visit_count = fields.Integer(string="Visits Scored", readonly=True, aggregator="sum")
    score_sum = fields.Float(string="Scores (total)", readonly=True, aggregator="sum")
    avg_reply_hours = fields.Float(
        string="Average Reply (hours)", readonly=True, aggregator="avg", digits=(16, 2)
    )
    avg_resolve_hours = fields.Float(
        string="Average Resolution (hours)", readonly=True, aggregator="avg", digits=(16, 2)
    )
    sla_breach_rate = fields.Float(
        string="SLA Breach Rate (%)", readonly=True, aggregator="avg", digits=(16, 2)
    )
    fcr_rate = fields.Float(
        string="First-Contact Resolution (%)", readonly=True, aggregator="avg", digits=(16, 2)
    )
    satisfaction = fields.Float(
        string="Satisfaction", readonly=True, aggregator="avg", digits=(16, 2)
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
CREATE OR REPLACE VIEW %(table)s AS (
    SELECT r.*,
           r.reply_hours / NULLIF(r.replied_count, 0) AS avg_reply_hours,
           r.resolve_hours / NULLIF(r.closed_count, 0) AS avg_resolve_hours,
           100.0 * r.breached_count / NULLIF(r.sla_count, 0) AS sla_breach_rate,
           100.0 * r.fcr_count / NULLIF(r.closed_count, 0) AS fcr_rate,
           r.score_sum / NULLIF(r.visit_count, 0) AS satisfaction
      FROM (
        SELECT t.id, t.id AS ticket_id, t.create_date, t.company_id, t.team_id, t.user_id,
               t.first_contact_user_id, t.request_type_id, t.commercial_partner_id,
               t.product_id,
               1 AS request_count,
               (t.first_reply_date IS NOT NULL)::int AS replied_count,
               COALESCE(EXTRACT(EPOCH FROM t.first_reply_date - t.create_date) / 3600.0, 0)
                   AS reply_hours,
               (COALESCE(s.closed, FALSE) AND t.closed_date IS NOT NULL)::int AS closed_count,
               CASE WHEN COALESCE(s.closed, FALSE) AND t.closed_date IS NOT NULL
                    THEN EXTRACT(EPOCH FROM t.closed_date - t.create_date) / 3600.0
                    ELSE 0 END AS resolve_hours,
               (t.sla_id IS NOT NULL)::int AS sla_count,
               (t.sla_id IS NOT NULL AND COALESCE(t.sla_breached, FALSE))::int
                   AS breached_count,
               (COALESCE(s.closed, FALSE) AND t.closed_date IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM crm_service_transfer tr WHERE tr.ticket_id = t.id))::int
                   AS fcr_count,
               COALESCE(v.visit_count, 0) AS visit_count,
               COALESCE(v.score_sum, 0.0) AS score_sum
          FROM helpdesk_ticket t
     LEFT JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
          LEFT JOIN (
                SELECT ticket_id, COUNT(*) AS visit_count, SUM(score)::float AS score_sum
                  FROM crm_service_visit
                 WHERE state = 'done' AND score IS NOT NULL
              GROUP BY ticket_id
          ) v ON v.ticket_id = t.id
      ) r
)
                """,
                table=SQL.identifier(self._table),
            )
        )
