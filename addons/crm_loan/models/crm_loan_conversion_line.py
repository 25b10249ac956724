from odoo import fields, models


class CrmLoanConversionLine(models.Model):
    _name = "crm.loan.conversion.line"
    _description = "Loan Conversion Line"
    _inherit = ["crm.loan.settle.line"]
    _check_company_auto = True

    conversion_id = fields.Many2one(
        "crm.loan.conversion", required=True, ondelete="cascade", index=True
    )
    loan_id = fields.Many2one(related="conversion_id.loan_id")
    company_id = fields.Many2one(related="conversion_id.company_id", store=True)
    state = fields.Selection(related="conversion_id.state", store=True)

    _one_line_per_item = models.UniqueIndex(
        "(conversion_id, loan_line_id)", "Each loaned item appears once in a conversion."
    )
