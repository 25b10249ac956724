from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .telemarketing_common import TelemarketingCommon


@tagged("post_install", "-at_install")
class TestTelemarketingCallList(TelemarketingCommon):
    def test_generate_shares_entries_round_robin_and_skips_no_phone(self):
        self.call_list.with_user(self.manager).action_generate()
        entries = self.call_list.entry_ids.sorted("id")
        self.assertRecordValues(
            entries,
            [
                {
                    "partner_id": self.customers["a"].id,
                    "phone": "+86 21 1000 0001",
                    "user_id": self.salesman_a.id,
                    "state": "to_call",
                    "skip_reason": False,
                },
                {
                    "partner_id": self.customers["b"].id,
                    "phone": "+86 21 1000 0002",
                    "user_id": self.salesman_b.id,
                    "state": "to_call",
                    "skip_reason": False,
                },
                {
                    "partner_id": self.customers["c"].id,
                    "phone": "+86 21 1000 0003",
                    "user_id": self.salesman_a.id,
                    "state": "to_call",
                    "skip_reason": False,
                },
                {
                    "partner_id": self.customers["pool"].id,
                    "phone": False,
                    "user_id": False,
                    "state": "skipped",
                    "skip_reason": "no_phone",
                },
            ],
        )
        self.assertRecordValues(
            self.call_list,
            [{"entry_count": 4, "to_call_count": 3, "skipped_count": 1, "done_count": 0}],
        )
        self.assertEqual(entries.mapped("company_id"), self.env.company)
        self.assertEqual(entries[0].script, self.call_list.script)

    def test_generate_again_adds_only_new_partners(self):
        self.call_list.action_generate()
        newcomer = self.env["res.partner"].create(
            {
                "name": "Late Customer",
                "phone": "+86 21 1000 0009",
                "category_id": [(4, self.tag.id)],
            }
        )
        self.call_list.action_generate()
        self.assertEqual(len(self.call_list.entry_ids), 5)
        added = self.call_list.entry_ids.filtered(lambda e: e.partner_id == newcomer)
        # the turn starts again with the first salesperson
        self.assertRecordValues(added, [{"user_id": self.salesman_a.id, "state": "to_call"}])
        with self.assertRaisesRegex(UserError, "No new contact or lead matches the filters"):
            self.call_list.action_generate()
        self.assertEqual(len(self.call_list.entry_ids), 5)

    def test_generate_from_leads(self):
        self.leads["a"].phone = "+86 21 2000 0001"
        self.call_list.write(
            {"partner_domain": False, "lead_domain": f"[('id', 'in', {self.leads['a'].ids})]"}
        )
        self.call_list.action_generate()
        self.assertRecordValues(
            self.call_list.entry_ids,
            [
                {
                    "lead_id": self.leads["a"].id,
                    "partner_id": self.customers["a"].id,
                    "phone": "+86 21 2000 0001",
                    "user_id": self.salesman_a.id,
                }
            ],
        )
        # the lead's partner is on the list already: the contacts filter skips it
        self.call_list.partner_domain = f"[('id', 'in', {self.customers['a'].ids})]"
        with self.assertRaisesRegex(UserError, "No new contact or lead matches"):
            self.call_list.action_generate()

    def test_call_list_without_salesperson_is_refused(self):
        lists = self.env["crm.call.list"]
        with self.assertRaisesRegex(
            ValidationError, "The call list Nobody Calls needs at least one salesperson"
        ):
            lists.create({"name": "Nobody Calls", "partner_domain": "[]"})
        self.assertFalse(lists.search([("name", "=", "Nobody Calls")]))
        with (
            self.assertRaisesRegex(
                ValidationError, "The call list Spring Follow-up needs at least one salesperson"
            ),
            self.env.cr.savepoint(),
        ):
            self.call_list.user_ids = False
        self.env.invalidate_all()  # the refused write is rolled back in the database
        self.assertEqual(self.call_list.user_ids, self.salesman_a | self.salesman_b)
        self.assertFalse(self.call_list.entry_ids)

    def test_generate_without_filter_is_refused(self):
        self.call_list.partner_domain = False
        with self.assertRaisesRegex(
            UserError, "Set a contacts filter or a leads filter on Spring Follow-up"
        ):
            self.call_list.action_generate()
        self.assertFalse(self.call_list.entry_ids)

    def test_salesman_cannot_generate(self):
        with self.assertRaisesRegex(UserError, "not allowed to modify|not allowed to create"):
            self.call_list.with_user(self.salesman_a).action_generate()
        self.assertFalse(self.call_list.entry_ids)

    def test_invalid_filter_is_refused(self):
        for values, message in (
            ({"partner_domain": "[('no_such_field', '=', 1)]"}, "The Contacts Filter of"),
            ({"lead_domain": "[('name', '=',"}, "The Leads Filter of"),
        ):
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(
                    ValidationError, f"{message} Spring Follow-up is not a valid filter"
                ),
                self.env.cr.savepoint(),
            ):
                self.call_list.write(values)
        self.env.invalidate_all()
        self.assertEqual(self.call_list.partner_domain, f"[('category_id', 'in', [{self.tag.id}])]")
        self.assertFalse(self.call_list.lead_domain)

    def test_generate_is_set_based(self):
        def queries(size):
            tag = self.env["res.partner.category"].create({"name": f"Batch of {size}"})
            self.env["res.partner"].create(
                [
                    {
                        "name": f"Batch {size} #{i}",
                        "phone": f"+86 21 3{i:03d}",
                        "category_id": [(4, tag.id)],
                    }
                    for i in range(size)
                ]
            )
            call_list = self.call_list.copy(
                {"name": f"Batch {size}", "partner_domain": f"[('category_id', 'in', {tag.ids})]"}
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            call_list.action_generate()
            self.env.flush_all()
            self.assertEqual(len(call_list.entry_ids), size)
            return self.env.cr.sql_log_count - before

        queries(2)  # the first generation warms the caches (models, mail settings)
        self.assertEqual(queries(3), queries(30), "the queries grow with the entries")
