from odoo import fields, models


class CrmLoanReturnLine(models.Model):
    _name = "crm.loan.return.line"
    _description = "Loan Return Line"
    _inherit = ["crm.loan.settle.line"]
    _check_company_auto = True

    return_id = fields.Many2one("crm.loan.return", required=True, ondelete="cascade", index=True)
    loan_id = fields.Many2one(related="return_id.loan_id")
    company_id = fields.Many2one(related="return_id.company_id", store=True)
    state = fields.Selection(related="return_id.state", store=True)

    _one_line_per_item = models.UniqueIndex(
        "(return_id, loan_line_id)", "Each loaned item appears once in a return."
    )
