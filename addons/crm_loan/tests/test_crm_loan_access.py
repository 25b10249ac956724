from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.crm_core.tests.common import MANAGER

from .common import CrmLoanCommon

MODELS = (
    "crm.loan",
    "crm.loan.line",
    "crm.loan.return",
    "crm.loan.return.line",
    "crm.loan.conversion",
    "crm.loan.conversion.line",
    "crm.loan.feedback",
    "crm.loan.alert",
)


@tagged("post_install", "-at_install")
class TestCrmLoanAccess(CrmLoanCommon):
    """Who sees which loans and loan documents: the salesperson their own and the
    unowned ones, the team leader their team's, the manager all of the company's,
    the portal user their commercial partner's loans once they are out of draft."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        later = fields.Date.today() + relativedelta(months=2)
        cls.docs = {}
        for key in ("a", "b", "c", "pool"):
            loan = cls._shipped_loan(key, {cls.kit: 5}, expected_return_date=later)
            back = cls._settle_cls("crm.loan.return", loan, 1)
            back.action_confirm()
            conversion = cls._settle_cls("crm.loan.conversion", loan, 1, kind="consume")
            conversion.action_confirm()
            feedback = cls.env["crm.loan.feedback"].create(
                {"loan_id": loan.id, "problems": f"Feedback {key}", "rating": "4"}
            )
            cls.docs[key] = {
                "loan": loan,
                "return": back,
                "conversion": conversion,
                "feedback": feedback,
            }
        # More loans of salesperson a's customer, in the states the portal hides or shows.
        cls.draft_a = cls._new_loan("a", {cls.kit: 1})
        cls.cancelled_a = cls._new_loan("a", {cls.kit: 1})
        cls.cancelled_a.action_cancel()
        cls.approved_a = cls._approve(cls._new_loan("a", {cls.kit: 1}, expected_ship_date=later))
        cls.portal_user = new_test_user(
            cls.env,
            login="loan_portal_a",
            groups="base.group_portal",
            partner_id=cls.contacts["a"].id,
        )
        cls.other_company = cls.env["res.company"].create({"name": "Loan Co Two"})
        cls.manager_other = new_test_user(
            cls.env,
            login="loan_manager_two",
            groups=MANAGER,
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )

    @classmethod
    def _settle_cls(cls, model, loan, qty, **values):
        return cls.env[model].create(
            {
                "loan_id": loan.id,
                "line_ids": [Command.create({"loan_line_id": loan.line_ids.id, "quantity": qty})],
                **values,
            }
        )

    def expected(self, keys, extra=None):
        """The records of each model that go with the loans of ``keys``."""
        loans = self.env["crm.loan"].union(*(self.docs[key]["loan"] for key in keys))
        if extra is not None:
            loans |= extra
        returns = self.env["crm.loan.return"].union(*(self.docs[k]["return"] for k in keys))
        conversions = self.env["crm.loan.conversion"].union(
            *(self.docs[k]["conversion"] for k in keys)
        )
        alerts = self.env["crm.loan.alert"].search([("loan_id", "in", loans.ids)])
        return {
            "crm.loan": loans,
            "crm.loan.line": loans.line_ids,
            "crm.loan.return": returns,
            "crm.loan.return.line": returns.line_ids,
            "crm.loan.conversion": conversions,
            "crm.loan.conversion.line": conversions.line_ids,
            "crm.loan.feedback": self.env["crm.loan.feedback"].union(
                *(self.docs[k]["feedback"] for k in keys)
            ),
            "crm.loan.alert": alerts,
        }

    def visible(self, user, model):
        return self.env[model].with_user(user).search([]).with_env(self.env)

    def test_fixture(self):
        """The loans carry their owner and team; the pool one has neither; each
        shipped loan has one return clock and the approved one a shipping clock."""
        loans = self.env["crm.loan"].union(
            *(self.docs[key]["loan"] for key in ("a", "b", "c", "pool"))
        )
        self.assertRecordValues(
            loans,
            [
                {
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                    "state": "shipped",
                    "outstanding_qty": 3.0,
                },
                {
                    "user_id": self.salesman_b.id,
                    "team_id": self.team_1.id,
                    "state": "shipped",
                    "outstanding_qty": 3.0,
                },
                {
                    "user_id": self.salesman_c.id,
                    "team_id": self.team_2.id,
                    "state": "shipped",
                    "outstanding_qty": 3.0,
                },
                {"user_id": False, "team_id": False, "state": "shipped", "outstanding_qty": 3.0},
            ],
        )
        self.assertEqual(
            (self.draft_a | self.cancelled_a | self.approved_a).mapped("state"),
            ["draft", "cancel", "approved"],
        )
        alerts = self.env["crm.loan.alert"].search([])
        self.assertEqual(
            sorted((alert.loan_id.id, alert.clock) for alert in alerts),
            sorted([(loan.id, "return") for loan in loans] + [(self.approved_a.id, "ship")]),
        )

    def test_visibility_per_role(self):
        own_a = self.draft_a | self.cancelled_a | self.approved_a
        expected = {
            self.salesman_a: self.expected(["a", "pool"], own_a),
            self.salesman_b: self.expected(["b", "pool"]),
            self.salesman_c: self.expected(["c", "pool"]),
            self.leader_1: self.expected(["a", "b", "pool"], own_a),
            self.leader_2: self.expected(["c", "pool"]),
            self.manager: self.expected(["a", "b", "c", "pool"], own_a),
            self.manager_other: {model: self.env[model] for model in MODELS},
        }
        for user, records in expected.items():
            for model in MODELS:
                with self.subTest(user=user.login, model=model):
                    self.assertEqual(self.visible(user, model), records[model])
        # the counts the expectations rest on
        self.assertEqual(len(expected[self.manager]["crm.loan"]), 7)
        self.assertEqual(len(expected[self.manager]["crm.loan.alert"]), 5)
        self.assertEqual(len(expected[self.salesman_a]["crm.loan.line"]), 5)

    def test_salesperson_cannot_open_other_loans(self):
        docs_c = self.docs["c"]
        for record in (
            docs_c["loan"],
            docs_c["loan"].line_ids,
            docs_c["return"],
            docs_c["conversion"],
            docs_c["feedback"],
        ):
            with self.subTest(model=record._name):
                with self.assertRaises(AccessError):
                    record.with_user(self.salesman_a).read(["id"])
        with self.assertRaises(AccessError):
            docs_c["loan"].with_user(self.salesman_a).write({"purpose": "Taken over"})
        with self.assertRaises(AccessError):
            docs_c["feedback"].with_user(self.salesman_a).write({"problems": "Edited"})
        self.assertFalse(docs_c["loan"].purpose)
        # the team leader of team one cannot either, team two's leader can
        with self.assertRaises(AccessError):
            docs_c["loan"].with_user(self.leader_1).read(["name"])
        docs_c["loan"].with_user(self.leader_2).write({"purpose": "Checked by the leader"})
        self.assertEqual(docs_c["loan"].purpose, "Checked by the leader")
        # the pool loan is everybody's
        pool = self.docs["pool"]["loan"].with_user(self.salesman_c)
        pool.write({"purpose": "Anyone's"})
        self.assertEqual(pool.purpose, "Anyone's")

    def test_portal_sees_own_customer_loans_out_of_draft(self):
        user = self.portal_user
        docs_a = self.docs["a"]
        loans = docs_a["loan"] | self.approved_a
        self.assertEqual(self.visible(user, "crm.loan"), loans)
        self.assertEqual(self.visible(user, "crm.loan.line"), loans.line_ids)
        self.assertEqual(self.visible(user, "crm.loan.feedback"), docs_a["feedback"])
        for model in (
            "crm.loan.return",
            "crm.loan.return.line",
            "crm.loan.conversion",
            "crm.loan.conversion.line",
            "crm.loan.alert",
        ):
            with self.subTest(model=model):
                self.assertFalse(self.env[model].with_user(user).has_access("read"))
                with self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])
        # the draft and the cancelled loans, and other customers' loans, stay hidden
        for loan in (self.draft_a, self.cancelled_a, self.docs["b"]["loan"]):
            with self.subTest(loan=loan.name):
                with self.assertRaises(AccessError):
                    loan.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    loan.line_ids.with_user(user).read(["product_id"])
        with self.assertRaises(AccessError):
            self.docs["b"]["feedback"].with_user(user).read(["problems"])

    def test_portal_cannot_write(self):
        user = self.portal_user
        loan = self.docs["a"]["loan"]
        feedback = self.docs["a"]["feedback"]
        with self.assertRaises(AccessError):
            loan.with_user(user).write({"purpose": "Mine now"})
        with self.assertRaises(AccessError):
            loan.line_ids.with_user(user).write({"sequence": 1})
        with self.assertRaises(AccessError):
            feedback.with_user(user).write({"problems": "Rewritten"})
        with self.assertRaises(AccessError):
            self.env["crm.loan.feedback"].with_user(user).create(
                {"loan_id": loan.id, "problems": "Made up", "rating": "1"}
            )
        with self.assertRaises(AccessError):
            feedback.with_user(user).unlink()
        self.assertRecordValues(loan, [{"purpose": False}])
        self.assertRecordValues(feedback, [{"problems": "Feedback a"}])
        self.assertEqual(self.env["crm.loan.feedback"].search_count([("loan_id", "=", loan.id)]), 1)

    def test_portal_access_url_and_token(self):
        loan = self.docs["a"]["loan"]
        self.assertEqual(loan.access_url, f"/my/loans/{loan.id}")
        token = loan._portal_ensure_token()
        self.assertTrue(token)
        self.assertEqual(loan.get_portal_url(), f"/my/loans/{loan.id}?access_token={token}")
