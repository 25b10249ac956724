from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_enforce_2fa = fields.Boolean(related="company_id.crm_enforce_2fa", readonly=False)
