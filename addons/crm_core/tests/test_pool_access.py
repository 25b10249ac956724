from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .pool_common import CrmPoolCommon

# Pooled records each role may read: public pool, team_1's pool, team_2's pool.
VISIBLE = {
    "salesman_a": {"pub", "t1"},
    "salesman_b": {"pub", "t1"},
    "salesman_c": {"pub", "t2"},
    "leader_1": {"pub", "t1"},
    "leader_2": {"pub", "t2"},
    "manager": {"pub", "t1", "t2"},
}


@tagged("post_install", "-at_install")
class TestPoolAccess(CrmPoolCommon):
    def test_visible_pooled_records_per_role(self):
        for kind in ("pool_customers", "pool_leads", "pool_opportunities"):
            mapping = getattr(self, kind)
            everything = self.browse_all(mapping)
            for role, keys in VISIBLE.items():
                user = getattr(self, role)
                expected = self.browse_all(mapping, keys)
                with self.subTest(kind=kind, role=role):
                    found = everything.with_user(user).search([("id", "in", everything.ids)])
                    self.assertEqual(found, expected)
                    self.assertEqual(everything.with_user(user)._filtered_access("read"), expected)

    def test_visible_pools_per_role(self):
        pools = self.pool_public | self.pool_1 | self.pool_2
        for role, keys in VISIBLE.items():
            user = getattr(self, role)
            expected = self.browse_all(
                {"pub": self.pool_public, "t1": self.pool_1, "t2": self.pool_2}, keys
            )
            with self.subTest(role=role):
                found = self.env["crm.pool"].with_user(user).search([("id", "in", pools.ids)])
                self.assertEqual(found, expected)

    def test_contacts_of_other_team_pool_stay_hidden(self):
        contact = self.env["res.partner"].create(
            {"name": "Pooled Contact t2", "parent_id": self.pool_customers["t2"].id}
        )
        self.assertFalse(contact.with_user(self.salesman_a).has_access("read"))
        self.assertTrue(contact.with_user(self.salesman_c).has_access("read"))

    def test_salesman_cannot_claim_other_team_pool(self):
        for records in (self.pool_customers, self.pool_leads):
            with self.subTest(model=records["t2"]._name):
                with self.assertRaises(AccessError):
                    records["t2"].with_user(self.salesman_a).action_pool_claim()
                with self.assertRaises(AccessError):
                    records["t2"].with_user(self.salesman_a).write({"user_id": self.salesman_a.id})
                self.assertFalse(records["t2"].user_id)

    def test_salesman_cannot_edit_pool_membership_around_claim(self):
        # writing the pool or another owner directly is refused
        customer = self.pool_customers["pub"].with_user(self.salesman_a)
        with self.assertRaises(AccessError):
            customer.write({"pool_id": False})
        lead = self.pool_leads["pub"].with_user(self.salesman_a)
        with self.assertRaises(UserError):
            lead.write({"user_id": self.salesman_c.id})
        self.assertFalse(lead.user_id)
        self.assertEqual(lead.pool_id, self.pool_public)

    def test_salesman_logs(self):
        self.pool_leads["t1"].with_user(self.salesman_a).action_pool_claim()
        self.pool_leads["t2"].with_user(self.salesman_c).action_pool_claim()
        Log = self.env["crm.pool.log"]
        self.assertEqual(Log.with_user(self.salesman_a).search([]).lead_id, self.pool_leads["t1"])
        self.assertEqual(Log.with_user(self.salesman_b).search([]), Log)
        self.assertEqual(Log.with_user(self.leader_1).search([]).lead_id, self.pool_leads["t1"])
        self.assertEqual(
            Log.with_user(self.manager).search([]).lead_id,
            self.pool_leads["t1"] | self.pool_leads["t2"],
        )
        with self.assertRaises(AccessError):
            Log.with_user(self.salesman_a).search([]).unlink()

    def test_salesman_cannot_configure(self):
        with self.assertRaises(AccessError):
            self.env["crm.pool.quota"].with_user(self.salesman_a).create(
                {"resource_type": "lead", "quota": 100}
            )
        with self.assertRaises(AccessError):
            self.env["crm.pool.rule"].with_user(self.leader_1).create(
                {
                    "name": "Leader rule",
                    "resource_type": "lead",
                    "days": 3,
                    "warning_days": 1,
                    "pool_id": self.pool_1.id,
                }
            )

    @staticmethod
    def browse_all(mapping, keys=None):
        records = next(iter(mapping.values())).browse()
        for key in sorted(keys if keys is not None else mapping):
            records |= mapping[key]
        return records
