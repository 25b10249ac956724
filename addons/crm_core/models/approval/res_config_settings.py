from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_discount_approval = fields.Boolean(
        related="company_id.crm_discount_approval", readonly=False
    )
