from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

RFM_FIELDS = [
    "rfm_recency_days",
    "rfm_frequency",
    "rfm_monetary",
    "rfm_company_id",
    "rfm_r_score",
    "rfm_f_score",
    "rfm_m_score",
    "rfm_score",
    "rfm_segment_id",
    "rfm_date",
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    # RFM analysis: stored, read-only values written by one SQL pass (_crm_rfm_compute),
    # never by ORM computes, so the nightly run costs the same few queries for any size.
    rfm_recency_days = fields.Integer(
        string="Recency (days)",
        readonly=True,
        help="Days since the last confirmed sales order in the analysis window.",
    )
    rfm_frequency = fields.Integer(
        string="Frequency",
        readonly=True,
        help="Confirmed sales orders in the analysis window.",
    )
    rfm_monetary = fields.Monetary(
        string="Monetary",
        currency_field="rfm_currency_id",
        readonly=True,
        help="Untaxed amount of the confirmed sales orders in the analysis window,"
        " in the company currency.",
    )
    rfm_company_id = fields.Many2one(
        "res.company",
        string="RFM Company",
        readonly=True,
        help="The company whose sales orders the RFM values come from.",
    )
    rfm_currency_id = fields.Many2one(related="rfm_company_id.currency_id", string="RFM Currency")
    rfm_r_score = fields.Integer(string="Recency Score", readonly=True, aggregator=False)
    rfm_f_score = fields.Integer(string="Frequency Score", readonly=True, aggregator=False)
    rfm_m_score = fields.Integer(string="Monetary Score", readonly=True, aggregator=False)
    rfm_score = fields.Char(
        string="RFM Score",
        readonly=True,
        help="Recency, frequency and monetary quintiles (5 = best), e.g. 545.",
    )
    rfm_segment_id = fields.Many2one(
        "crm.rfm.segment",
        string="RFM Segment",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    rfm_date = fields.Datetime(string="RFM Computed On", readonly=True)

    @api.model
    def _cron_compute_rfm(self):
        return self._crm_rfm_compute()

    def action_compute_rfm(self):
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(self.env._("Only sales managers can recompute the RFM scores."))
        count = self.sudo()._crm_rfm_compute()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("RFM scores recomputed"),
                "message": self.env._("%(count)s customers have RFM scores.", count=count),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _crm_rfm_compute(self):
        """Score every commercial partner with confirmed orders in its company's window.

        Orders are summed per commercial partner and company; a partner with orders in
        several companies keeps the figures of its own company, otherwise of the company
        it bought from last. Quintiles are ranked per company. Returns the number of
        scored partners.
        """
        self.env.flush_all()
        now = fields.Datetime.now()
        cr = self.env.cr
        cr.execute(
            SQL(
                """
            WITH per_company AS (
                SELECT p.commercial_partner_id AS partner_id,
                       so.company_id,
                       MAX(so.date_order) AS last_date,
                       COUNT(*) AS frequency,
                       SUM(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1))
                           AS monetary
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_id
                  JOIN res_company c ON c.id = so.company_id
                 WHERE so.state = 'sale'
                   AND so.date_order >= %(now)s - make_interval(days => c.crm_rfm_window_days)
              GROUP BY p.commercial_partner_id, so.company_id
            ), picked AS (
                SELECT DISTINCT ON (pc.partner_id) pc.*
                  FROM per_company pc
                  JOIN res_partner cp ON cp.id = pc.partner_id
              ORDER BY pc.partner_id, COALESCE(pc.company_id = cp.company_id, FALSE) DESC,
                       pc.last_date DESC, pc.company_id
            ), scored AS (
                SELECT picked.*,
                       NTILE(5) OVER (PARTITION BY company_id ORDER BY last_date, partner_id) AS r,
                       NTILE(5) OVER (PARTITION BY company_id ORDER BY frequency, partner_id) AS f,
                       NTILE(5) OVER (PARTITION BY company_id ORDER BY monetary, partner_id) AS m
                  FROM picked
            ), targets AS (
                -- the segment is picked here so that each partner row is written once
                SELECT sc.partner_id, sc.company_id, sc.last_date, sc.frequency, sc.monetary,
                       sc.r, sc.f, sc.m, seg.id AS segment_id
                  FROM scored sc
                  LEFT JOIN LATERAL (
                       SELECT g.id
                         FROM crm_rfm_segment g
                        WHERE sc.r BETWEEN g.r_score_min AND g.r_score_max
                          AND sc.f BETWEEN g.f_score_min AND g.f_score_max
                          AND sc.m BETWEEN g.m_score_min AND g.m_score_max
                     ORDER BY g.sequence, g.id
                        LIMIT 1) seg ON TRUE
            )
            UPDATE res_partner p
               SET rfm_recency_days = %(today)s::date - t.last_date::date,
                   rfm_frequency = t.frequency,
                   rfm_monetary = ROUND(t.monetary::numeric, 2),
                   rfm_company_id = t.company_id,
                   rfm_r_score = t.r,
                   rfm_f_score = t.f,
                   rfm_m_score = t.m,
                   rfm_score = t.r::text || t.f::text || t.m::text,
                   rfm_segment_id = t.segment_id,
                   rfm_date = %(now)s
              FROM targets t
             WHERE p.id = t.partner_id
         RETURNING p.id
            """,
                now=now,
                today=now.date(),
            )
        )
        scored_ids = [partner_id for (partner_id,) in cr.fetchall()]
        # Partners scored before but not in this pass dropped out of every window. A
        # second statement with a set difference: an anti-join against the scored set
        # inside the first one degenerated into a nested loop at 100,000 customers.
        cr.execute(
            SQL(
                """
            UPDATE res_partner p
               SET rfm_recency_days = NULL, rfm_frequency = NULL, rfm_monetary = NULL,
                   rfm_company_id = NULL, rfm_r_score = NULL, rfm_f_score = NULL,
                   rfm_m_score = NULL, rfm_score = NULL, rfm_segment_id = NULL, rfm_date = NULL
              FROM (SELECT id FROM res_partner WHERE rfm_date IS NOT NULL
                    EXCEPT
                    SELECT unnest(%(scored)s::int[])) dropped
             WHERE p.id = dropped.id
            """,
                scored=scored_ids,
            )
        )
        count = len(scored_ids)
        self.env["res.partner"].invalidate_model(RFM_FIELDS)
        self.env["crm.rfm.segment"].invalidate_model(["partner_count"])
        return count

    @api.model
    def _crm_rfm_assign_segments(self):
        """Re-match the scored partners after the segments changed."""
        self.env["crm.rfm.segment"].flush_model()
        self.env.cr.execute(
            SQL(
                """
            UPDATE res_partner p
               SET rfm_segment_id = (
                       SELECT s.id
                         FROM crm_rfm_segment s
                        WHERE p.rfm_r_score BETWEEN s.r_score_min AND s.r_score_max
                          AND p.rfm_f_score BETWEEN s.f_score_min AND s.f_score_max
                          AND p.rfm_m_score BETWEEN s.m_score_min AND s.m_score_max
                     ORDER BY s.sequence, s.id
                        LIMIT 1)
             WHERE p.rfm_r_score IS NOT NULL
            """
            )
        )
        self.env["res.partner"].invalidate_model(RFM_FIELDS)
        self.env["crm.rfm.segment"].invalidate_model(["partner_count"])
