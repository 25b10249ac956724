from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmCampaignTask(models.Model):
    _name = "crm.campaign.task"
    _description = "Campaign Task"
    _order = "campaign_id, sequence, id"

    campaign_id = fields.Many2one("utm.campaign", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    name = fields.Char(string="Task", required=True)
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one("res.users", string="Owner", index=True)
    planned_date_start = fields.Date(string="Planned Start")
    planned_date_end = fields.Date(string="Planned End")
    date_start = fields.Date(string="Actual Start")
    date_end = fields.Date(string="Actual End")
    progress = fields.Integer(string="Progress (%)", aggregator="avg")
    feedback = fields.Text()
    planned_days = fields.Integer(compute="_compute_days", string="Planned Days")
    actual_days = fields.Integer(compute="_compute_days", string="Actual Days")
    delay_days = fields.Integer(
        compute="_compute_days",
        string="Days Over Plan",
        help="Actual minus planned days (negative: done faster than planned).",
    )

    _progress_range = models.Constraint(
        "CHECK(progress >= 0 AND progress <= 100)", "The progress is a percentage from 0 to 100."
    )

    @api.constrains("planned_date_start", "planned_date_end", "date_start", "date_end")
    def _check_dates(self):
        for task in self:
            for start, end, label in (
                (task.planned_date_start, task.planned_date_end, self.env._("planned")),
                (task.date_start, task.date_end, self.env._("actual")),
            ):
                if start and end and end < start:
                    raise ValidationError(
                        self.env._(
                            "Task %(task)s: its %(kind)s end %(end)s"
                            " is before its start %(start)s.",
                            task=task.name,
                            kind=label,
                            end=end,
                            start=start,
                        )
                    )

    @api.depends("planned_date_start", "planned_date_end", "date_start", "date_end")
    def _compute_days(self):
        for task in self:
            # Both ends count: a task started and ended the same day took one day.
            planned = (
                (task.planned_date_end - task.planned_date_start).days + 1
                if task.planned_date_start and task.planned_date_end
                else 0
            )
            actual = (
                (task.date_end - task.date_start).days + 1
                if task.date_start and task.date_end
                else 0
            )
            task.planned_days = planned
            task.actual_days = actual
            task.delay_days = actual - planned if actual and planned else 0
