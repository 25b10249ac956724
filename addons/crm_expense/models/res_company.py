from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_expense_payout_unapproved = fields.Boolean(
        string="Payouts Before Approval",
        help="Let payouts be recorded on expense requests still waiting for their approval.",
    )
    crm_expense_advance_journal_id = fields.Many2one(
        "account.journal",
        string="Advance Journal",
        domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', id)]",
        help="The bank or cash journal advances to employees are paid from.",
    )
