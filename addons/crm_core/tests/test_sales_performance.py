from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .funnel_common import CrmFunnelCommon


@tagged("post_install", "-at_install")
class TestSalesPerformance(CrmFunnelCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Target = cls.env["crm.sales.target"]
        cls.target_a = Target.create(
            {"user_id": cls.salesman_a.id, "month": "2026-03-11", "target_amount": 8000}
        )
        cls.target_b = Target.create(
            {"user_id": cls.salesman_b.id, "month": "2026-03-01", "target_amount": 5000}
        )
        cls.target_c = Target.create(
            {"user_id": cls.salesman_c.id, "month": "2026-03-01", "target_amount": 1000}
        )
        with freeze_time("2026-03-12 10:00:00"):
            (cls.opp_1 | cls.opp_2).action_set_won()
            cls.opp_3.action_set_lost()
            order = cls.env["sale.order"].create(
                {
                    "partner_id": cls.customers["a"].id,
                    "user_id": cls.salesman_a.id,
                    "team_id": cls.team_1.id,
                    "order_line": [
                        Command.create({"product_id": cls.product.id, "price_unit": 250})
                    ],
                }
            )
            order.action_confirm()
            # opp_won was won at creation, opp_lost lost at creation: both in March.
            (cls.opp_won | cls.opp_lost).date_closed = "2026-03-05 09:00:00"

    def rows(self, user=None):
        Report = self.env["crm.sales.performance"]
        if user:
            Report = Report.with_user(user)
        return Report.search(
            [
                ("month", "=", "2026-03-01"),
                ("user_id", "in", (self.salesman_a | self.salesman_b | self.salesman_c).ids),
            ]
        )

    def test_target_month_and_team(self):
        self.assertRecordValues(
            self.target_a,
            [{"month": self.target_b.month, "team_id": self.team_1.id, "target_amount": 8000}],
        )

    def test_performance_exact(self):
        self.env.flush_all()
        self.assertRecordValues(
            self.rows().sorted(lambda r: r.user_id.login),
            [
                {
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                    "target_amount": 8000.0,
                    # opp_1 (1,000) and opp_won (2,000) won; opp_lost lost.
                    "won_amount": 3000.0,
                    "won_count": 2,
                    "lost_count": 1,
                    "order_count": 1,
                    "order_amount": 250.0,
                    "conversion_rate": 66.67,
                    "achievement": 37.5,
                },
                {
                    "user_id": self.salesman_b.id,
                    "team_id": self.team_1.id,
                    "target_amount": 5000.0,
                    "won_amount": 3000.0,
                    "won_count": 1,
                    "lost_count": 0,
                    "order_count": 0,
                    "order_amount": 0.0,
                    "conversion_rate": 100.0,
                    "achievement": 60.0,
                },
                {
                    "user_id": self.salesman_c.id,
                    "team_id": self.team_2.id,
                    "target_amount": 1000.0,
                    "won_amount": 0.0,
                    "won_count": 0,
                    "lost_count": 1,
                    "order_count": 0,
                    "order_amount": 0.0,
                    "conversion_rate": 0.0,
                    "achievement": 0.0,
                },
            ],
        )

    def test_grouped_rates_are_ratios_of_sums(self):
        # Team One: A achieved 3,000 of 8,000 (37.5%) and B 3,000 of 5,000 (60%):
        # the team achieved 6,000 of 13,000 (46.15%), not their average (48.75%);
        # conversion 3 won of 4 decided (75%), not the average of 66.67% and 100%.
        self.env.flush_all()
        Report = self.env["crm.sales.performance"]
        domain = [("id", "in", self.rows().ids)]
        self.assertEqual(
            sorted(
                Report.formatted_read_group(
                    domain, ["team_id"], ["achievement:avg", "conversion_rate:avg", "__count"]
                ),
                key=lambda group: group["team_id"][1],
            ),
            [
                {
                    "team_id": (self.team_1.id, self.team_1.display_name),
                    "achievement:avg": 46.15,
                    "conversion_rate:avg": 75.0,
                    "__count": 2,
                    "__extra_domain": [("team_id", "=", self.team_1.id)],
                },
                {
                    "team_id": (self.team_2.id, self.team_2.display_name),
                    "achievement:avg": 0.0,
                    "conversion_rate:avg": 0.0,
                    "__count": 1,
                    "__extra_domain": [("team_id", "=", self.team_2.id)],
                },
            ],
        )
        # the pivot's and the graph's total: 6,000 of 14,000; 3 won of 5 decided
        self.assertEqual(
            Report._read_group(domain, [], ["achievement:avg", "conversion_rate:avg"]),
            [(42.86, 60.0)],
        )

    def test_access_per_role(self):
        self.env.flush_all()
        expected = {
            "salesman_a": self.salesman_a,
            "salesman_c": self.salesman_c,
            "leader_1": self.salesman_a | self.salesman_b,
            "leader_2": self.salesman_c,
            "manager": self.salesman_a | self.salesman_b | self.salesman_c,
        }
        for role, users in expected.items():
            with self.subTest(role=role):
                self.assertEqual(self.rows(getattr(self, role)).user_id, users)
                targets = (
                    self.env["crm.sales.target"]
                    .with_user(getattr(self, role))
                    .search([("id", "in", (self.target_a | self.target_b | self.target_c).ids)])
                )
                self.assertEqual(targets.user_id, users)

    def test_targets_editable_by_leaders_only(self):
        with self.assertRaisesRegex(UserError, "not allowed to modify"):
            self.target_a.with_user(self.salesman_a).target_amount = 1
        self.target_a.with_user(self.leader_1).target_amount = 9000
        self.assertEqual(self.target_a.target_amount, 9000)
        with self.assertRaisesRegex(UserError, "Monthly Sales Target"):
            self.target_c.with_user(self.leader_1).target_amount = 1

    def test_bad_targets(self):
        Target = self.env["crm.sales.target"]
        with self.assertRaisesRegex(ValidationError, "A sales target cannot be negative"):
            Target.create(
                {"user_id": self.salesman_a.id, "month": "2026-04-01", "target_amount": -5}
            )
        with self.assertRaisesRegex(ValidationError, "A sales target cannot be negative"):
            self.target_a.target_amount = -1
        with self.assertRaisesRegex(
            ValidationError, "Salesman A already has a sales target for 2026-03"
        ):
            Target.create({"user_id": self.salesman_a.id, "month": "2026-03-20"})
        with self.assertRaisesRegex(
            ValidationError, "Salesman B already has a sales target for 2026-04"
        ):
            Target.create(
                [
                    {"user_id": self.salesman_b.id, "month": "2026-04-01"},
                    {"user_id": self.salesman_b.id, "month": "2026-04-30"},
                ]
            )
        with self.assertRaisesRegex(
            ValidationError, "Salesman B already has a sales target for 2026-03"
        ):
            self.target_a.user_id = self.salesman_b
        # The database refuses them as well, whatever the way in.
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "UPDATE crm_sales_target SET target_amount = -1 WHERE id = %s",
                    [self.target_a.id],
                )
        self.assertEqual(self.target_a.target_amount, 8000)
