from odoo import fields, models, tools
from odoo.tools import SQL


class CrmServiceTechnicianReport(models.Model):
    """Technician load, satisfaction and parts cost for the pivot and graph: one
    row per work order a technician accepted (its hours: actual, else planned),
    per done return visit they are scored on, per part they consumed (valued
    at the part's current cost). Satisfaction is the sum of the scores over the
    number of visits, whatever the grouping (see _read_group_select)."""

    _name = "crm.service.technician.report"
    _description = "Technician and Parts Analysis"
    _inherit = ["crm.service.ratio"]
    _auto = False
    _order = "date desc"

    _SERVICE_RATIOS = {"satisfaction": ("score_sum", "visit_count", 1.0)}

    kind = fields.Selection(
        [("order", "Work Order"), ("visit", "Return Visit"), ("part", "Part Consumed")],
        readonly=True,
    )
    date = fields.Datetime(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    user_id = fields.Many2one("res.users", string="Technician", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", string="Service Team", readonly=True)
    order_id = fields.Many2one("crm.service.order", string="Work Order", readonly=True)
    product_id = fields.Many2one("product.product", string="Part", readonly=True)
    order_count = fields.Integer(string="Work Orders", readonly=True, aggregator="sum")
    done_count = fields.Integer(string="Work Orders Done", readonly=True, aggregator="sum")
    order_hours = fields.Float(string="Work Hours", readonly=True, aggregator="sum")
    visit_count = fields.Integer(string="Visits Scored", readonly=True, aggregator="sum")
    score_sum = fields.Float(string="Scores (total)", readonly=True, aggregator="sum")
    satisfaction = fields.Float(readonly=True, aggregator="avg", digits=(16, 2))
    part_qty = fields.Float(string="Parts Quantity", readonly=True, aggregator="sum")
    part_cost = fields.Float(string="Parts Cost", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
CREATE OR REPLACE VIEW %(table)s AS (
    SELECT ROW_NUMBER() OVER (ORDER BY u.kind, u.source_id) AS id, u.*,
           u.score_sum / NULLIF(u.visit_count, 0) AS satisfaction
      FROM (
        SELECT 'order' AS kind, l.id AS source_id, o.planned_start AS date, o.company_id,
               l.user_id, o.team_id, o.id AS order_id, NULL::int AS product_id,
               1 AS order_count, (o.state = 'done')::int AS done_count,
               COALESCE(EXTRACT(EPOCH FROM COALESCE(o.actual_end - o.actual_start,
                                                    o.planned_end - o.planned_start)) / 3600.0,
                        0) AS order_hours,
               0 AS visit_count, 0.0 AS score_sum, 0.0 AS part_qty, 0.0 AS part_cost
          FROM crm_service_order_technician l
          JOIN crm_service_order o ON o.id = l.order_id
         WHERE l.state = 'accepted' AND o.state != 'cancel'
     UNION ALL
        SELECT 'visit', v.id * 100000 + r.user_id, v.planned_date::timestamp, v.company_id,
               r.user_id, v.team_id, v.service_order_id, NULL::int,
               0, 0, 0.0, 1, v.score::float, 0.0, 0.0
          FROM crm_service_visit v
          JOIN crm_service_visit_technician_rel r ON r.visit_id = v.id
         WHERE v.state = 'done' AND v.score IS NOT NULL
     UNION ALL
        SELECT 'part', m.id, m.date_done, m.company_id,
               m.technician_id, o.team_id, m.order_id, m.product_id,
               0, 0, 0.0, 0, 0.0, m.quantity,
               m.quantity * COALESCE((pp.standard_price ->> m.company_id::text)::float, 0.0)
          FROM crm_service_part_move m
          JOIN product_product pp ON pp.id = m.product_id
     LEFT JOIN crm_service_order o ON o.id = m.order_id
         WHERE m.move_type = 'consumption' AND m.state = 'done'
      ) u
)
                """,
                table=SQL.identifier(self._table),
            )
        )
