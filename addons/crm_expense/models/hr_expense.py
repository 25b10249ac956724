from odoo import api, fields, models


class HrExpense(models.Model):
    _inherit = "hr.expense"

    crm_expense_request_id = fields.Many2one(
        "crm.expense.request", string="Expense Request", readonly=True, index="btree_not_null"
    )
    crm_expense_payout_id = fields.Many2one(
        "crm.expense.payout", string="Payout", readonly=True, index="btree_not_null"
    )

    @api.ondelete(at_uninstall=False)
    def _unlink_crm_expense_release_payout(self):
        # The payout may be reimbursed again once its expense is gone.
        self.crm_expense_payout_id.sudo().expense_id = False
