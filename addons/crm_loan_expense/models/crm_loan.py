from odoo import models


class CrmLoan(models.Model):
    _name = "crm.loan"
    _inherit = ["crm.loan", "crm.expense.document"]

    def _crm_expense_defaults(self):
        return {
            **super()._crm_expense_defaults(),
            "partner_id": self.commercial_partner_id.id,
            "user_id": self.user_id.id,
        }
