from odoo import fields, models


class CrmCampaignType(models.Model):
    _name = "crm.campaign.type"
    _description = "Campaign Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    stage_ids = fields.One2many(
        "crm.campaign.type.stage", "type_id", string="Task Stages", copy=True
    )

    def _campaign_task_vals(self, campaign):
        """The tasks a new campaign of this type starts with, planned one after the
        other from the campaign's start."""
        self.ensure_one()
        vals_list, start = [], campaign.date_start
        for stage in self.stage_ids:
            end = start and fields.Date.add(start, days=max(stage.planned_days - 1, 0))
            vals_list.append(
                {
                    "campaign_id": campaign.id,
                    "name": stage.name,
                    "sequence": stage.sequence,
                    "planned_date_start": start,
                    "planned_date_end": end,
                }
            )
            start = end and fields.Date.add(end, days=1)
        return vals_list
