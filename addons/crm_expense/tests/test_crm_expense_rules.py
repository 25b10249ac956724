from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CrmExpenseCommon


@tagged("post_install", "-at_install")
class TestCrmExpenseRules(CrmExpenseCommon):
    def test_amounts_must_be_positive(self):
        with self.assertRaisesRegex(ValidationError, "requested amount must be more than zero"):
            self._new_request("a", 0.0)
        request = self._approve(self._new_request("a", 100.0))
        with self.assertRaisesRegex(ValidationError, "payout amount must be more than zero"):
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
