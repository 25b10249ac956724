from odoo import api, fields, models


class CrmStageRequirement(models.Model):
    _name = "crm.stage.requirement"
    _description = "Stage Requirement"
    _order = "stage_id, sequence, id"

    stage_id = fields.Many2one(
        "crm.stage", string="Stage", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Requirement", required=True, translate=True)
    kind = fields.Selection(
        [("checklist", "Checklist Item"), ("document", "Document")],
        string="Kind",
        required=True,
        default="checklist",
        help="A checklist item is met when ticked; a document when a file is attached.",
    )
    active = fields.Boolean(default=True)

    @api.model_create_multi
    def create(self, vals_list):
        requirements = super().create(vals_list)
        # Opportunities already in the stage get the new items on their checklist.
        self.env["crm.lead"].search(
            [("stage_id", "in", requirements.stage_id.ids)]
        )._sync_evidence()
        return requirements
