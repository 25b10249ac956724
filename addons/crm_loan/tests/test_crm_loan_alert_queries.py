from odoo.tests import tagged

from .alert_common import CrmLoanAlertCommon


@tagged("post_install", "-at_install")
class TestCrmLoanAlertQueries(CrmLoanAlertCommon):
    """The alert run costs the same number of queries for 3 loans as for 30."""

    # one run over one company, alerts of two kinds for three owners, whatever the
    # number of loans
    QUERIES = 65

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.crm_loan_alert_sms = True
        for user, phone in zip(
            (cls.salesman_a, cls.salesman_b, cls.salesman_c),
            ("+32456000001", "+32456000002", "+32456000003"),
            strict=True,
        ):
            user.partner_id.phone = phone

    def make_loans(self, count):
        """``count`` shipped loans of owners a, b and c in turn, due back in three
        days (a reminder) and their feedback two days late (an overdue alert)."""
        keys = ("a", "b", "c")
        loans = self.env["crm.loan"].union(
            *(
                self._new_loan(
                    keys[n % 3],
                    {self.kit: 1},
                    expected_return_date=self.day(3),
                    expected_feedback_date=self.day(-2),
                )
                for n in range(count)
            )
        )
        loans.action_submit()
        for loan in loans:
            loan.with_user(self.manager).validate_tier()
        loans.action_ship()
        pickings = loans.picking_ids
        for move in pickings.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        pickings.button_validate()
        self.assertEqual(set(loans.mapped("state")), {"shipped"})
        return loans

    def assert_cron_queries(self, count):
        loans = self.make_loans(count)
        activities = self.new_activities(self.env["mail.activity"])
        mails, texts = self.mails(), self.env["sms.sms"].search([])
        # the same start for both sizes: the activity type's xmlid cached, no record
        self.env.ref("crm_loan.mail_activity_type_loan_alert")
        self.env.invalidate_all()
        with self.assertQueryCount(self.QUERIES):
            self.env["crm.loan"]._cron_send_alerts()
        self.assertEqual(len(self.new_activities(activities)), 2 * count)
        # one digest per owner, both kinds of alert in it
        self.assertEqual(len(self.mails() - mails), 3)
        self.assertEqual(len(self.env["sms.sms"].search([]) - texts), 3)
        self.assertEqual(
            set(loans.mapped(lambda loan: (loan.return_alert, loan.feedback_alert))),
            {("soon", "overdue")},
        )

    def test_queries_3_loans(self):
        self.assert_cron_queries(3)

    def test_queries_30_loans(self):
        self.assert_cron_queries(30)
