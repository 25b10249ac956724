from odoo import api, fields, models


class CrmLeadStageHistory(models.Model):
    _name = "crm.lead.stage.history"
    _description = "Time in Stage"
    _order = "lead_id, date_in desc, id desc"
    _rec_name = "stage_id"

    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", required=True, index=True, ondelete="cascade"
    )
    stage_id = fields.Many2one(
        "crm.stage", string="Stage", required=True, index=True, ondelete="cascade"
    )
    # Access follows the opportunity: its owner, team and company.
    user_id = fields.Many2one(
        related="lead_id.user_id", string="Salesperson", store=True, index="btree_not_null"
    )
    team_id = fields.Many2one(related="lead_id.team_id", store=True, index="btree_not_null")
    company_id = fields.Many2one(related="lead_id.company_id", store=True, index=True)
    moved_by_id = fields.Many2one(
        "res.users", string="Moved By", readonly=True, help="Who moved it into the stage."
    )
    date_in = fields.Datetime(string="Entered On", required=True, readonly=True)
    date_out = fields.Datetime(string="Left On", readonly=True, index="btree_not_null")
    duration_hours = fields.Float(
        string="Hours in Stage",
        compute="_compute_duration",
        store=True,
        aggregator="avg",
        digits=(16, 2),
    )
    duration_days = fields.Float(
        string="Days in Stage",
        compute="_compute_duration",
        store=True,
        aggregator="avg",
        digits=(16, 2),
    )

    _open_row_idx = models.Index("(lead_id) WHERE date_out IS NULL")

    @api.depends("date_in", "date_out")
    def _compute_duration(self):
        # Rows still open have no duration yet: the report averages finished stays.
        for history in self:
            if history.date_in and history.date_out:
                hours = (history.date_out - history.date_in).total_seconds() / 3600
            else:
                hours = 0.0
            history.duration_hours = hours
            history.duration_days = hours / 24
