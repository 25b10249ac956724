from odoo import fields, models


class CrmCampaignTypeStage(models.Model):
    """A task stage preset on a campaign type; each new campaign of the type gets a
    task per stage (utm.campaign create)."""

    _name = "crm.campaign.type.stage"
    _description = "Campaign Type Task Stage"
    _order = "type_id, sequence, id"

    type_id = fields.Many2one("crm.campaign.type", required=True, ondelete="cascade", index=True)
    name = fields.Char(string="Stage", required=True, translate=True)
    sequence = fields.Integer(default=10)
    planned_days = fields.Integer(
        string="Planned Days", default=1, help="Days planned for the stage's task."
    )

    _planned_days_positive = models.Constraint(
        "CHECK(planned_days >= 0)", "The planned days of a stage cannot be negative."
    )
