from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_expense_payout_unapproved = fields.Boolean(
        related="company_id.crm_expense_payout_unapproved", readonly=False
    )
    crm_expense_advance_journal_id = fields.Many2one(
        related="company_id.crm_expense_advance_journal_id", readonly=False
    )
