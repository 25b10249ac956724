from odoo.exceptions import AccessError
from odoo.tests import tagged

from .telemarketing_common import TelemarketingCommon

ALL = ("a", "b", "c", "pool")


@tagged("post_install", "-at_install")
class TestTelemarketingAccess(TelemarketingCommon):
    """Entries of the list shared by salesman_a and salesman_b: a -> salesman_a,
    b -> salesman_b, c (salesman_c's customer, team 2) -> salesman_a, pool skipped.
    A second list of team 2 called by salesman_c has an entry for a's customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entries = cls.generate()
        cls.list_2 = cls.env["crm.call.list"].create(
            {
                "name": "Team Two List",
                "team_id": cls.team_2.id,
                "user_ids": [(6, 0, cls.salesman_c.ids)],
                "partner_domain": f"[('id', '=', {cls.customers['a'].id})]",
            }
        )
        cls.entries["a2"] = cls.list_2.action_generate()
        cls.calls = {
            key: entry.with_user(entry.user_id)._log_call("reached", 1, False, False)
            for key, entry in cls.entries.items()
            if entry.user_id
        }

    def assert_visible(self, model, records, expected_by_role):
        for role, keys in expected_by_role.items():
            user = getattr(self, role)
            expected = self.env[model].browse([records[k].id for k in sorted(keys)])
            with self.subTest(model=model, role=role):
                everything = self.env[model].browse([r.id for r in records.values()])
                found = everything.with_user(user).search([("id", "in", everything.ids)])
                self.assertEqual(found, expected)

    def test_entries_per_role(self):
        self.assert_visible(
            "crm.call.list.entry",
            self.entries,
            {
                # assigned to them, or their own customers (a2 is a's customer)
                "salesman_a": {"a", "c", "a2"},
                "salesman_b": {"b"},
                "salesman_c": {"c", "a2"},
                "leader_1": {"a", "b", "c", "pool", "a2"},
                "leader_2": {"c", "a2"},
                "manager": {"a", "b", "c", "pool", "a2"},
            },
        )

    def test_calls_per_role(self):
        self.assert_visible(
            "crm.phonecall",
            self.calls,
            {
                "salesman_a": {"a", "c", "a2"},
                "salesman_b": {"b"},
                "salesman_c": {"c", "a2"},
                "leader_1": {"a", "b", "c", "a2"},
                "leader_2": {"c", "a2"},
                "manager": {"a", "b", "c", "a2"},
            },
        )

    def test_phonecall_analysis_per_role(self):
        # crm_phonecall's report has a row per call (same id): the callers' roles
        rows = {
            key: self.env["crm.phonecall.report"].browse(call.id)
            for key, call in self.calls.items()
        }
        self.assert_visible(
            "crm.phonecall.report",
            rows,
            {
                "salesman_a": {"a", "c"},
                "salesman_b": {"b"},
                "salesman_c": {"a2"},
                "leader_1": {"a", "b", "c"},
                "leader_2": {"a2"},
                "manager": {"a", "b", "c", "a2"},
            },
        )

    def test_lists_per_role(self):
        lists = {"1": self.call_list, "2": self.list_2}
        self.assert_visible(
            "crm.call.list",
            lists,
            {
                "salesman_a": {"1"},
                "salesman_b": {"1"},
                "salesman_c": {"2"},
                "leader_1": {"1"},
                "leader_2": {"2"},
                "manager": {"1", "2"},
            },
        )

    def test_salesman_cannot_touch_others_entries(self):
        entry = self.entries["b"].with_user(self.salesman_a)
        with self.assertRaises(AccessError):
            entry.action_log_call()
        with self.assertRaises(AccessError):
            self.call_list.with_user(self.salesman_a).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.entries["a"].with_user(self.salesman_a).unlink()

    def test_other_company_stays_hidden(self):
        company_2 = self.env["res.company"].create({"name": "Telemarketing Two"})
        other = self.env["crm.call.list"].create(
            {
                "name": "Other Company List",
                "company_id": company_2.id,
                "team_id": False,
                "user_ids": [(6, 0, self.salesman_a.ids)],
                "partner_domain": f"[('id', '=', {self.customers['a'].id})]",
            }
        )
        entry = other.action_generate()
        call = entry._log_call("reached", 1, False, False)
        self.assertEqual(call.company_id, company_2)
        for model, record in (
            ("crm.call.list", other),
            ("crm.call.list.entry", entry),
            ("crm.phonecall", call),
        ):
            with self.subTest(model=model):
                found = self.env[model].with_user(self.manager).search([("id", "=", record.id)])
                self.assertFalse(found)
        # once the user may work in the other company, they see it
        self.manager.company_ids |= company_2
        found = (
            self.env["crm.call.list.entry"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.env.company.id, company_2.id])
            .search([("id", "=", entry.id)])
        )
        self.assertEqual(found, entry)
