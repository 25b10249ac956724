from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .approval_common import ApprovalCommon


@tagged("post_install", "-at_install")
class TestApprovalDelegation(ApprovalCommon):
    def _delegate(self, date_from, date_to, to_user=None, from_user=None):
        return (
            self.env["crm.approval.delegation"]
            .with_user(from_user or self.manager)
            .create(
                {
                    "from_user_id": (from_user or self.manager).id,
                    "to_user_id": (to_user or self.leader_1).id,
                    "date_from": date_from,
                    "date_to": date_to,
                }
            )
        )

    def test_constraints(self):
        with (
            self.assertRaisesRegex(ValidationError, "cannot delegate their reviews to themselves"),
            self.cr.savepoint(),
        ):
            self._delegate("2026-12-01", "2026-12-05", to_user=self.manager)
        with self.assertRaisesRegex(ValidationError, "before it starts"), self.cr.savepoint():
            self._delegate("2026-12-05", "2026-12-01")
        self._delegate("2026-12-01", "2026-12-05")
        with (
            self.assertRaisesRegex(ValidationError, "already delegates their reviews"),
            self.cr.savepoint(),
        ):
            self._delegate("2026-12-04", "2026-12-10", to_user=self.leader_2)
        # Another absent user, or after the period: fine.
        self._delegate("2026-12-06", "2026-12-10", to_user=self.leader_2)
        self._delegate("2026-12-04", "2026-12-10", from_user=self.leader_2)

    def test_delegate_reviews_during_the_period_only(self):
        Delegation = self.env["crm.approval.delegation"]
        with freeze_time("2026-11-28"):
            self._request()
            review = self.order.review_ids
            delegation = self._delegate("2026-12-01", "2026-12-05")
            self.assertRecordValues(delegation, [{"state": "scheduled"}])
            self.assertEqual(review.reviewer_ids, self.manager)
            self.assertFalse(self.order.with_user(self.leader_1).can_review)
        with freeze_time("2026-12-01"):
            Delegation._cron_refresh_reviews()
            delegation.invalidate_recordset(["state"])
            self.assertRecordValues(delegation, [{"state": "active"}])
            self.assertEqual(review.reviewer_ids, self.manager | self.leader_1)
            self.assertTrue(self.order.with_user(self.leader_1).can_review)
            # The delegate got the links of the review already pending, once.
            mails = self.env["mail.mail"].search(
                [("model", "=", "tier.review"), ("res_id", "=", review.id)]
            )
            self.assertEqual(sorted(mails.mapped("recipient_ids.name")), ["Leader 1", "Manager"])
            self.assertEqual(
                self.env["crm.approval.token"]
                .sudo()
                .search([("review_id", "=", review.id), ("user_id", "=", self.leader_1.id)])
                .mapped("action"),
                ["reject", "approve"],
            )
            Delegation._cron_refresh_reviews()
            self.assertEqual(
                len(
                    self.env["mail.mail"].search(
                        [("model", "=", "tier.review"), ("res_id", "=", review.id)]
                    )
                ),
                2,
            )
            pending = self.env["crm.approval.pending"].with_user(self.leader_1).search([])
            self.assertEqual(pending.review_id, review)
        with freeze_time("2026-12-06"):
            Delegation._cron_refresh_reviews()
            delegation.invalidate_recordset(["state"])
            self.assertRecordValues(delegation, [{"state": "ended"}])
            self.assertEqual(review.reviewer_ids, self.manager)
            self.assertFalse(self.order.with_user(self.leader_1).can_review)
            self.assertFalse(self.env["crm.approval.pending"].with_user(self.leader_1).search([]))

    def test_delegate_approves_and_end_early(self):
        with freeze_time("2026-12-02"):
            delegation = self._delegate("2026-12-01", "2026-12-05")
            self._request()
            self.assertEqual(self.order.review_ids.reviewer_ids, self.manager | self.leader_1)
            other = self.orders["b"]
            other.order_line.discount = 50
            self._request(other, self.salesman_b)

            self.order.with_user(self.leader_1).validate_tier()
            self.assertRecordValues(
                self.order.review_ids, [{"status": "approved", "done_by": self.leader_1.id}]
            )

            delegation.with_user(self.manager).action_end()
            self.assertRecordValues(delegation, [{"state": "ended", "date_to": date(2026, 12, 1)}])
            self.assertEqual(other.review_ids.reviewer_ids, self.manager)
            self.assertFalse(other.with_user(self.leader_1).can_review)
            with self.assertRaisesRegex(UserError, "has already ended"):
                delegation.with_user(self.manager).action_end()

    def test_delegation_access(self):
        delegation = self._delegate("2026-12-01", "2026-12-05")
        Delegation = self.env["crm.approval.delegation"]
        self.assertEqual(Delegation.with_user(self.leader_1).search([]), delegation)
        self.assertEqual(Delegation.with_user(self.manager).search([]), delegation)
        self.assertFalse(Delegation.with_user(self.salesman_a).search([]))
        with self.assertRaises(UserError):
            delegation.with_user(self.leader_1).write({"date_to": "2026-12-31"})
