from odoo import fields, models


class CrmStage(models.Model):
    _inherit = "crm.stage"

    requirement_ids = fields.One2many(
        "crm.stage.requirement",
        "stage_id",
        string="Exit Requirements",
        help="Checklist items and documents an opportunity in this stage needs before it"
        " may move forward.",
    )
