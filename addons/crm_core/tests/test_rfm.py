from datetime import datetime, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged, users
from odoo.tools import mute_logger

from .common import CrmCoreCommon

NOW = datetime(2026, 6, 30, 12, 0, 0)


@tagged("post_install", "-at_install")
class TestRfm(CrmCoreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.rfm_customers = Partner.create(
            [
                {"name": f"RFM Customer {i}", "is_company": True, "customer_rank": 1}
                for i in range(1, 9)
            ]
        )
        c1, c2, c3, c4, c5, c6, c7, c8 = cls.rfm_customers
        cls.c1, cls.c2, cls.c3, cls.c4, cls.c5, cls.c6, cls.c7, cls.c8 = cls.rfm_customers
        cls.contact_c2 = Partner.create({"name": "RFM Contact 2", "parent_id": c2.id})
        # (customer, days ago, untaxed amount, state)
        plan = [
            (c1, 5, 1000, "sale"),
            (c1, 30, 1000, "sale"),
            (c1, 60, 1000, "sale"),
            (c1, 90, 1000, "sale"),
            (cls.contact_c2, 20, 500, "sale"),  # a contact's order counts for its company
            (c2, 100, 500, "sale"),
            (c2, 200, 500, "sale"),
            (c3, 50, 5000, "sale"),
            (c4, 150, 200, "sale"),
            (c4, 300, 200, "sale"),
            (c4, 2, 9000, "cancel"),  # ignored: cancelled
            (c5, 250, 100, "sale"),
            (c5, 1, 9000, "draft"),  # ignored: quotation
            (c6, 10, 300, "sale"),
            (c6, 40, 300, "sale"),
            (c6, 400, 9000, "sale"),  # ignored: outside the window
            (c7, 500, 700, "sale"),  # only outside the window: not scored
            (c8, 3, 700, "draft"),  # only a quotation: not scored
        ]
        orders = cls.env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.product.id, "price_unit": amount, "tax_ids": False}
                        )
                    ],
                }
                for partner, _days, amount, _state in plan
            ]
        )
        for order, (_partner, days, _amount, state) in zip(orders, plan, strict=True):
            order.write({"state": state, "date_order": NOW - timedelta(days=days)})
        cls.orders_by_customer = orders
        cls.c5_order = orders.filtered(lambda o: o.partner_id == c5 and o.state == "sale")

    def segment(self, xmlid):
        return self.env.ref(f"crm_core.rfm_segment_{xmlid}")

    def assert_scores(self, expected):
        values = []
        for customer, (days, frequency, monetary, score, segment) in expected.items():
            values.append(
                {
                    "id": customer.id,
                    "rfm_recency_days": days,
                    "rfm_frequency": frequency,
                    "rfm_monetary": monetary,
                    "rfm_score": score,
                    "rfm_r_score": int(score[0]) if score else 0,
                    "rfm_f_score": int(score[1]) if score else 0,
                    "rfm_m_score": int(score[2]) if score else 0,
                    "rfm_segment_id": self.segment(segment).id if segment else False,
                    "rfm_date": NOW if score else False,
                }
            )
        self.assertRecordValues(
            self.env["res.partner"].browse([customer.id for customer in expected]).sorted("id"),
            values,
        )

    @freeze_time(NOW)
    def test_scores_and_segments(self):
        count = self.env["res.partner"]._cron_compute_rfm()
        self.assertEqual(count, 6)
        c1, c2, c3, c4, c5, c6, c7, c8 = self.rfm_customers
        self.assert_scores(
            {
                c1: (5, 4, 4000, "554", "champions"),
                c2: (20, 3, 1500, "343", "loyal"),
                c3: (50, 1, 5000, "215", "about_to_sleep"),
                c4: (150, 2, 400, "121", "hibernating"),
                c5: (250, 1, 100, "111", "lost"),
                c6: (10, 2, 600, "432", "potential"),
                c7: (0, 0, 0, False, False),
                c8: (0, 0, 0, False, False),
            }
        )
        # contacts carry nothing: the figures belong to the commercial partner
        self.assertFalse(self.contact_c2.rfm_score)
        self.assertEqual(c1.rfm_company_id, self.env.company)
        self.assertEqual(
            self.env["res.partner"].search(
                [("rfm_segment_id", "!=", False), ("id", "in", self.rfm_customers.ids)]
            ),
            c1 | c2 | c3 | c4 | c5 | c6,
        )

        # c5 loses its only confirmed order: it drops out and the others are re-ranked
        self.c5_order.write({"state": "cancel"})
        self.assertEqual(self.env["res.partner"]._cron_compute_rfm(), 5)
        self.assert_scores(
            {
                c1: (5, 4, 4000, "554", "champions"),
                c2: (20, 3, 1500, "343", "loyal"),
                c3: (50, 1, 5000, "215", "about_to_sleep"),
                c4: (150, 2, 400, "121", "hibernating"),
                c5: (0, 0, 0, False, False),
                c6: (10, 2, 600, "432", "potential"),
            }
        )

    @freeze_time(NOW)
    def test_window_setting(self):
        self.env.company.crm_rfm_window_days = 45
        self.env["res.partner"]._cron_compute_rfm()
        c1, c2, c3, c4, c5, c6 = self.rfm_customers[:6]
        self.assert_scores(
            {
                c1: (5, 2, 2000, "323", "need_attention"),
                c2: (20, 1, 500, "111", "lost"),
                c3: (0, 0, 0, False, False),
                c4: (0, 0, 0, False, False),
                c5: (0, 0, 0, False, False),
                c6: (10, 2, 600, "232", "at_risk"),
            }
        )

    @freeze_time(NOW)
    def test_segment_change_reassigns(self):
        self.env["res.partner"]._cron_compute_rfm()
        self.segment("champions").write({"m_score_min": 5})
        # 554 no longer is a champion: the next segment in sequence takes it
        self.assertEqual(self.c1.rfm_segment_id, self.segment("loyal"))
        self.segment("loyal").unlink()
        self.assertEqual(self.c1.rfm_segment_id, self.segment("promising"))
        self.assertEqual(self.c2.rfm_segment_id, self.segment("need_attention"))

    @freeze_time(NOW)
    def test_recompute_button(self):
        with self.assertRaises(AccessError):
            self.c1.with_user(self.salesman_a).action_compute_rfm()
        self.assertFalse(self.c1.rfm_score)
        action = self.c1.with_user(self.manager).action_compute_rfm()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "success")
        self.assertIn("6", action["params"]["message"])
        self.assertEqual(self.c1.rfm_score, "554")

    @users("__system__")
    @freeze_time(NOW)
    def test_query_count_constant(self):
        Partner = self.env["res.partner"]

        def add_customers(count, prefix):
            customers = Partner.create(
                [
                    {"name": f"{prefix} {i}", "is_company": True, "customer_rank": 1}
                    for i in range(count)
                ]
            )
            orders = self.env["sale.order"].create(
                [
                    {
                        "partner_id": customer.id,
                        "order_line": [
                            Command.create({"product_id": self.product.id, "price_unit": 10 + i})
                        ],
                    }
                    for i, customer in enumerate(customers)
                ]
            )
            orders.write({"state": "sale", "date_order": NOW - timedelta(days=3)})
            self.env.flush_all()
            return customers

        self.env["sale.order"].search([("state", "=", "sale")]).write({"state": "cancel"})
        Partner._cron_compute_rfm()
        few = add_customers(5, "Few")
        with self.assertQueryCount(__system__=2):
            self.assertEqual(Partner._cron_compute_rfm(), 5)
        many = add_customers(45, "Many")
        with self.assertQueryCount(__system__=2):
            self.assertEqual(Partner._cron_compute_rfm(), 50)
        self.assertTrue(all((few | many).mapped("rfm_segment_id")))

    def test_bad_bounds_rejected(self):
        Segment = self.env["crm.rfm.segment"]
        for bounds in (
            {"r_score_min": 0},
            {"f_score_max": 6},
            {"m_score_min": 4, "m_score_max": 2},
        ):
            with self.subTest(bounds=bounds), self.assertRaises(IntegrityError):
                with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                    Segment.create({"name": "Broken", **bounds})
        with self.assertRaises(IntegrityError):
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                self.env.company.crm_rfm_window_days = 0
                self.env.flush_all()
