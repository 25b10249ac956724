from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged, users

from .common import CrmCoreCommon

BASE = datetime(2026, 5, 1, 9, 0, 0)


@tagged("post_install", "-at_install")
class TestCustomerTimeline(CrmCoreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.customers["a"]
        cls.contact = cls.contacts["a"]
        cls.lead = cls.leads["a"]
        cls.lead.type = "opportunity"
        cls.order = cls.orders["a"]  # a quotation
        cls.note_subtype = cls.env.ref("mail.mt_note")
        cls.comment_subtype = cls.env.ref("mail.mt_comment")

    def add_message(self, record, body, date, subtype=None, author=None):
        return self.env["mail.message"].create(
            {
                "model": record._name,
                "res_id": record.id,
                "body": body,
                "message_type": "comment",
                "subtype_id": (subtype or self.note_subtype).id,
                "date": date,
                "author_id": (author or self.salesman_a).partner_id.id,
            }
        )

    def timeline(self, customer=None, **kwargs):
        customer = (customer or self.customer).with_user(self.salesman_a)
        return customer.get_crm_timeline(**kwargs)

    def test_sources_merged_newest_first(self):
        Lead = self.env["crm.lead"]
        pure_lead = Lead.create(
            {
                "name": "Timeline pure lead",
                "type": "lead",
                "partner_id": self.contact.id,
                "user_id": self.salesman_a.id,
            }
        )
        confirmed = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.salesman_a.id,
                "order_line": [Command.create({"product_id": self.product.id})],
            }
        )
        confirmed.action_confirm()
        confirmed.date_order = BASE + timedelta(days=5)
        note = self.add_message(self.customer, "<p>Called the <b>buyer</b></p>", BASE)
        lead_mail = self.add_message(
            self.lead, "<p>Sent the offer</p>", BASE + timedelta(days=1), self.comment_subtype
        )
        # system notifications (tracking, creation) stay out of the timeline
        self.env["mail.message"].create(
            {
                "model": "res.partner",
                "res_id": self.customer.id,
                "body": "Tracking",
                "message_type": "notification",
                "date": BASE + timedelta(days=2),
            }
        )
        activity = self.env["mail.activity"].create(
            {
                "res_model_id": self.env["ir.model"]._get_id("sale.order"),
                "res_id": self.order.id,
                "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id,
                "summary": "Follow the quotation",
                "date_deadline": (BASE + timedelta(days=3)).date(),
                "user_id": self.salesman_a.id,
            }
        )
        meeting = self.env["calendar.event"].create(
            {
                "name": "Timeline meeting",
                "start": BASE + timedelta(days=4),
                "stop": BASE + timedelta(days=4, hours=1),
                "partner_ids": [Command.link(self.contact.id)],
                "user_id": self.salesman_a.id,
            }
        )
        items = self.timeline()
        by_key = {(item["kind"], item["model"], item["res_id"]): item for item in items}
        expected = {
            ("note", "res.partner", self.customer.id),
            ("message", "crm.lead", self.lead.id),
            ("activity", "sale.order", self.order.id),
            ("meeting", "calendar.event", meeting.id),
            ("lead", "crm.lead", pure_lead.id),
            ("opportunity", "crm.lead", self.lead.id),
            ("quotation", "sale.order", self.order.id),
            ("order", "sale.order", confirmed.id),
        }
        self.assertEqual(set(by_key), expected)
        self.assertEqual(len(items), len(expected))
        dates = [item["date"] for item in items]
        self.assertEqual(dates, sorted(dates, reverse=True))
        self.assertEqual(
            by_key[("note", "res.partner", self.customer.id)],
            {
                "kind": "note",
                "kind_label": "Note",
                "icon": "fa-sticky-note-o",
                "date": fields.Datetime.to_string(note.date),
                "title": self.customer.name,
                "body_preview": "Called the buyer",
                "author": self.salesman_a.partner_id.display_name,
                "model": "res.partner",
                "res_id": self.customer.id,
            },
        )
        self.assertEqual(
            by_key[("message", "crm.lead", self.lead.id)]["body_preview"], "Sent the offer"
        )
        self.assertEqual(lead_mail.date, BASE + timedelta(days=1))
        self.assertEqual(
            by_key[("activity", "sale.order", self.order.id)]["date"], "2026-05-04 00:00:00"
        )
        self.assertEqual(
            by_key[("activity", "sale.order", self.order.id)]["title"], activity.summary
        )
        self.assertEqual(by_key[("order", "sale.order", confirmed.id)]["title"], confirmed.name)
        self.assertEqual(
            by_key[("order", "sale.order", confirmed.id)]["date"], "2026-05-06 09:00:00"
        )
        self.assertEqual(
            by_key[("meeting", "calendar.event", meeting.id)]["title"], "Timeline meeting"
        )

    def test_paging(self):
        messages = self.env["mail.message"]
        for day in range(7):
            messages |= self.add_message(
                self.customer, f"<p>Note {day}</p>", BASE - timedelta(days=365 + day)
            )
        # everything else of the customer is newer than these notes
        first = self.timeline(limit=3)
        self.assertEqual(len(first), 3)
        all_items = self.timeline(limit=100)
        self.assertEqual(first, all_items[:3])
        seen, before = [], False
        while True:
            page = self.timeline(limit=3, before=before)
            if not page:
                break
            self.assertLessEqual(len(page), 3)
            seen += page
            before = page[-1]["date"]
        self.assertEqual(seen, all_items)
        self.assertEqual(
            [item["body_preview"] for item in all_items[-7:]], [f"Note {day}" for day in range(7)]
        )

    def test_bad_paging_arguments(self):
        with self.assertRaisesRegex(UserError, "yesterday is not a date"):
            self.timeline(before="yesterday")
        with self.assertRaisesRegex(UserError, "many is not a number"):
            self.timeline(limit="many")

    def test_access_rights(self):
        # an opportunity of another team on salesman a's customer, with a message
        hidden = self.env["crm.lead"].create(
            {
                "name": "Other team's deal",
                "partner_id": self.customer.id,
                "user_id": self.salesman_c.id,
                "team_id": self.team_2.id,
            }
        )
        self.add_message(hidden, "<p>Secret</p>", BASE, author=self.salesman_c)
        visible_ids = {(item["model"], item["res_id"]) for item in self.timeline()}
        self.assertNotIn(("crm.lead", hidden.id), visible_ids)
        self.assertIn(("crm.lead", self.lead.id), visible_ids)
        manager_ids = {
            (item["model"], item["res_id"])
            for item in self.customer.with_user(self.manager).get_crm_timeline()
        }
        self.assertIn(("crm.lead", hidden.id), manager_ids)
        # salesman a cannot read the customer of salesman c at all
        with self.assertRaises(AccessError):
            self.customers["c"].with_user(self.salesman_a).get_crm_timeline()

    def test_smart_button_counts(self):
        Lead = self.env["crm.lead"]
        Lead.create(
            [
                {
                    "name": "Count lead 1",
                    "type": "lead",
                    "partner_id": self.customer.id,
                    "user_id": self.salesman_a.id,
                },
                {
                    "name": "Count lead 2",
                    "type": "lead",
                    "partner_id": self.contact.id,
                    "user_id": self.salesman_a.id,
                },
            ]
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": self.env["ir.model"]._get_id(record._name),
                    "res_id": record.id,
                    "activity_type_id": todo.id,
                    "user_id": self.salesman_a.id,
                }
                for record in (self.customer, self.contact, self.lead, self.order)
            ]
        )
        customers = (self.customer | self.customers["b"]).with_user(self.manager)
        self.assertRecordValues(
            customers,
            [
                {"crm_lead_count": 2, "crm_quotation_count": 1, "crm_activity_count": 4},
                {"crm_lead_count": 0, "crm_quotation_count": 1, "crm_activity_count": 0},
            ],
        )
        self.assertRecordValues(
            self.contact.with_user(self.manager),
            [{"crm_lead_count": 1, "crm_quotation_count": 0, "crm_activity_count": 1}],
        )
        action = self.customer.with_user(self.manager).action_view_crm_leads()
        self.assertEqual(
            self.env["crm.lead"].search(action["domain"]).mapped("name"),
            ["Count lead 2", "Count lead 1"],
        )
        action = self.customer.with_user(self.manager).action_view_crm_activities()
        self.assertEqual(len(self.env["mail.activity"].search(action["domain"])), 4)
        action = self.customer.with_user(self.manager).action_view_crm_quotations()
        self.assertEqual(self.env["sale.order"].search(action["domain"]), self.order)


@tagged("post_install", "-at_install")
class TestCustomerTimelineQueries(CrmCoreCommon):
    """Opening the customer form and its timeline costs the same queries for 10
    related records as for 1,000."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        vals = {"is_company": True, "customer_rank": 1, "user_id": cls.salesman_a.id}
        cls.small = Partner.create({**vals, "name": "Small Customer"})
        cls.big = Partner.create({**vals, "name": "Big Customer"})
        for customer, size in ((cls.small, 10), (cls.big, 1000)):
            cls.add_related(customer, size // 4 + size % 4, size // 4)

    @classmethod
    def add_related(cls, customer, first, rest):
        env = cls.env
        leads = env["crm.lead"].create(
            [
                {
                    "name": f"Q lead {i}",
                    "partner_id": customer.id,
                    "user_id": cls.salesman_a.id,
                    "type": "lead" if i % 2 else "opportunity",
                }
                for i in range(first)
            ]
        )
        orders = env["sale.order"].create(
            [{"partner_id": customer.id, "user_id": cls.salesman_a.id} for _i in range(rest)]
        )
        env["mail.message"].create(
            [
                {
                    "model": "crm.lead" if i % 2 else "res.partner",
                    "res_id": leads[i % len(leads)].id if i % 2 else customer.id,
                    "body": f"<p>Q message {i}</p>",
                    "message_type": "comment",
                    "subtype_id": env.ref("mail.mt_note").id,
                    "date": BASE - timedelta(hours=i),
                }
                for i in range(rest)
            ]
        )
        todo = env.ref("mail.mail_activity_data_todo")
        env["mail.activity"].create(
            [
                {
                    "res_model_id": env["ir.model"]._get_id("sale.order"),
                    "res_id": orders[i % len(orders)].id,
                    "activity_type_id": todo.id,
                    "user_id": cls.salesman_a.id,
                    "summary": f"Q activity {i}",
                }
                for i in range(rest)
            ]
        )
        env.flush_all()

    def form_spec(self):
        fields_info = self.env["res.partner"].get_views([(False, "form")])["models"]["res.partner"][
            "fields"
        ]
        relational = ("many2one", "one2many", "many2many")
        return {
            name: {"fields": {"display_name": {}}} if info["type"] in relational else {}
            for name, info in fields_info.items()
        }

    def measure_form(self, customer, spec, counts):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        values = customer.web_read(spec)[0]
        counts.setdefault(customer.name, {})["activities"] = values["crm_activity_count"]
        return self.cr.sql_log_count - start

    def measure_timeline(self, customer, counts):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        items = customer.get_crm_timeline()
        counts.setdefault(customer.name, {})["items"] = len(items)
        return self.cr.sql_log_count - start

    def measure(self, customer, spec, counts):
        return self.measure_form(customer, spec, counts), self.measure_timeline(customer, counts)

    @users("salesman_a")
    def test_query_count_constant(self):
        spec = self.form_spec()
        self.assertIn("crm_activity_count", spec)
        counts = {}
        customers = (self.small | self.big).with_env(self.env)
        # warm the caches of the registry (views, rules, translations)
        for customer in customers + customers:
            customer.web_read(spec)
            customer.get_crm_timeline()
            self.env.flush_all()
            self.env.invalidate_all()
        # The absolute figures depend on the other installed modules; what must hold
        # is that the big customer costs exactly what the small one costs.
        small, big = customers
        small_form, small_timeline = self.measure(small, spec, counts)
        with self.assertQueryCount(salesman_a=small_form):
            big_form = self.measure_form(big, spec, counts)
        with self.assertQueryCount(salesman_a=small_timeline):
            big_timeline = self.measure_timeline(big, counts)
        self.assertEqual((big_form, big_timeline), (small_form, small_timeline))
        # the timeline is a handful of searches, not one per record
        self.assertLessEqual(small_timeline, 20)
        self.assertEqual(
            counts,
            {
                "Small Customer": {"activities": 2, "items": 10},
                "Big Customer": {"activities": 250, "items": 30},
            },
        )
