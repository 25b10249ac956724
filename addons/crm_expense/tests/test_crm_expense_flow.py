from odoo.exceptions import UserError
from odoo.tests import Form, tagged, users

from .common import CrmExpenseCommon


@tagged("post_install", "-at_install")
class TestCrmExpenseFlow(CrmExpenseCommon):
    @users("salesman_a")
    def test_request_from_opportunity_to_reimbursement(self):
        lead = self.leads["a"].with_env(self.env)
        action = lead.action_crm_expense_new_request()
        with Form(self.env["crm.expense.request"].with_context(action["context"])) as form:
            form.purpose = "Visit the plant with the customer"
            form.product_id = self.travel
            form.amount = 1000.0
        request = form.record
        self.assertRecordValues(
            request,
            [
                {
                    "state": "draft",
                    "res_model": "crm.lead",
                    "res_id": lead.id,
                    "partner_id": self.customers["a"].id,
                    "lead_id": lead.id,
                    "employee_id": self.employees["a"].id,
                    "department_id": self.department_1.id,
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                }
            ],
        )
        self.assertEqual(request.document_ref, lead)

        request.action_submit()
        self.assertEqual(request.state, "submitted")
        with self.assertRaisesRegex(UserError, "not approved"):
            request.action_new_payout()
        request.with_user(self.manager).validate_tier()
        self.assertRecordValues(request, [{"state": "approved", "approved_amount": 1000.0}])

        self._pay_advance(request, 400.0)
        advance = request.sudo().advance_payment_ids
        self.assertRecordValues(
            advance,
            [
                {
                    "payment_type": "outbound",
                    "partner_id": self.salesman_a.partner_id.id,
                    "amount": 400.0,
                    "state": "in_process",
                }
            ],
        )
        self.assertEqual(request.advanced_amount, 400.0)

        first = self._payout(request, 300.0)
        second = self._payout(request, 500.0, payee_id=self.vendor.id)
        self.assertRecordValues(
            first | second,
            [
                {"state": "approved", "over_budget": False, "lead_id": lead.id},
                {"state": "approved", "over_budget": False, "lead_id": lead.id},
            ],
        )
        self.assertRecordValues(request, [{"spent_amount": 800.0, "remaining_amount": 200.0}])
        # 350 more than the 200 left: the payout waits for its own approval.
        third = self._payout(request, 350.0)
        self.assertRecordValues(third, [{"state": "submitted", "over_budget": True}])
        self.assertEqual(request.spent_amount, 800.0)
        third.with_user(self.manager).validate_tier()
        self.assertEqual(third.state, "approved")
        self.assertRecordValues(request, [{"spent_amount": 1150.0, "remaining_amount": -150.0}])
        self.assertRecordValues(
            lead,
            [
                {
                    "crm_expense_request_count": 1,
                    "crm_expense_approved_amount": 1000.0,
                    "crm_expense_spent_amount": 1150.0,
                }
            ],
        )

        request.action_reimburse()
        expenses = request.expense_ids
        self.assertEqual(len(expenses), 3)
        self.assertEqual((first | second | third).expense_id, expenses)
        self.assertRecordValues(
            expenses.sorted("total_amount_currency"),
            [
                {
                    "employee_id": self.employees["a"].id,
                    "total_amount_currency": 300.0,
                    "payment_mode": "own_account",
                    "state": "draft",
                },
                {
                    "employee_id": self.employees["a"].id,
                    "total_amount_currency": 350.0,
                    "payment_mode": "own_account",
                    "state": "draft",
                },
                {
                    "employee_id": self.employees["a"].id,
                    "total_amount_currency": 500.0,
                    "payment_mode": "own_account",
                    "state": "draft",
                },
            ],
        )
        with self.assertRaisesRegex(UserError, "nothing left to reimburse"):
            request.action_reimburse()

        # Odoo's expenses take over: submit, approve, post the receipt.
        expenses.action_submit()
        admin_expenses = expenses.with_user(self.env.ref("base.user_admin"))
        admin_expenses.action_approve()
        admin_expenses._post_without_wizard()
        receipt = expenses.account_move_id
        self.assertEqual(len(receipt), 1)
        payable = receipt.line_ids.filtered(
            lambda line: line.account_id.account_type == "liability_payable"
        )
        # The advance is netted: 1,150 spent, 400 already paid, 750 still due.
        self.assertEqual(payable.balance, -1150.0)
        self.assertEqual(payable.amount_residual, -750.0)
        advance_line = advance.move_id.line_ids.filtered(
            lambda line: line.account_id == payable.account_id
        )
        self.assertTrue(advance_line.reconciled)
        self.assertRecordValues(
            request,
            [{"reimbursed_amount": 1150.0, "advanced_amount": 400.0, "spent_amount": 1150.0}],
        )
        self.assertEqual(receipt.payment_state, "partial")
        self.assertEqual(receipt.amount_residual, 750.0)

    def test_payout_without_request_for_a_campaign(self):
        campaign = self.env["utm.campaign"].create({"name": "Spring Fair"})
        payout = self.env["crm.expense.payout"].create(
            {
                **campaign._crm_expense_defaults(),
                "description": "Booth",
                "product_id": self.meals.id,
                "amount": 250.0,
                "employee_id": self.employees["c"].id,
            }
        )
        payout.action_confirm()
        self.assertRecordValues(
            payout, [{"state": "approved", "over_budget": False, "campaign_id": campaign.id}]
        )
        self.assertEqual(campaign.crm_expense_spent_amount, 250.0)
        self.assertEqual(campaign.crm_expense_request_count, 0)

    def test_reject_withdraw_and_reset(self):
        request = self._new_request("a", 500.0)
        request.action_submit()
        request.with_user(self.manager).with_context(reject_reason="Too dear").reject_tier()
        self.assertEqual(request.state, "rejected")
        request.action_draft()
        self.assertRecordValues(request, [{"state": "draft", "approved_amount": 0.0}])
        request.action_submit()
        request.action_withdraw_approval()
        self.assertEqual(request.state, "draft")
        with self.assertRaisesRegex(UserError, "Only approved expense requests can be closed"):
            request.action_close()

    def test_payout_form_from_a_request_starts_from_it(self):
        request = self._approve(self._new_request("a", 200.0, product_id=self.meals.id))
        action = request.action_new_payout()
        with Form(self.env["crm.expense.payout"].with_context(action["context"])) as form:
            form.description = "Lunch with the buyer"
            form.amount = 80.0
        self.assertRecordValues(
            form.record,
            [
                {
                    "request_id": request.id,
                    "product_id": self.meals.id,
                    "currency_id": request.currency_id.id,
                    "employee_id": self.employees["a"].id,
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                    "res_model": "crm.lead",
                    "res_id": self.leads["a"].id,
                    "lead_id": self.leads["a"].id,
                    "partner_id": self.customers["a"].id,
                }
            ],
        )
