from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .pool_common import CrmPoolCommon


@tagged("post_install", "-at_install")
class TestPoolRecall(CrmPoolCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env["crm.pool.rule"].create(
            {
                "name": "Customers without follow-up",
                "resource_type": "customer",
                "condition": "no_followup",
                "days": 30,
                "warning_days": 7,
                "pool_id": cls.pool_public.id,
            }
        )

    def make_customers(self, user, ages, name="Stale"):
        """Customers owned by ``user``, created ``age`` days ago."""
        customers = self.env["res.partner"].create(
            [
                {
                    "name": f"{name} {index} ({age} days)",
                    "is_company": True,
                    "customer_rank": 1,
                    "user_id": user.id,
                }
                for index, age in enumerate(ages)
            ]
        )
        self.set_dates(customers, "create_date", ages)
        return customers

    def set_dates(self, records, field, ages):
        records.flush_recordset()
        now = fields.Datetime.now()
        for record, age in zip(records, ages, strict=True):
            self.env.cr.execute(
                f"UPDATE {records._table} SET {field} = %s WHERE id = %s",
                (now - timedelta(days=age), record.id),
            )
        records.invalidate_recordset()

    def mails_to(self, user):
        return self.env["mail.mail"].search(
            [("recipient_ids", "in", user.partner_id.ids), ("model", "=", "crm.pool.rule")],
            order="id",
        )

    def test_warning_then_recall(self):
        overdue, warned, fresh, followed = self.make_customers(self.salesman_a, [35, 27, 10, 40])
        followed.message_post(body="Called them", message_type="comment")
        self.rule._apply_rules()
        today = fields.Date.context_today(self.rule)
        self.assertRecordValues(
            overdue | warned | fresh | followed,
            [
                {"user_id": False, "pool_id": self.pool_public.id, "pool_recall_date": False},
                {
                    "user_id": self.salesman_a.id,
                    "pool_id": False,
                    "pool_recall_date": today + timedelta(days=3),
                },
                {"user_id": self.salesman_a.id, "pool_id": False, "pool_recall_date": False},
                {"user_id": self.salesman_a.id, "pool_id": False, "pool_recall_date": False},
            ],
        )
        self.assertRecordValues(
            self.logs_of(overdue),
            [
                {
                    "action": "recall",
                    "rule_id": self.rule.id,
                    "from_user_id": self.salesman_a.id,
                    "to_pool_id": self.pool_public.id,
                    "reason": "Customers without follow-up: No follow-up for 30 days",
                }
            ],
        )
        self.assertEqual(self.rule.recall_count, 1)
        mails = self.mails_to(self.salesman_a)
        self.assertEqual(
            mails.mapped("subject"), ["Recall warning: 1 customers", "Recalled: 1 customers"]
        )
        self.assertIn("Stale 1 (27 days)", mails[0].body_html)
        self.assertIn("Stale 0 (35 days)", mails[1].body_html)
        activities = self.rule.activity_ids
        self.assertEqual(activities.user_id, self.salesman_a)
        self.assertCountEqual(
            activities.mapped("summary"), ["Recall warning: 1 customers", "Recalled: 1 customers"]
        )
        # the owner sees the coming recall on their customer
        self.assertEqual(warned.with_user(self.salesman_a).pool_recall_date, today + timedelta(3))
        # a second run warns nobody twice and recalls nothing more
        self.rule._apply_rules()
        self.assertEqual(len(self.mails_to(self.salesman_a)), 2)
        self.assertEqual(len(self.rule.activity_ids), 2)
        # following up clears the warning
        warned.message_post(body="Visited", message_type="comment")
        self.rule._apply_rules()
        self.assertFalse(warned.pool_recall_date)
        self.assertEqual(warned.user_id, self.salesman_a)
        # the previous owner may not claim the recalled customer back yet
        with self.assertRaisesRegex(UserError, "cannot be claimed back"):
            overdue.with_user(self.salesman_a).action_pool_claim()

    def test_one_summary_per_owner(self):
        self.make_customers(self.salesman_a, [40, 41, 42], name="A")
        self.make_customers(self.salesman_b, [40, 25], name="B")
        self.rule._apply_rules()
        self.assertEqual(
            self.mails_to(self.salesman_a).mapped("subject"), ["Recalled: 3 customers"]
        )
        self.assertEqual(
            self.mails_to(self.salesman_b).mapped("subject"),
            ["Recall warning: 1 customers", "Recalled: 1 customers"],
        )
        self.assertEqual(len(self.rule.activity_ids), 3)

    def test_levels_and_team_pool_scope(self):
        level_a = self.env.ref("crm_core.customer_level_a")
        team_rule = self.rule.copy(
            {
                "name": "Team One A customers",
                "pool_id": self.pool_1.id,
                "level_ids": [Command.set(level_a.ids)],
            }
        )
        mine = self.make_customers(self.salesman_a, [40, 40])
        theirs = self.make_customers(self.salesman_c, [40])
        (mine[0] | theirs).level_id = level_a
        team_rule._apply_rules()
        self.assertRecordValues(
            mine | theirs,
            [
                {"user_id": False, "pool_id": self.pool_1.id},
                {"user_id": self.salesman_a.id, "pool_id": False},
                {"user_id": self.salesman_c.id, "pool_id": False},
            ],
        )

    def test_no_stage_progress_on_opportunities(self):
        rule = self.env["crm.pool.rule"].create(
            {
                "name": "Stuck opportunities",
                "resource_type": "opportunity",
                "condition": "no_stage",
                "days": 20,
                "warning_days": 0,
                "pool_id": self.pool_1.id,
            }
        )
        Lead = self.env["crm.lead"]
        stuck, moving, lead_type = Lead.create(
            [
                {"name": "Stuck", "type": "opportunity", "user_id": self.salesman_a.id},
                {"name": "Moving", "type": "opportunity", "user_id": self.salesman_a.id},
                {"name": "A lead", "type": "lead", "user_id": self.salesman_a.id},
            ]
        )
        records = stuck | moving | lead_type
        self.set_dates(records, "create_date", [60, 60, 60])
        self.set_dates(records, "date_last_stage_update", [25, 5, 25])
        rule._apply_rules()
        self.assertRecordValues(
            records,
            [
                {"user_id": False, "pool_id": self.pool_1.id, "team_id": self.team_1.id},
                {"user_id": self.salesman_a.id, "pool_id": False, "team_id": self.team_1.id},
                {"user_id": self.salesman_a.id, "pool_id": False, "team_id": self.team_1.id},
            ],
        )
        self.assertEqual(
            self.mails_to(self.salesman_a).mapped("subject"), ["Recalled: 1 opportunities"]
        )

    def test_no_won_order(self):
        rule = self.rule.copy({"name": "No orders", "condition": "no_order"})
        with_order, without = self.make_customers(self.salesman_a, [90, 90])
        order = self.env["sale.order"].create(
            {
                "partner_id": with_order.id,
                "order_line": [Command.create({"product_id": self.product.id})],
            }
        )
        order.action_confirm()
        rule._apply_rules()
        self.assertEqual(with_order.user_id, self.salesman_a)
        self.assertFalse(without.user_id)

    def test_query_count_does_not_grow_with_records(self):
        counts = []
        # the first run fills caches (activity type, model ids); each run starts from the
        # same state
        for size in (1, 3, 12):
            self.env.flush_all()
            self.env.cr.execute("SAVEPOINT pool_query_count")
            customers = self.make_customers(self.salesman_a, [40] * size + [26] * size)
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            self.rule._apply_rules()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertFalse(customers[:size].user_id)
            self.assertTrue(all(customers[size:].mapped("pool_recall_date")))
            self.env.cr.execute("ROLLBACK TO SAVEPOINT pool_query_count")
            self.env.invalidate_all()
        self.assertEqual(counts[1], counts[2])

    def test_cron(self):
        overdue = self.make_customers(self.salesman_a, [45])
        self.env["crm.pool.rule"]._cron_apply_rules()
        self.assertFalse(overdue.user_id)
        self.assertTrue(self.rule.last_run)
        # not due again the same day
        overdue2 = self.make_customers(self.salesman_a, [45])
        self.env["crm.pool.rule"]._cron_apply_rules()
        self.assertEqual(overdue2.user_id, self.salesman_a)
