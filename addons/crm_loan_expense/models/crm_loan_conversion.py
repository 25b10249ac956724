from odoo import fields, models


class CrmLoanConversion(models.Model):
    _inherit = "crm.loan.conversion"

    expense_request_id = fields.Many2one(
        "crm.expense.request", string="Expense Request", readonly=True, copy=False
    )

    def action_view_expense_request(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.expense.request",
            "res_id": self.expense_request_id.id,
            "views": [(False, "form")],
        }

    def _crm_loan_gift_recorded(self):
        """A gift's cost becomes the loan owner's expense request, in draft for them
        to submit: the goods are gone, but the spending still goes through approval."""
        result = super()._crm_loan_gift_recorded()
        loan = self.loan_id
        item = self.env.ref("crm_loan_expense.product_loan_gift", raise_if_not_found=False)
        owner = loan.user_id or self.env.user
        employee = owner.with_company(loan.company_id).employee_id
        if not (item and item.active and employee and self.cost_amount > 0):
            loan.message_post(
                body=self.env._(
                    "No expense request was made for the gift %(gift)s: it needs a cost, "
                    "the active expense item “Gift of Loaned Goods” and an employee "
                    "for %(owner)s.",
                    gift=self.name,
                    owner=owner.name,
                )
            )
            return result
        request = (
            self.env["crm.expense.request"]
            .sudo()
            .create(
                {
                    **loan._crm_expense_defaults(),
                    "purpose": self.env._(
                        "Gift of loaned goods to %(customer)s (%(gift)s, loan %(loan)s)",
                        customer=loan.partner_id.display_name,
                        gift=self.name,
                        loan=loan.name,
                    ),
                    "product_id": item.id,
                    "amount": self.cost_amount,
                    "currency_id": self.currency_id.id,
                    "employee_id": employee.id,
                    "user_id": owner.id,
                }
            )
        )
        self.expense_request_id = request
        return result
