from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .approval_common import ApprovalCommon


@tagged("post_install", "-at_install")
class TestDiscountAuthority(ApprovalCommon):
    def test_authority_own_row_then_best_group_then_zero(self):
        Authority = self.env["crm.discount.authority"]
        Authority.create(
            {"group_id": self.env.ref("crm_core.group_crm_team_leader").id, "max_discount": 12}
        )
        nobody = self.env["res.users"].create({"name": "No Role", "login": "no_role"})
        users = self.salesman_a | self.salesman_b | self.leader_1 | self.manager | nobody
        self.assertEqual(
            Authority._get_max_discounts(users, self.env.company),
            {
                self.salesman_a.id: 10.0,
                self.salesman_b.id: 20.0,
                self.leader_1.id: 12.0,
                self.manager.id: 100.0,
                nobody.id: 0.0,
            },
        )

    def test_authority_constraints(self):
        Authority = self.env["crm.discount.authority"]
        with (
            self.assertRaisesRegex(ValidationError, "either a salesperson or a role"),
            self.cr.savepoint(),
        ):
            Authority.create({"max_discount": 5})
        with (
            self.assertRaisesRegex(ValidationError, "either a salesperson or a role"),
            self.cr.savepoint(),
        ):
            Authority.create(
                {
                    "user_id": self.salesman_c.id,
                    "group_id": self.env.ref("base.group_user").id,
                    "max_discount": 5,
                }
            )
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"), self.cr.savepoint():
            Authority.create({"user_id": self.salesman_c.id, "max_discount": 101})

    def test_discount_exceeded_per_salesperson(self):
        self.orders["b"].order_line.discount = 15
        self.orders["c"].order_line.discount = 10
        orders = self.order | self.orders["b"] | self.orders["c"] | self.orders["pool"]
        self.assertRecordValues(
            orders,
            [
                {"crm_discount_exceeded": True},
                {"crm_discount_exceeded": False},
                {"crm_discount_exceeded": False},
                {"crm_discount_exceeded": False},
            ],
        )
        self.assertFalse(self.orders["pool"].need_validation)

    def test_off_unless_enabled_for_the_company(self):
        self.env.company.crm_discount_approval = False
        self.assertFalse(self.order.crm_discount_exceeded)
        self.assertFalse(self.order.need_validation)
        self.order.with_user(self.salesman_a).action_confirm()
        self.assertRecordValues(self.order, [{"state": "sale", "validation_status": "no"}])

    def test_query_count_does_not_grow_with_orders(self):
        orders = self.order | self.orders["b"] | self.orders["c"]
        orders.order_line.discount = 15

        def count(records):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            records.mapped("crm_discount_exceeded")
            return self.cr.sql_log_count - before

        self.assertEqual(count(self.order), count(orders))


@tagged("post_install", "-at_install")
class TestSaleDiscountApproval(ApprovalCommon):
    def test_confirm_without_discount_needs_no_validation(self):
        order = self.orders["b"].with_user(self.salesman_b)
        self.assertFalse(order.need_validation)
        order.action_confirm()
        self.assertRecordValues(order, [{"state": "sale", "validation_status": "no"}])
        self.assertFalse(order.review_ids)

    def test_confirm_over_authority_refused_then_approved(self):
        order = self.order.with_user(self.salesman_a)
        self.assertTrue(order.need_validation)
        with self.assertRaisesRegex(
            UserError,
            r"line Matrix Widget gives 15% discount, above the 10% authority of Salesman A",
        ):
            order.action_confirm()
        self.assertRecordValues(order, [{"state": "draft", "validation_status": "no"}])
        self.assertFalse(order.review_ids)

        self._request()
        self.assertRecordValues(
            order.review_ids,
            [
                {
                    "status": "pending",
                    "requested_by": self.salesman_a.id,
                    "reviewer_ids": self.manager.ids,
                }
            ],
        )
        # Still refused while pending.
        with self.assertRaisesRegex(UserError, "above the 10% authority"):
            order.action_confirm()
        self.order.with_user(self.manager).validate_tier()
        self.assertRecordValues(order, [{"validation_status": "validated"}])
        order.action_confirm()
        self.assertRecordValues(order, [{"state": "sale"}])
        self.assertRecordValues(
            order.review_ids, [{"status": "approved", "done_by": self.manager.id}]
        )

    def test_raised_discount_voids_the_approval(self):
        order = self.order.with_user(self.salesman_a)
        self._request()
        self.order.with_user(self.manager).validate_tier()
        self.assertRecordValues(order, [{"validation_status": "validated"}])
        # Lowering a discount keeps the approval.
        order.order_line.discount = 12.0
        self.assertRecordValues(order, [{"validation_status": "validated"}])
        order.order_line.discount = 40.0
        self.assertRecordValues(order, [{"validation_status": "no", "review_ids": []}])
        self.assertEqual(
            order.with_context(active_test=False).crm_review_history_ids.mapped("status"),
            ["approved"],
        )
        with self.assertRaisesRegex(UserError, "gives 40% discount, above the 10% authority"):
            order.action_confirm()
        self.assertRecordValues(order, [{"state": "draft"}])

    def test_salesman_cannot_validate_own_request(self):
        self._request()
        self.assertFalse(self.order.with_user(self.salesman_a).can_review)
        self.assertTrue(self.order.with_user(self.manager).can_review)

    def test_confirm_while_pending_names_reviewers_and_request_date(self):
        self.salesman_a.tz = "Asia/Shanghai"
        with freeze_time("2026-03-02 02:30:00"):
            order = self._request()
        with self.assertRaisesRegex(
            UserError,
            r"above the 10% authority of Salesman A\. Its approval request of "
            r"03/02/2026 10:30:00 AM waits for Manager\.$",
        ):
            order.action_confirm()
        self.assertRecordValues(order, [{"state": "draft"}])
