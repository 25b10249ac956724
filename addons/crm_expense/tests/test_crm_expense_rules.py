from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CrmExpenseCommon


@tagged("post_install", "-at_install")
class TestCrmExpenseRules(CrmExpenseCommon):
    def test_amounts_must_be_positive(self):
        with self.assertRaisesRegex(ValidationError, "the amount must be more than zero"):
            self._new_request("a", 0.0)
        request = self._approve(self._new_request("a", 100.0))
        with self.assertRaisesRegex(ValidationError, "the amount must be more than zero"):
            self.env["crm.expense.payout"].create(
                {"request_id": request.id, "description": "Nothing", "amount": -5.0}
            )

    def test_no_payout_on_an_unapproved_request_unless_allowed(self):
        request = self._new_request("a", 100.0)
        payout = self.env["crm.expense.payout"].create(
            {"request_id": request.id, "description": "Taxi", "amount": 20.0}
        )
        with self.assertRaisesRegex(UserError, "is not approved"):
            payout.action_confirm()
        self.assertEqual(payout.state, "draft")
        self.env.company.crm_expense_payout_unapproved = True
        payout.action_confirm()
        # Nothing approved yet, so all of it is beyond the budget: its own approval.
        self.assertRecordValues(payout, [{"state": "submitted", "over_budget": True}])

    def test_other_currency_needs_a_rate(self):
        request = self._approve(self._new_request("a", 100.0))
        other = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search(
                [("id", "!=", self.env.company.currency_id.id), ("rate_ids", "=", False)], limit=1
            )
        )
        other.active = True
        payout = self.env["crm.expense.payout"].create(
            {
                "request_id": request.id,
                "description": "Hotel",
                "amount": 50.0,
                "currency_id": other.id,
            }
        )
        with self.assertRaisesRegex(ValidationError, "has no exchange rate"):
            payout.action_confirm()
        self.assertEqual(payout.state, "draft")
        self.env["res.currency.rate"].create(
            {"currency_id": other.id, "rate": 2.0, "name": "2020-01-01"}
        )
        payout.action_confirm()
        self.assertRecordValues(payout, [{"state": "approved", "amount_request_currency": 25.0}])

    def test_advance_above_the_approved_amount(self):
        request = self._approve(self._new_request("a", 100.0))
        with self.assertRaisesRegex(UserError, "more than the"):
            self._pay_advance(request, 150.0)
        self.assertFalse(request.sudo().advance_payment_ids)
        with self.assertRaisesRegex(UserError, "Pay an Expense Advance"):
            action = request.action_advance()
            Form(
                self.env["crm.expense.advance"]
                .with_user(self.salesman_a)
                .with_context(action["context"])
            ).save().action_pay()
        self._pay_advance(request, 100.0)
        self.assertEqual(request.advanced_amount, 100.0)
        with self.assertRaisesRegex(UserError, "already reach the approved amount"):
            request.action_advance()

    def test_cancel_and_delete_keep_what_money_was_moved(self):
        request = self._approve(self._new_request("a", 300.0))
        with self.assertRaisesRegex(UserError, "only drafts and cancelled ones"):
            request.unlink()
        self._pay_advance(request, 50.0)
        with self.assertRaisesRegex(UserError, "has advances paid"):
            request.action_cancel()
        other = self._approve(self._new_request("a", 300.0))
        payout = self._payout(other, 20.0)
        with self.assertRaisesRegex(UserError, "has confirmed payouts"):
            other.action_cancel()
        with self.assertRaisesRegex(UserError, "only drafts and cancelled ones"):
            payout.unlink()
        self.assertEqual((request | other).mapped("state"), ["approved", "approved"])
        payout.action_cancel()
        other.action_cancel()
        self.assertRecordValues(other, [{"state": "cancel", "spent_amount": 0.0}])

    def test_rejected_over_budget_payout_spends_nothing(self):
        request = self._approve(self._new_request("a", 100.0))
        within = self._payout(request, 60.0)
        beyond = self._payout(request, 60.0)
        self.assertRecordValues(
            within | beyond,
            [
                {"state": "approved", "over_budget": False},
                {"state": "submitted", "over_budget": True},
            ],
        )
        self.assertEqual(request.spent_amount, 60.0)
        beyond.with_user(self.manager).with_context(reject_reason="No").reject_tier()
        self.assertEqual(beyond.state, "rejected")
        self.assertRecordValues(request, [{"spent_amount": 60.0, "remaining_amount": 40.0}])

    def test_advance_netting_reconciles_to_the_cent(self):
        request = self._approve(self._new_request("a", 500.0))
        self._pay_advance(request, 333.33)
        self._payout(request, 100.01)
        self._payout(request, 250.55, product_id=self.meals.id)
        request.action_reimburse()
        expenses = request.expense_ids
        expenses.action_submit()
        admin_expenses = expenses.with_user(self.env.ref("base.user_admin"))
        admin_expenses.action_approve()
        admin_expenses._post_without_wizard()
        receipt = expenses.account_move_id
        payable = receipt.line_ids.filtered(
            lambda line: line.account_id.account_type == "liability_payable"
        )
        self.assertEqual(payable.balance, -350.56)
        self.assertEqual(receipt.amount_residual, 17.23)
        self.assertRecordValues(
            request,
            [
                {
                    "advanced_amount": 333.33,
                    "spent_amount": 350.56,
                    "reimbursed_amount": 350.56,
                    "remaining_amount": 149.44,
                }
            ],
        )
