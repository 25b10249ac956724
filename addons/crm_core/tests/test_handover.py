from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged, users

from odoo.addons.crm_core.models.handover.crm_handover import CrmHandover

from .common import SALESMAN, CrmCoreCommon

ALL_TYPES = ["customer", "lead", "opportunity", "sale_order", "activity", "follower"]


@tagged("post_install", "-at_install")
class TestHandover(CrmCoreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        a, b = cls.salesman_a, cls.salesman_b
        Partner, Lead = cls.env["res.partner"], cls.env["crm.lead"]
        cls.customer_a = cls.customers["a"]
        cls.customer_a2 = Partner.create(
            {"name": "Handover Second", "is_company": True, "customer_rank": 1, "user_id": a.id}
        )
        cls.customer_archived = Partner.create(
            {"name": "Handover Gone", "is_company": True, "user_id": a.id, "active": False}
        )
        cls.contact_owned = Partner.create(
            {"name": "Handover Contact", "parent_id": cls.customer_a.id, "user_id": a.id}
        )
        cls.leads["a"].type = "lead"
        cls.lead_a = cls.leads["a"]
        cls.lead_a1 = Lead.create({"name": "HO Lead", "type": "lead", "user_id": a.id})
        cls.opp_a1 = Lead.create({"name": "HO Opp", "type": "opportunity", "user_id": a.id})
        cls.opp_won = Lead.create({"name": "HO Won", "type": "opportunity", "user_id": a.id})
        cls.opp_won.action_set_won()
        cls.opp_lost = Lead.create({"name": "HO Lost", "type": "opportunity", "user_id": a.id})
        cls.opp_lost.action_set_lost()
        cls.order_a = cls.orders["a"]
        cls.order_cancel = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer_a.id,
                "user_id": a.id,
                "order_line": [Command.create({"product_id": cls.product.id})],
            }
        )
        cls.order_cancel._action_cancel()
        Activity = cls.env["mail.activity"]
        todo = cls.env.ref("mail.mail_activity_data_todo")
        cls.activity_lead = Activity.create(
            {
                "res_model_id": cls.env["ir.model"]._get_id("crm.lead"),
                "res_id": cls.lead_a1.id,
                "activity_type_id": todo.id,
                "user_id": a.id,
            }
        )
        cls.activity_partner = Activity.create(
            {
                "res_model_id": cls.env["ir.model"]._get_id("res.partner"),
                "res_id": cls.customer_a.id,
                "activity_type_id": todo.id,
                "user_id": a.id,
            }
        )
        cls.activity_b = Activity.create(
            {
                "res_model_id": cls.env["ir.model"]._get_id("crm.lead"),
                "res_id": cls.lead_a1.id,
                "activity_type_id": todo.id,
                "user_id": b.id,
            }
        )
        cls.subtype_note = cls.env.ref("mail.mt_note")
        cls.subtype_comment = cls.env.ref("mail.mt_comment")
        pa, pb = a.partner_id, b.partner_id
        cls.lead_a1.message_subscribe(pa.ids, subtype_ids=cls.subtype_note.ids)
        cls.lead_a1.message_subscribe(pb.ids, subtype_ids=cls.subtype_comment.ids)
        cls.opp_a1.message_subscribe(pa.ids)
        cls.customers["c"].message_subscribe(pa.ids)
        pa.message_subscribe(pa.ids)

    def new_handover(self, from_user=None, to_user=None, types=None, **vals):
        handover = self.env["crm.handover"].create(
            {
                "from_user_id": (from_user or self.salesman_a).id,
                "to_user_id": (to_user or self.salesman_b).id,
                **vals,
            }
        )
        if types is not None:
            for line in handover.line_ids:
                line.selected = line.type_key in types
        return handover

    def counts(self, handover):
        return {line.type_key: line.count for line in handover.line_ids}

    def followers(self, record):
        return record.message_follower_ids.partner_id

    def test_preview_counts(self):
        handover = self.new_handover()
        self.assertEqual(handover.state, "draft")
        self.assertTrue(handover.name.startswith("HO/"))
        self.assertEqual(
            self.counts(handover),
            {
                "customer": 2,
                "lead": 2,
                "opportunity": 1,
                "sale_order": 1,
                "activity": 2,
                "follower": 4,
            },
        )
        self.assertEqual(handover.total_count, 12)
        self.assertEqual(
            handover.line_ids.mapped("name"),
            [
                "Customers",
                "Leads",
                "Opportunities",
                "Quotations and Orders",
                "Open Activities",
                "Followed Records",
            ],
        )

    def test_form_counts_follow_the_choice(self):
        with Form(self.env["crm.handover"]) as form:
            self.assertEqual(form.mode, "user")
            self.assertEqual(len(form.line_ids), 6)
            form.from_user_id = self.salesman_a
            form.to_user_id = self.salesman_b
            self.assertEqual(form.total_count, 12)
            with form.line_ids.edit(5) as line:
                line.selected = False
            self.assertEqual(form.total_count, 8)
            form.mode = "team"
            self.assertEqual(len(form.line_ids), 4)
            form.from_team_id = self.team_2
            form.to_team_id = self.team_1
            self.assertEqual(form.total_count, 3)
        handover = form.record
        self.assertEqual(
            handover.line_ids.mapped("type_key"), ["customer", "lead", "opportunity", "sale_order"]
        )
        self.assertEqual(self.counts(handover)["customer"], 1)
        self.assertEqual(self.counts(handover)["sale_order"], 1)

    def test_confirm_user_to_user(self):
        a, b = self.salesman_a, self.salesman_b
        handover = self.new_handover()
        handover.action_confirm()
        self.assertRecordValues(handover, [{"state": "done"}])
        self.assertTrue(handover.date_done)
        self.assertEqual(
            self.counts(handover),
            {
                "customer": 2,
                "lead": 2,
                "opportunity": 1,
                "sale_order": 1,
                "activity": 2,
                "follower": 4,
            },
        )
        # customers and the contact owned by a; the archived one stays
        self.assertEqual(
            self.env["res.partner"]
            .with_context(active_test=False)
            .search([("user_id", "in", (a | b).ids)]),
            self.customer_a
            | self.customer_a2
            | self.contact_owned
            | self.contacts["a"]
            | self.customer_archived
            | self.customers["b"]
            | self.contacts["b"],
        )
        moved = self.customer_a | self.customer_a2 | self.contact_owned | self.contacts["a"]
        self.assertEqual(moved.user_id, b)
        self.assertEqual(self.customer_archived.user_id, a)
        self.assertEqual(self.customer_a.team_id, self.team_1)
        self.assertEqual((self.lead_a | self.lead_a1 | self.opp_a1).user_id, b)
        # b is in team one: the team and what derives from it stay as they were
        self.assertEqual((self.lead_a | self.lead_a1 | self.opp_a1).team_id, self.team_1)
        self.assertEqual(self.opp_a1.company_id, self.env.company)
        self.assertEqual(
            self.env["crm.lead"].with_context(active_test=False).search([("user_id", "=", a.id)]),
            self.opp_won | self.opp_lost,
        )
        self.assertEqual(self.order_a.user_id, b)
        self.assertEqual(self.order_cancel.user_id, a)
        self.assertEqual((self.activity_lead | self.activity_partner).user_id, b)
        self.assertEqual(self.env["mail.activity"].search([("user_id", "=", a.id)]).ids, [])
        pa, pb = a.partner_id, b.partner_id
        for record in (self.lead_a1, self.opp_a1, self.customers["c"], self.customer_a):
            self.assertIn(pb, self.followers(record), record.display_name)
            self.assertNotIn(pa, self.followers(record), record.display_name)
        self.assertIn(pa, self.followers(pa))
        follower_b = self.lead_a1.message_follower_ids.filtered(lambda f: f.partner_id == pb)
        self.assertEqual(follower_b.subtype_ids, self.subtype_note | self.subtype_comment)
        self.assertIn("Work handed over from Salesman A to Salesman B", handover.message_ids.body)
        # a log: read-only, undeletable, confirming again refused
        with self.assertRaisesRegex(UserError, "A done handover is a log and cannot be changed."):
            handover.to_user_id = self.salesman_c
        with self.assertRaisesRegex(UserError, "A done handover is a log and cannot be changed."):
            handover.line_ids[0].count = 99
        with self.assertRaisesRegex(UserError, "A done handover is a log and cannot be changed."):
            handover.line_ids[0].unlink()
        with self.assertRaisesRegex(UserError, "A done handover is a log and cannot be deleted."):
            handover.unlink()
        with self.assertRaisesRegex(UserError, f"The handover {handover.name} is already done."):
            handover.action_confirm()

    def test_team_follows_new_owner(self):
        handover = self.new_handover(to_user=self.salesman_c, types=["customer", "lead"])
        handover.action_confirm()
        self.assertEqual(self.counts(handover), {"customer": 2, "lead": 2})
        self.assertEqual((self.lead_a | self.lead_a1).team_id, self.team_2)
        self.assertEqual(self.customer_a.team_id, self.team_2)
        self.assertEqual(self.contacts["a"].team_id, self.team_2)
        self.assertEqual(self.opp_a1.user_id, self.salesman_a)
        self.assertEqual(self.order_a.user_id, self.salesman_a)

    def test_team_merge(self):
        leads_1 = self.leads["a"] | self.leads["b"]
        handover = self.new_handover(
            from_user=self.env["res.users"],
            to_user=self.env["res.users"],
            mode="team",
            from_team_id=self.team_1.id,
            to_team_id=self.team_2.id,
            archive_from_team=True,
        )
        self.assertEqual(
            handover.line_ids.mapped("type_key"), ["customer", "lead", "opportunity", "sale_order"]
        )
        handover.action_confirm()
        self.assertEqual(
            self.counts(handover), {"customer": 3, "lead": 2, "opportunity": 2, "sale_order": 2}
        )
        customers = self.customers["a"] | self.customers["b"] | self.customer_a2
        self.assertEqual(customers.team_id, self.team_2)
        self.assertEqual((self.contacts["a"] | self.contacts["b"]).team_id, self.team_2)
        self.assertEqual(customers.mapped("user_id"), self.salesman_a | self.salesman_b)
        leads_1 |= self.lead_a1 | self.opp_a1
        self.assertEqual(leads_1.team_id, self.team_2)
        self.assertEqual(leads_1.user_id, self.salesman_a | self.salesman_b)
        self.assertEqual((self.orders["a"] | self.orders["b"]).team_id, self.team_2)
        self.assertEqual(
            self.team_2.member_ids, self.salesman_a | self.salesman_b | self.salesman_c
        )
        self.assertFalse(self.team_1.active)
        self.assertEqual(self.customers["c"].team_id, self.team_2)

    def test_validation_errors(self):
        with self.assertRaisesRegex(UserError, "Salesman A cannot hand over work to themselves"):
            self.new_handover(to_user=self.salesman_a).action_confirm()
        gone = new_test_user(self.env, login="ho_gone", groups=SALESMAN, name="Gone User")
        gone.action_archive()
        with self.assertRaisesRegex(UserError, "Gone User is archived and cannot take over work."):
            self.new_handover(to_user=gone).action_confirm()
        clerk = new_test_user(self.env, login="ho_clerk", groups="base.group_user", name="Clerk")
        with self.assertRaisesRegex(
            UserError,
            "Clerk is not a salesperson and cannot take over customers, leads or orders.",
        ):
            self.new_handover(to_user=clerk).action_confirm()
        with self.assertRaisesRegex(UserError, "Select at least one kind of record to hand over."):
            self.new_handover(types=[]).action_confirm()
        idle = new_test_user(self.env, login="ho_idle", groups=SALESMAN, name="Idle User")
        with self.assertRaisesRegex(
            UserError,
            "There is nothing to hand over: Idle User has no open records of the selected kinds.",
        ):
            self.new_handover(from_user=idle).action_confirm()
        with self.assertRaisesRegex(
            UserError, "Choose the user handing over and the user taking over."
        ):
            self.env["crm.handover"].create({"from_user_id": self.salesman_a.id}).action_confirm()
        team_vals = {"mode": "team", "from_user_id": False, "to_user_id": False}
        with self.assertRaisesRegex(UserError, "The team Team One cannot hand over work to itself"):
            self.env["crm.handover"].create(
                {**team_vals, "from_team_id": self.team_1.id, "to_team_id": self.team_1.id}
            ).action_confirm()
        self.team_2.action_archive()
        with self.assertRaisesRegex(
            UserError, "The team Team Two is archived and cannot take over work."
        ):
            self.env["crm.handover"].create(
                {**team_vals, "from_team_id": self.team_1.id, "to_team_id": self.team_2.id}
            ).action_confirm()
        # none of the refused handovers moved anything
        self.assertEqual(self.customer_a.user_id, self.salesman_a)
        self.assertEqual(self.lead_a1.user_id, self.salesman_a)
        self.assertEqual(self.customers["a"].team_id, self.team_1)

    def test_archived_source_user(self):
        self.salesman_a.action_archive()
        handover = self.new_handover(types=["customer", "opportunity"])
        handover.action_confirm()
        self.assertEqual(self.counts(handover), {"customer": 2, "opportunity": 1})
        self.assertEqual(self.opp_a1.user_id, self.salesman_b)

    def test_failure_rolls_back_every_kind(self):
        original = CrmHandover._handover_types

        def types_with_failure(handover):
            return [
                *original(handover),
                {
                    "key": "test_failure",
                    "label": "Failing Kind",
                    "sequence": 99,
                    "model": "res.partner",
                    "user_field": False,
                    "team_field": False,
                    "domain": [],
                    "modes": ("user",),
                    "count": "_test_count_failure",
                    "move": "_test_move_failure",
                },
            ]

        def move_failure(handover, desc):
            raise RuntimeError("The failing kind failed.")

        with (
            patch.object(CrmHandover, "_handover_types", types_with_failure),
            patch.object(CrmHandover, "_test_count_failure", lambda h, d: 7, create=True),
            patch.object(CrmHandover, "_test_move_failure", move_failure, create=True),
        ):
            handover = self.new_handover()
            self.assertEqual(self.counts(handover)["test_failure"], 7)
            self.assertEqual(handover.line_ids[-1].name, "Failing Kind")
            with self.assertRaisesRegex(RuntimeError, "The failing kind failed."):
                handover.action_confirm()
        self.assertEqual(handover.state, "draft")
        self.assertEqual(
            (self.customer_a | self.customer_a2 | self.contact_owned).user_id, self.salesman_a
        )
        self.assertEqual((self.lead_a1 | self.opp_a1).user_id, self.salesman_a)
        self.assertEqual(self.order_a.user_id, self.salesman_a)
        self.assertEqual(self.activity_lead.user_id, self.salesman_a)
        self.assertIn(self.salesman_a.partner_id, self.followers(self.opp_a1))
        self.assertNotIn(self.salesman_b.partner_id, self.followers(self.opp_a1))

    @users("salesman_a")
    def test_access_salesman(self):
        with self.assertRaises(AccessError):
            self.env["crm.handover"].create(
                {"from_user_id": self.salesman_a.id, "to_user_id": self.salesman_b.id}
            )
        with self.assertRaises(AccessError):
            self.env["crm.handover"].search([])
        menu = self.env.ref("crm_core.crm_handover_menu")
        self.assertNotIn(menu.id, self.env["ir.ui.menu"]._visible_menu_ids())

    @users("leader_1")
    def test_access_team_leader(self):
        menu = self.env.ref("crm_core.crm_handover_menu")
        self.assertIn(menu.id, self.env["ir.ui.menu"]._visible_menu_ids())
        handover = self.new_handover(types=["lead"])
        handover.action_confirm()
        self.assertEqual(self.counts(handover), {"lead": 2})
        self.assertEqual(self.lead_a1.user_id, self.salesman_b)
        with self.assertRaisesRegex(
            AccessError,
            "You may only hand over work between members of the teams you lead;"
            " Salesman C is not one of them.",
        ):
            self.new_handover(from_user=self.salesman_b, to_user=self.salesman_c).action_confirm()
        with self.assertRaisesRegex(
            AccessError, "You may only merge teams you lead; you do not lead Team Two."
        ):
            self.env["crm.handover"].create(
                {"mode": "team", "from_team_id": self.team_1.id, "to_team_id": self.team_2.id}
            ).action_confirm()
        self.assertEqual(self.lead_a.user_id, self.salesman_b)
        # leader 2 does not see leader 1's handovers between team one's members
        other = self.env["crm.handover"].with_user(self.leader_2).search([])
        self.assertNotIn(handover, other)
        self.assertIn(handover, self.env["crm.handover"].search([]))

    @users("manager")
    def test_access_manager(self):
        handover = self.new_handover(to_user=self.salesman_c, types=["opportunity"])
        handover.action_confirm()
        self.assertEqual(self.opp_a1.user_id, self.salesman_c)
        self.assertIn(handover, self.env["crm.handover"].search([]))

    def test_other_company_records_stay(self):
        company_b = self.env["res.company"].create({"name": "Handover Company B"})
        self.salesman_a.company_ids |= company_b
        self.salesman_b.company_ids |= company_b
        opp_b = self.env["crm.lead"].create(
            {
                "name": "HO Opp B",
                "type": "opportunity",
                "user_id": self.salesman_a.id,
                "company_id": company_b.id,
            }
        )
        handover = self.new_handover(types=["opportunity"])
        handover.with_user(self.manager).action_confirm()
        self.assertEqual(self.opp_a1.user_id, self.salesman_b)
        # The manager works in the main company only: company B's opportunity stays.
        self.assertEqual(opp_b.user_id, self.salesman_a)


@tagged("post_install", "-at_install")
class TestHandoverQueries(CrmCoreCommon):
    def make_book(self, user, size):
        Partner, Lead = self.env["res.partner"], self.env["crm.lead"]
        customers = Partner.create(
            [
                {"name": f"Q{i}", "is_company": True, "customer_rank": 1, "user_id": user.id}
                for i in range(size)
            ]
        )
        leads = Lead.create(
            [
                {"name": f"Q{i}", "type": "opportunity", "user_id": user.id, "partner_id": c.id}
                for i, c in enumerate(customers)
            ]
        )
        model_id = self.env["ir.model"]._get_id("crm.lead")
        self.env["mail.activity"].create(
            [{"res_model_id": model_id, "res_id": lead.id, "user_id": user.id} for lead in leads]
        )
        leads.message_subscribe(user.partner_id.ids)
        return customers | leads.partner_id, leads

    def confirm_queries(self, size, expected=None):
        giver = new_test_user(self.env, login=f"ho_giver_{size}", groups=SALESMAN)
        customers, leads = self.make_book(giver, size)
        handover = self.env["crm.handover"].create(
            {"from_user_id": giver.id, "to_user_id": self.salesman_b.id}
        )
        handover.line_ids.mapped("count")
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        if expected is None:
            handover.action_confirm()
        else:
            with self.assertQueryCount(expected):
                handover.action_confirm()
        self.env.flush_all()
        queries = self.env.cr.sql_log_count - before
        self.assertEqual(customers.user_id | leads.user_id, self.salesman_b)
        self.assertEqual(
            {line.type_key: line.count for line in handover.line_ids},
            {
                "customer": size,
                "lead": 0,
                "opportunity": size,
                "sale_order": 0,
                "activity": size,
                "follower": size,
            },
        )
        return queries

    def test_confirm_queries_do_not_grow_with_records(self):
        self.confirm_queries(3)  # warm the caches
        # Six kinds, each moved in a fixed number of queries whatever the size: ten
        # records and a hundred stay within the same budget. (The exact count may
        # differ by one between the two sizes after other test classes warmed some
        # caches, so the budget is the assertion, not equality.)
        for size in (10, 100):
            self.confirm_queries(size, expected=68)
