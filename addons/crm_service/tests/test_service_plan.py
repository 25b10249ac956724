from datetime import datetime

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import at
from .common_parts import CrmServicePartsCommon


@tagged("post_install", "-at_install")
class TestServicePlan(CrmServicePartsCommon):
    """Service plans made by the daily cron from their templates: birthdays
    (29 February too), every N months from a serial's delivery (month ends,
    leap days), N days after a sale order's delivery; each once, assigned to the
    customer's owner or round-robin in the team, with a reminder; then a work
    order in one click."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        # other data's birthdays would be planned too
        Partner.search([("birthday", "!=", False)]).birthday = False
        cls.bob = Partner.create(
            {"name": "Bob Bolt", "parent_id": cls.customer_b.id, "birthday": "1990-03-05"}
        )
        cls.leap = Partner.create(
            {"name": "Lea Leap", "parent_id": cls.customer_a.id, "birthday": "2000-02-29"}
        )
        cls.customer_c = Partner.create({"name": "Cato Co", "is_company": True})
        Product = cls.env["product.product"]
        unit = {"is_storable": True, "type": "consu", "tracking": "serial"}
        cls.coffee = Product.create({"name": "Coffee Machine", **unit})
        cls.kettle = Product.create({"name": "Kettle", **unit})
        Lot = cls.env["stock.lot"]
        cls.c_j31 = Lot.create({"name": "C-J31", "product_id": cls.coffee.id})
        cls.k_f29 = Lot.create({"name": "K-F29", "product_id": cls.kettle.id})
        Quant = cls.env["stock.quant"]
        for lot in cls.c_j31 | cls.k_f29:
            Quant._update_available_quantity(lot.product_id, cls.wh_stock, 1, lot_id=lot)
        with at("2024-01-31 10:00:00"):
            cls._deliver(cls.c_j31, cls.customer_c)
        with at("2024-02-29 10:00:00"):
            cls._deliver(cls.k_f29, cls.contact_a)
        cls.Template = cls.env["crm.service.plan.template"]
        cls.activity_type = cls.env.ref("crm_service.mail_act_service_plan")

    def _template(self, **values):
        return self.Template.create({"name": "Plan", "lead_days": 7, **values})

    def _keys(self, plans):
        return [(p.partner_id.name, p.lot_id.name or "", str(p.due_date)) for p in plans]

    def test_birthday_and_leap_day(self):
        template = self._template(kind="birthday", name="Birthday Care")
        plans = template._create_due_plans()  # Monday 2 March 2026, a week ahead
        self.assertEqual(self._keys(plans), [("Bob Bolt", "", "2026-03-05")])
        self.assertFalse(template._create_due_plans(), "each plan once")
        with at("2027-02-22 08:00:00"):
            plans = template._create_due_plans()
        # 2027 has no 29 February: the day before
        self.assertEqual(self._keys(plans), [("Lea Leap", "", "2027-02-28")])
        with at("2028-02-25 08:00:00"):
            plans = template._create_due_plans()
        self.assertEqual(self._keys(plans), [("Lea Leap", "", "2028-02-29")])
        # the year's turn: a birthday on 2 January seen from 28 December
        self.bob.birthday = "1990-01-02"
        with at("2026-12-28 08:00:00"):
            plans = template._create_due_plans()
        self.assertEqual(self._keys(plans), [("Bob Bolt", "", "2027-01-02")])

    def test_every_month_from_31_january(self):
        template = self._template(kind="maintenance", interval_months=1, product_ids=self.coffee)
        expected = [
            ("2024-02-26", "2024-02-29"),  # a leap year's February
            ("2024-03-28", "2024-03-31"),  # back to the 31st, no drift
            ("2024-04-27", "2024-04-30"),
            ("2025-02-25", "2025-02-28"),
        ]
        for today, due in expected:
            with at(f"{today} 08:00:00"):
                plans = template._create_due_plans()
                self.assertEqual(self._keys(plans), [("Cato Co", "C-J31", due)], today)
                self.assertFalse(template._create_due_plans())

    def test_every_year_from_29_february(self):
        template = self._template(kind="maintenance", interval_months=12, product_ids=self.kettle)
        with at("2025-02-24 08:00:00"):
            plans = template._create_due_plans()
        self.assertEqual(self._keys(plans), [("Alice Acme", "K-F29", "2025-02-28")])
        with at("2028-02-25 08:00:00"):
            plans = template._create_due_plans()
        self.assertEqual(self._keys(plans), [("Alice Acme", "K-F29", "2028-02-29")])
        # before the first delivery's anniversary, nothing
        with at("2024-03-01 08:00:00"):
            self.assertFalse(template._create_due_plans())

    def test_part_replacement_to_work_order(self):
        self.customer_a.user_id = self.agent_b
        template = self._template(
            kind="replacement",
            name="Roller Replacement",
            interval_months=6,
            lead_days=91,
            product_ids=self.machine,
            part_product_id=self.roller.id,
            team_id=self.team_b.id,
            request_type_id=self.type_fault.id,
            content="Replace the feed roller",
        )
        # M-OUT delivered on 1 December 2024: due on 1 June 2026; M-IN (10 June
        # 2025) on 10 December 2025, past, and 10 June 2026, beyond the 91 days
        plans = template._create_due_plans()
        self.assertEqual(self._keys(plans), [("Alice Acme", "M-OUT", "2026-06-01")])
        plan = plans
        self.assertRecordValues(
            plan,
            [
                {
                    "state": "todo",
                    "kind": "replacement",
                    "user_id": self.agent_b.id,
                    "team_id": self.team_b.id,
                    "product_id": self.machine.id,
                }
            ],
        )
        self.assertTrue(plan.name.startswith("SP/"))
        self.assertRecordValues(
            plan.activity_ids,
            [
                {
                    "activity_type_id": self.activity_type.id,
                    "user_id": self.agent_b.id,
                    "summary": "Roller Replacement",
                }
            ],
        )
        self.assertEqual(str(plan.activity_ids.date_deadline), "2026-06-01")

        action = plan.with_user(self.agent_b).action_create_order()
        order = plan.service_order_id
        self.assertEqual(action["res_id"], order.id)
        self.assertRecordValues(plan, [{"state": "done"}])
        self.assertFalse(plan.activity_ids)
        self.assertRecordValues(
            order,
            [
                {
                    "state": "draft",
                    "planned_start": datetime(2026, 6, 1, 9, 0),
                    "planned_end": datetime(2026, 6, 1, 11, 0),
                    "content": "Replace the feed roller\nReplace: Feed Roller",
                }
            ],
        )
        self.assertRecordValues(
            order.ticket_id,
            [
                {
                    "name": "Roller Replacement: Acme Ltd, Alice Acme",
                    "partner_id": self.contact_a.id,
                    "team_id": self.team_b.id,
                    "user_id": self.agent_b.id,
                    "request_type_id": self.type_fault.id,
                    "product_id": self.machine.id,
                    "lot_id": self.m_out.id,
                }
            ],
        )
        with self.assertRaisesRegex(UserError, f"{plan.name} is not to do"):
            plan.action_create_order()
        with self.assertRaisesRegex(UserError, "Only plans to do can be cancelled."):
            plan.action_cancel()

    def test_delivery_followup_round_robin(self):
        template = self._template(
            kind="followup", name="Follow-up", days_after=7, team_id=self.team_b.id
        )
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "order_line": [Command.create({"product_id": self.belt.id})],
                }
                for partner in (self.customer_b, self.customer_c)
            ]
        )
        orders.action_confirm()
        for picking in orders.picking_ids:
            picking.move_ids.quantity = 1
            picking.move_ids.picked = True
            picking.button_validate()
        self.assertEqual(orders.picking_ids.mapped("state"), ["done", "done"])
        with at("2026-03-05 08:00:00"):
            self.Template._cron_create_plans()
        plans = template.plan_ids
        self.assertEqual(
            self._keys(plans), [("Bolt Inc", "", "2026-03-09"), ("Cato Co", "", "2026-03-09")]
        )
        # nobody owns these customers: the team's members in turn
        self.assertEqual(plans.user_id.sorted("id"), (self.agent_b | self.tech_2).sorted("id"))
        self.assertEqual(plans.sale_order_id, orders)
        self.assertEqual(template.last_user_id, plans[-1].user_id)
        with at("2026-03-06 08:00:00"):
            self.assertFalse(template._create_due_plans())

    def test_each_plan_once_and_one_query_per_template(self):
        template = self._template(kind="birthday")
        other = self._template(kind="maintenance", product_ids=self.coffee)
        plan = template._create_due_plans()
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            plan.copy({"name": "again"})
        # nothing due: the templates read, and one query to find what each has due
        template.invalidate_recordset()
        with self.assertQueryCount(3):
            self.assertFalse(template._create_due_plans())
        templates = template | other
        templates.invalidate_recordset()
        with self.assertQueryCount(5):
            self.assertFalse(templates._create_due_plans())
