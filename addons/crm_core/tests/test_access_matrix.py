from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CrmCoreCommon

ALL = ("a", "b", "c", "pool")

# Exact sets each role may reach, by operation, for customers and their contacts
# (a: own, b: teammate's, c: other team's, pool: nobody's); None: no access at all.
PARTNER_MATRIX = {
    "salesman_a": {"read": {"a", "pool"}, "write": {"a"}, "create": {"a"}, "unlink": {"a"}},
    "leader_1": {
        "read": {"a", "b", "pool"},
        "write": {"a", "b"},
        "create": {"a", "b"},
        "unlink": {"a", "b"},
    },
    "leader_2": {"read": {"c", "pool"}, "write": {"c"}, "create": {"c"}, "unlink": {"c"}},
    "manager": {"read": set(ALL), "write": set(ALL), "create": set(ALL), "unlink": set(ALL)},
}
# Leads and orders: Odoo's own rule lets salespeople reach unassigned documents, and
# only managers may delete (Odoo's access rights).
DOCUMENT_MATRIX = {
    "salesman_a": {"read": {"a", "pool"}, "write": {"a", "pool"}, "create": {"a", "pool"}},
    "leader_1": {
        "read": {"a", "b", "pool"},
        "write": {"a", "b", "pool"},
        "create": {"a", "b", "pool"},
    },
    "leader_2": {"read": {"c", "pool"}, "write": {"c", "pool"}, "create": {"c", "pool"}},
    "manager": {"read": set(ALL), "write": set(ALL), "create": set(ALL), "unlink": set(ALL)},
}


@tagged("post_install", "-at_install")
class TestAccessMatrix(CrmCoreCommon):
    def assert_matrix(self, kind, matrix):
        everything = self.records(kind, ALL)
        for role, operations in matrix.items():
            user = getattr(self, role)
            for operation in ("read", "write", "create", "unlink"):
                expected = self.records(kind, sorted(operations.get(operation, ())))
                with self.subTest(kind=kind, role=role, operation=operation):
                    allowed = everything.with_user(user)._filtered_access(operation)
                    self.assertEqual(
                        set(allowed.ids),
                        set(expected.ids),
                        f"{role} {operation} {kind}: {allowed.mapped('display_name')}",
                    )
                    if operation == "read":
                        found = everything.with_user(user).search([("id", "in", everything.ids)])
                        self.assertEqual(set(found.ids), set(expected.ids))

    def test_customers(self):
        self.assert_matrix("customers", PARTNER_MATRIX)

    def test_contacts_follow_their_customer(self):
        self.assert_matrix("contacts", PARTNER_MATRIX)

    def test_leads(self):
        self.assert_matrix("leads", DOCUMENT_MATRIX)

    def test_orders(self):
        self.assert_matrix("orders", DOCUMENT_MATRIX)

    def test_teammate_leads_stay_hidden_from_salesman(self):
        # The teammate sees their own and the pool, not salesman_a's.
        found = (
            self.env["crm.lead"]
            .with_user(self.salesman_b)
            .search([("id", "in", self.records("leads", ALL).ids)])
        )
        self.assertEqual(found, self.leads["b"] | self.leads["pool"])

    def test_non_customers_are_not_restricted(self):
        for role in ("salesman_a", "salesman_c", "leader_1"):
            user = getattr(self, role)
            vendor = self.vendor.with_user(user)
            self.assertEqual(vendor.name, "Matrix Vendor")
            vendor.write({"phone": "+86 21 5555 0000"})
            self.assertEqual(vendor.phone, "+86 21 5555 0000")
            # the company, users and their partners stay readable
            self.assertTrue(self.env.company.partner_id.with_user(user).name)
            self.assertTrue(self.manager.partner_id.with_user(user).name)

    def test_salesman_write_is_refused_on_others_customers(self):
        partner = self.env["res.partner"].with_user(self.salesman_a)
        for key in ("b", "c", "pool"):
            with self.subTest(key=key), self.assertRaises(AccessError):
                partner.browse(self.customers[key].id).write({"phone": "+86 10 1234 5678"})
        with self.assertRaises(AccessError):
            partner.browse(self.customers["b"].id).name  # noqa: B018
        own = partner.browse(self.customers["a"].id)
        own.write({"phone": "+86 10 1234 5678"})
        self.assertEqual(own.phone, "+86 10 1234 5678")

    def test_create_customer_per_role(self):
        Partner = self.env["res.partner"]
        vals = {"name": "New Customer", "is_company": True, "customer_rank": 1}
        # salesman: for themselves yes, for a teammate no
        mine = Partner.with_user(self.salesman_a).create({**vals, "user_id": self.salesman_a.id})
        self.assertEqual(mine.team_id, self.team_1, "the team follows the owner")
        with self.assertRaises(AccessError):
            Partner.with_user(self.salesman_a).create({**vals, "user_id": self.salesman_b.id})
        with self.assertRaises(AccessError):
            Partner.with_user(self.salesman_a).create({**vals, "user_id": False})
        # leader: for a member of their team yes, for the other team no
        member = Partner.with_user(self.leader_1).create({**vals, "user_id": self.salesman_b.id})
        self.assertEqual(member.user_id, self.salesman_b)
        with self.assertRaises(AccessError):
            Partner.with_user(self.leader_1).create({**vals, "user_id": self.salesman_c.id})
        # a contact of another salesperson's customer is refused like the customer
        with self.assertRaises(AccessError):
            Partner.with_user(self.salesman_a).create(
                {"name": "Sneaky Contact", "parent_id": self.customers["c"].id}
            )

    def test_create_lead_and_order_per_role(self):
        Lead = self.env["crm.lead"]
        lead = Lead.with_user(self.leader_1).create(
            {"name": "For my member", "user_id": self.salesman_b.id, "team_id": self.team_1.id}
        )
        self.assertEqual(lead.user_id, self.salesman_b)
        with self.assertRaises(AccessError):
            Lead.with_user(self.salesman_a).create(
                {"name": "For a teammate", "user_id": self.salesman_b.id, "team_id": self.team_1.id}
            )
        with self.assertRaises(AccessError):
            Lead.with_user(self.leader_1).create(
                {"name": "Other team", "user_id": self.salesman_c.id, "team_id": self.team_2.id}
            )
        order = (
            self.env["sale.order"]
            .with_user(self.salesman_a)
            .create({"partner_id": self.customers["a"].id, "user_id": self.salesman_a.id})
        )
        self.assertEqual(order.partner_id, self.customers["a"])

    def test_leader_loses_access_when_member_leaves(self):
        lead = self.leads["b"].with_user(self.leader_1)
        self.assertEqual(lead.name, "Matrix Lead b")
        self.env["crm.team.member"].search(
            [("user_id", "=", self.salesman_b.id), ("crm_team_id", "=", self.team_1.id)]
        ).action_archive()
        self.leads["b"].team_id = self.team_2
        self.env.invalidate_all()
        self.assertFalse(self.leads["b"].with_user(self.leader_1).has_access("read"))

    def test_unlink_customer(self):
        with self.assertRaises(AccessError):
            self.customers["b"].with_user(self.salesman_a).unlink()
        self.contacts["a"].with_user(self.salesman_a).unlink()
        self.assertFalse(self.contacts["a"].exists())


@tagged("post_install", "-at_install")
class TestMultiCompany(CrmCoreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Matrix Company B"})
        Partner = cls.env["res.partner"]
        vals = {"is_company": True, "customer_rank": 1, "company_id": cls.company_b.id}
        cls.customer_b_pool = Partner.create({**vals, "name": "Company B Pool Customer"})
        cls.customer_b_manager = Partner.create(
            {**vals, "name": "Company B Manager's Customer", "user_id": cls.manager.id}
        )
        cls.lead_b = cls.env["crm.lead"].create(
            {"name": "Company B Lead", "company_id": cls.company_b.id, "user_id": False}
        )

    def test_other_company_records_stay_hidden_from_every_role(self):
        company_b_records = self.customer_b_pool | self.customer_b_manager
        for role in ("salesman_a", "leader_1", "manager"):
            user = getattr(self, role)
            with self.subTest(role=role):
                found = (
                    self.env["res.partner"]
                    .with_user(user)
                    .search([("id", "in", company_b_records.ids)])
                )
                self.assertEqual(found, self.env["res.partner"])
                self.assertFalse(
                    self.env["crm.lead"].with_user(user).search([("id", "=", self.lead_b.id)])
                )

    def test_manager_of_both_companies_sees_both(self):
        self.manager.write({"company_ids": [(4, self.company_b.id)]})
        env = self.env(
            user=self.manager,
            context={"allowed_company_ids": [self.env.company.id, self.company_b.id]},
        )
        found = env["res.partner"].search(
            [
                (
                    "id",
                    "in",
                    (self.customer_b_pool | self.customer_b_manager | self.customers["a"]).ids,
                )
            ]
        )
        self.assertEqual(
            found, self.customer_b_pool | self.customer_b_manager | self.customers["a"]
        )
        self.assertEqual(env["crm.lead"].search([("id", "=", self.lead_b.id)]), self.lead_b)
