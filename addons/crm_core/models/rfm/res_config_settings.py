from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_rfm_window_days = fields.Integer(related="company_id.crm_rfm_window_days", readonly=False)
