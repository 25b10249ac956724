from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.crm_core.tests.common import MANAGER

from .common import CrmExpenseCommon

MODELS = ("crm.expense.request", "crm.expense.payout", "crm.expense.analysis")


@tagged("post_install", "-at_install")
class TestCrmExpenseAccess(CrmExpenseCommon):
    """Who sees which requests, payouts and analysis lines: the salesperson their
    own, the team leader their team's, sales managers and finance all of their
    company's, nobody another company's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.requests, cls.payouts = {}, {}
        for key in ("a", "b", "c"):
            request = cls._approve(cls._new_request(key, 100.0))
            cls.requests[key] = request
            cls.payouts[key] = cls._payout(request, 40.0)
        cls.other_company = cls.env["res.company"].create({"name": "Expense Co Two"})
        cls.manager_other = new_test_user(
            cls.env,
            login="expense_manager_two",
            groups=MANAGER,
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )
        employee_other = cls.env["hr.employee"].create(
            {
                "name": "Expense Co Two Employee",
                "company_id": cls.other_company.id,
                "user_id": cls.manager_other.id,
                "work_contact_id": cls.manager_other.partner_id.id,
            }
        )
        cls.request_other = cls.env["crm.expense.request"].create(
            {
                "purpose": "Other company's trip",
                "product_id": cls.travel.id,
                "amount": 70.0,
                "employee_id": employee_other.id,
                "user_id": cls.manager_other.id,
                "company_id": cls.other_company.id,
                "currency_id": cls.other_company.currency_id.id,
            }
        )

    def expected(self, keys):
        requests = self.env["crm.expense.request"].union(*(self.requests[k] for k in keys))
        payouts = self.env["crm.expense.payout"].union(*(self.payouts[k] for k in keys))
        analysis = self.env["crm.expense.analysis"].browse(
            [request.id * 2 for request in requests] + [payout.id * 2 + 1 for payout in payouts]
        )
        return {
            "crm.expense.request": requests,
            "crm.expense.payout": payouts,
            "crm.expense.analysis": analysis,
        }

    def visible(self, user, model):
        return self.env[model].with_user(user).search([]).with_env(self.env)

    def test_visibility_per_role(self):
        other = self.expected([])
        other["crm.expense.request"] = self.request_other
        other["crm.expense.analysis"] = self.env["crm.expense.analysis"].browse(
            self.request_other.id * 2
        )
        expected = {
            self.salesman_a: self.expected(["a"]),
            self.salesman_b: self.expected(["b"]),
            self.salesman_c: self.expected(["c"]),
            self.leader_1: self.expected(["a", "b"]),
            self.leader_2: self.expected(["c"]),
            self.manager: self.expected(["a", "b", "c"]),
            self.accountant: self.expected(["a", "b", "c"]),
            self.manager_other: other,
        }
        for user, records in expected.items():
            for model in MODELS:
                with self.subTest(user=user.login, model=model):
                    self.assertEqual(
                        self.visible(user, model).sorted("id"), records[model].sorted("id")
                    )
        # the sizes the expectations rest on: a request row and a payout row each
        self.assertEqual(len(expected[self.manager]["crm.expense.analysis"]), 6)
        self.assertEqual(len(expected[self.leader_1]["crm.expense.payout"]), 2)

    def test_salesperson_cannot_open_or_change_others_requests(self):
        request_c = self.requests["c"]
        for record in (request_c, self.payouts["c"]):
            with self.subTest(model=record._name):
                with self.assertRaises(AccessError):
                    record.with_user(self.salesman_a).read(["name"])
        with self.assertRaises(AccessError):
            request_c.with_user(self.salesman_a).write({"purpose": "Taken over"})
        self.assertEqual(request_c.purpose, "Visit of c")
        with self.assertRaises(AccessError):
            request_c.with_user(self.leader_1).read(["name"])
        request_c.with_user(self.leader_2).write({"purpose": "Checked by the leader"})
        self.assertEqual(request_c.purpose, "Checked by the leader")

    def test_document_totals_follow_the_reader(self):
        """The smart button's figures are the reader's own: everybody opens the pool
        opportunity, but a salesperson adds up only the expenses they may see."""
        lead = self.leads["pool"]
        self._payout(self._approve(self._new_request("b", 80.0, document=lead)), 30.0)
        figures = {
            self.manager: (1, 80.0, 30.0),
            self.salesman_b: (1, 80.0, 30.0),
            self.salesman_a: (0, 0.0, 0.0),
        }
        for user, (count, approved, spent) in figures.items():
            with self.subTest(user=user.login):
                self.assertRecordValues(
                    lead.with_user(user),
                    [
                        {
                            "crm_expense_request_count": count,
                            "crm_expense_approved_amount": approved,
                            "crm_expense_spent_amount": spent,
                        }
                    ],
                )

    def test_document_totals_take_the_same_queries_for_any_number_of_documents(self):
        for key in ("a", "b", "c"):
            self._payout(self._approve(self._new_request(key, 50.0)), 10.0)
        all_leads = self.records("leads", ["a", "b", "c", "pool"])
        all_leads.mapped("crm_expense_spent_amount")  # warm the caches of everything else
        counts = []
        for leads in (self.leads["a"], all_leads):
            leads.invalidate_recordset()
            start = self.cr.sql_log_count
            leads.mapped("crm_expense_spent_amount")
            counts.append(self.cr.sql_log_count - start)
        self.assertEqual(counts[0], counts[1])
        self.assertEqual(
            all_leads.mapped("crm_expense_spent_amount"),
            [50.0, 50.0, 50.0, 0.0],
        )
