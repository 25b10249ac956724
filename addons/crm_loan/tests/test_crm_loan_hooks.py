from odoo import fields
from odoo.tests import tagged

from .common import CrmLoanCommon


@tagged("post_install", "-at_install")
class TestCrmLoanHooks(CrmLoanCommon):
    """What crm_loan plugs into the customer and into crm_core: the partner's
    loan count and list, the customer 360 timeline, the work handover."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # customer a: two loans of salesperson a (one made out to the contact), one
        # of salesperson c; customer b: one loan of salesperson b
        cls.loan_a = cls._new_loan("a", {cls.kit: 1}, purpose="<p>Trial of the <b>kit</b></p>")
        cls.loan_a_contact = cls._new_loan(
            "a", {cls.kit: 2}, partner_id=cls.contacts["a"].id, purpose="For the lab"
        )
        cls.loan_a_by_c = cls._new_loan(
            "c", {cls.kit: 3}, partner_id=cls.customers["a"].id, purpose="Other team's"
        )
        cls.loan_b = cls._new_loan("b", {cls.kit: 1})

    def test_partner_loan_count(self):
        a, contact_a, b = self.customers["a"], self.contacts["a"], self.customers["b"]
        self.assertEqual(self.loan_a_contact.commercial_partner_id, a)
        partners = (a | contact_a | b | self.customers["c"] | self.vendor).with_user(self.manager)
        self.assertEqual(partners.mapped("crm_loan_count"), [3, 3, 1, 0, 0])
        # counted with the reader's rights: salesperson a does not see c's loan
        self.env.invalidate_all()
        self.assertEqual(
            (a | contact_a).with_user(self.salesman_a).mapped("crm_loan_count"), [2, 2]
        )
        self.env.invalidate_all()
        self.assertEqual(b.with_user(self.salesman_b).crm_loan_count, 1)

    def test_action_view_crm_loans(self):
        contact = self.contacts["a"]
        action = contact.with_user(self.salesman_a).action_view_crm_loans()
        self.assertEqual(action["res_model"], "crm.loan")
        self.assertEqual(action["domain"], [("commercial_partner_id", "=", self.customers["a"].id)])
        self.assertEqual(action["context"], {"default_partner_id": contact.id})
        Loan = self.env["crm.loan"]
        self.assertEqual(
            Loan.search(action["domain"]), self.loan_a | self.loan_a_contact | self.loan_a_by_c
        )
        self.assertEqual(
            Loan.with_user(self.salesman_a).search(action["domain"]).with_env(self.env),
            self.loan_a | self.loan_a_contact,
        )

    def loan_items(self, customer, user):
        return [
            item
            for item in customer.with_user(user).get_crm_timeline(limit=200)
            if item["kind"] == "loan"
        ]

    def item(self, loan, body, author):
        return {
            "kind": "loan",
            "kind_label": "Loan",
            "icon": "fa-cube",
            "date": fields.Datetime.to_string(loan.create_date),
            "title": loan.name,
            "body_preview": body,
            "author": author,
            "model": "crm.loan",
            "res_id": loan.id,
        }

    def test_timeline_shows_the_loans(self):
        # newest first; the loans were all made in this transaction, at one time
        self.assertEqual(
            len(set((self.loan_a | self.loan_a_contact | self.loan_a_by_c).mapped("create_date"))),
            1,
        )
        self.assertEqual(
            self.loan_items(self.customers["a"], self.salesman_a),
            [
                self.item(self.loan_a_contact, "For the lab", "Salesman A"),
                self.item(self.loan_a, "Trial of the kit", "Salesman A"),
            ],
        )
        self.assertEqual(
            self.loan_items(self.customers["a"], self.manager),
            [
                self.item(self.loan_a_by_c, "Other team's", "Salesman C"),
                self.item(self.loan_a_contact, "For the lab", "Salesman A"),
                self.item(self.loan_a, "Trial of the kit", "Salesman A"),
            ],
        )
        self.assertEqual(
            self.loan_items(self.customers["b"], self.manager),
            [self.item(self.loan_b, "", "Salesman B")],
        )
        # the contact's own timeline shows the loan made out to it only
        self.assertEqual(
            self.loan_items(self.contacts["a"], self.manager),
            [self.item(self.loan_a_contact, "For the lab", "Salesman A")],
        )

    def test_handover_moves_open_loans(self):
        a, b = self.salesman_a, self.salesman_b
        approved = self._approve(self._new_loan("a", {self.kit: 1}))
        submitted = self._new_loan("a", {self.kit: 1})
        submitted.action_submit()
        shipped = self._shipped_loan("a", {self.kit: 2})
        feedback = self.env["crm.loan.feedback"].create(
            {"loan_id": shipped.id, "problems": "Scratched", "rating": "3"}
        )
        closed = self._shipped_loan("a", {self.kit: 1})
        back = self._return(closed, {closed.line_ids: 1})
        back.action_confirm()
        rejected = self._new_loan("a", {self.kit: 1})
        rejected.action_submit()
        rejected.with_user(self.manager).with_context(reject_reason="No").reject_tier()
        cancelled = self._new_loan("a", {self.kit: 1})
        cancelled.action_cancel()
        self.assertEqual(
            [closed.state, rejected.state, cancelled.state, submitted.state],
            ["done", "rejected", "cancel", "submitted"],
        )
        moving = self.loan_a | self.loan_a_contact | approved | submitted | shipped
        staying = closed | rejected | cancelled

        handover = (
            self.env["crm.handover"]
            .with_user(self.manager)
            .create({"from_user_id": a.id, "to_user_id": b.id})
        )
        loan_line = handover.line_ids.filtered(lambda line: line.type_key == "loan")
        self.assertRecordValues(loan_line, [{"name": "Loans", "selected": True, "count": 5}])
        handover.action_confirm()
        self.assertEqual(handover.state, "done")
        self.assertEqual(loan_line.count, 5)
        Loan = self.env["crm.loan"]
        self.assertEqual(Loan.search([("user_id", "=", b.id)]), moving | self.loan_b)
        self.assertEqual(Loan.search([("user_id", "=", a.id)]), staying)
        # b is in team one too: the team stays
        self.assertEqual(set(moving.mapped("team_id")), {self.team_1})
        # the documents of the moved loans follow their owner
        self.assertEqual(feedback.user_id, b)
        self.assertEqual(back.user_id, a)
        self.assertEqual(
            Loan.with_user(b).search([("id", "in", (moving | staying).ids)]).with_env(self.env),
            moving,
        )

    def test_handover_between_teams_moves_the_loans_team(self):
        handover = (
            self.env["crm.handover"]
            .with_user(self.manager)
            .create({"mode": "team", "from_team_id": self.team_2.id, "to_team_id": self.team_1.id})
        )
        self.assertEqual(handover.line_ids.filtered(lambda line: line.type_key == "loan").count, 1)
        handover.action_confirm()
        self.assertRecordValues(
            self.loan_a_by_c, [{"team_id": self.team_1.id, "user_id": self.salesman_c.id}]
        )
        # now in the team led by leader 1
        self.assertEqual(
            self.env["crm.loan"]
            .with_user(self.leader_1)
            .search([("id", "=", self.loan_a_by_c.id)])
            .ids,
            self.loan_a_by_c.ids,
        )
