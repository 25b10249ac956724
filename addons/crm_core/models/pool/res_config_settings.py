from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_pool_intake = fields.Boolean(related="company_id.crm_pool_intake", readonly=False)
    pool_reclaim_days = fields.Integer(
        related="company_id.pool_reclaim_days", readonly=False, string="Reclaim Block (Days)"
    )
