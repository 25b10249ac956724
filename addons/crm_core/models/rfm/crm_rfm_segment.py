from odoo import api, fields, models

SCORE_FIELDS = {
    "sequence",
    "r_score_min",
    "r_score_max",
    "f_score_min",
    "f_score_max",
    "m_score_min",
    "m_score_max",
}


class CrmRfmSegment(models.Model):
    _name = "crm.rfm.segment"
    _description = "RFM Segment"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(
        default=10, help="Segments are tried in this order; the first one that matches wins."
    )
    r_score_min = fields.Integer(string="Recency Score From", default=1, required=True)
    r_score_max = fields.Integer(string="Recency Score To", default=5, required=True)
    f_score_min = fields.Integer(string="Frequency Score From", default=1, required=True)
    f_score_max = fields.Integer(string="Frequency Score To", default=5, required=True)
    m_score_min = fields.Integer(string="Monetary Score From", default=1, required=True)
    m_score_max = fields.Integer(string="Monetary Score To", default=5, required=True)
    color = fields.Integer()
    description = fields.Text(translate=True)
    partner_count = fields.Integer(string="Customers", compute="_compute_partner_count")

    _r_score_range = models.Constraint(
        "CHECK(r_score_min BETWEEN 1 AND 5 AND r_score_max BETWEEN 1 AND 5"
        " AND r_score_min <= r_score_max)",
        "The recency scores of a segment must lie between 1 and 5, the lower bound first.",
    )
    _f_score_range = models.Constraint(
        "CHECK(f_score_min BETWEEN 1 AND 5 AND f_score_max BETWEEN 1 AND 5"
        " AND f_score_min <= f_score_max)",
        "The frequency scores of a segment must lie between 1 and 5, the lower bound first.",
    )
    _m_score_range = models.Constraint(
        "CHECK(m_score_min BETWEEN 1 AND 5 AND m_score_max BETWEEN 1 AND 5"
        " AND m_score_min <= m_score_max)",
        "The monetary scores of a segment must lie between 1 and 5, the lower bound first.",
    )

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("rfm_segment_id", "in", self.ids)], ["rfm_segment_id"], ["__count"]
            )
        )
        for segment in self:
            segment.partner_count = counts.get(segment, 0)

    # Scored customers follow segment changes at once instead of waiting for the cron.
    @api.model_create_multi
    def create(self, vals_list):
        segments = super().create(vals_list)
        self.env["res.partner"]._crm_rfm_assign_segments()
        return segments

    def write(self, vals):
        result = super().write(vals)
        if SCORE_FIELDS & set(vals):
            self.env["res.partner"]._crm_rfm_assign_segments()
        return result

    def unlink(self):
        result = super().unlink()
        self.env["res.partner"]._crm_rfm_assign_segments()
        return result

    def action_view_partners(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_core.res_partner_action_customer"
        )
        action["domain"] = [("rfm_segment_id", "=", self.id)]
        action["name"] = self.display_name
        return action
