from odoo.tests import tagged

from odoo.addons.crm_expense.tests.common import CrmExpenseCommon
from odoo.addons.crm_loan.tests.common import CrmLoanCommon


@tagged("post_install", "-at_install")
class TestCrmLoanExpense(CrmLoanCommon, CrmExpenseCommon):
    """A loan is a document expenses belong to, and a gift of its goods becomes
    the owner's expense request for the gift's cost."""

    def test_gift_becomes_the_owners_expense_request(self):
        loan = self._shipped_loan("a", {self.analyser: self.serials[:1], self.kit: 5})
        an_line, kit_line = self.line_of(loan, self.analyser), self.line_of(loan, self.kit)
        gift = self._convert(loan, {an_line: self.serials[:1], kit_line: 2}, "gift")
        gift.action_confirm()
        request = gift.expense_request_id
        self.assertRecordValues(
            request,
            [
                {
                    "state": "draft",
                    "res_model": "crm.loan",
                    "res_id": loan.id,
                    "product_id": self.env.ref("crm_loan_expense.product_loan_gift").id,
                    "amount": 616.0,
                    "employee_id": self.employees["a"].id,
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                    "partner_id": self.customers["a"].id,
                    "company_id": loan.company_id.id,
                }
            ],
        )
        self.assertEqual(request.document_ref, loan)
        self.assertIn(gift.name, request.purpose)
        self._approve(request)
        self._payout(request, 616.0, payment_mode="company_account")
        self.assertRecordValues(
            loan,
            [
                {
                    "crm_expense_request_count": 1,
                    "crm_expense_approved_amount": 616.0,
                    "crm_expense_spent_amount": 616.0,
                }
            ],
        )
        self.assertEqual(
            gift.action_view_expense_request()["res_id"], request.id, "the conversion opens it"
        )

    def test_consumption_makes_no_request(self):
        loan = self._shipped_loan("a", {self.kit: 5})
        consume = self._convert(loan, {loan.line_ids: 3}, "consume")
        consume.action_confirm()
        self.assertFalse(consume.expense_request_id)
        self.assertEqual(loan.crm_expense_request_count, 0)

    def test_gift_of_an_owner_without_employee_is_noted_not_blocked(self):
        self.employees["b"].user_id = False
        loan = self._shipped_loan("b", {self.kit: 5})
        gift = self._convert(loan, {loan.line_ids: 1}, "gift")
        gift.action_confirm()
        self.assertRecordValues(gift, [{"state": "done", "expense_request_id": False}])
        self.assertFalse(self.env["crm.expense.request"].search([("res_model", "=", "crm.loan")]))
        self.assertIn("No expense request was made", loan.message_ids[0].body)

    def test_new_request_from_a_loan_starts_from_its_customer(self):
        loan = self._new_loan("c", {self.kit: 1})
        context = loan.action_crm_expense_new_request()["context"]
        self.assertEqual(
            context,
            {
                "default_res_model": "crm.loan",
                "default_res_id": loan.id,
                "default_company_id": loan.company_id.id,
                "default_partner_id": self.customers["c"].id,
                "default_user_id": self.salesman_c.id,
            },
        )
