from freezegun import freeze_time

from odoo.tests import tagged

from .approval_common import ApprovalCommon


@tagged("post_install", "-at_install")
class TestApprovalAccess(ApprovalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.orders["b"].order_line.discount = 50
        with freeze_time("2026-11-20 09:00:00"):
            cls.order.with_user(cls.salesman_a).request_validation()
        with freeze_time("2026-11-24 09:00:00"):
            cls.orders["b"].with_user(cls.salesman_b).request_validation()
        cls.review_a = cls.order.review_ids
        cls.review_b = cls.orders["b"].review_ids

    def _visible(self, user):
        return self.env["crm.approval.pending"].with_user(user).search([]).review_id

    def test_pending_approvals_per_role(self):
        self.assertEqual(self._visible(self.salesman_a), self.review_a)
        self.assertEqual(self._visible(self.salesman_b), self.review_b)
        self.assertFalse(self._visible(self.salesman_c))
        self.assertFalse(self._visible(self.leader_1))
        # The reviewer sees what waits for them; a sales manager sees everything.
        self.assertEqual(self._visible(self.manager), self.review_a | self.review_b)
        other_manager = self.env["res.users"].create(
            {
                "name": "Other Manager",
                "login": "other_manager",
                "group_ids": [(4, self.env.ref("sales_team.group_sale_manager").id)],
            }
        )
        self.assertEqual(self._visible(other_manager), self.review_a | self.review_b)

    def test_waiting_days_and_late_filter(self):
        Pending = self.env["crm.approval.pending"].with_user(self.manager)
        with freeze_time("2026-11-25 09:00:00"):
            lines = Pending.search([], order="requested_date")
            self.assertRecordValues(
                lines,
                [
                    {
                        "review_id": self.review_a.id,
                        "waiting_days": 5.0,
                        "res_name": self.order.name,
                    },
                    {
                        "review_id": self.review_b.id,
                        "waiting_days": 1.0,
                        "res_name": self.orders["b"].name,
                    },
                ],
            )
            late = Pending.search([("waiting_days", ">", 3)])
            self.assertEqual(late.review_id, self.review_a)
            groups = Pending._read_group([], ["reviewer_ids"], ["__count"])
            self.assertEqual(groups, [(self.manager, 2)])
            with self.assertQueryCount(4):
                lines.invalidate_recordset()
                lines.mapped("waiting_days")
                lines.mapped("res_name")

    def test_decided_reviews_leave_the_report(self):
        self.order.with_user(self.manager).validate_tier()
        self.assertEqual(self._visible(self.manager), self.review_b)
        action = (
            self.env["crm.approval.pending"]
            .with_user(self.manager)
            .search([])
            .action_open_document()
        )
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("sale.order", self.orders["b"].id)
        )
