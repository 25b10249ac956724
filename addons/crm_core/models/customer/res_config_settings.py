from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_duplicate_policy = fields.Selection(
        related="company_id.crm_duplicate_policy", readonly=False, required=True
    )
