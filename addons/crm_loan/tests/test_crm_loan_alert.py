from datetime import datetime, time
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from odoo.addons.crm_core.tests.common import TEST_TODAY
from odoo.addons.crm_loan.models import crm_loan_alert_cron as alert_cron
from odoo.addons.sms.tests.common import SMSCase

from .alert_common import CrmLoanAlertCommon

PHONE_A = "+32456001122"
PHONE_C = "+32456003344"


@tagged("post_install", "-at_install")
class TestCrmLoanAlert(CrmLoanAlertCommon, SMSCase):
    """The three clocks of a loan (shipping, return, feedback), the overdue view
    that shows them and the daily run that alerts each once per level."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        day = cls.day
        approved = lambda key, **values: cls._approve(  # noqa: E731
            cls._new_loan(key, {cls.kit: 1}, **values)
        )
        shipped = lambda key, **values: cls._shipped_loan(key, {cls.kit: 1}, **values)  # noqa: E731
        # alerting
        cls.ship_soon_a = approved("a", expected_ship_date=day(2))
        cls.ship_soon_a2 = approved("a", expected_ship_date=day(1))
        cls.ship_late_b = approved("b", expected_ship_date=day(-1))
        cls.ship_late_pool = approved("pool", expected_ship_date=day(-3))
        cls.return_soon_a = shipped(
            "a", expected_return_date=day(0), expected_feedback_date=day(30)
        )
        cls.return_late_c = shipped("c", expected_return_date=day(-5))
        cls.feedback_late_a = shipped(
            "a", expected_return_date=day(60), expected_feedback_date=day(-2)
        )
        # not alerting
        cls.ship_far = approved("a", expected_ship_date=day(3))
        cls.draft_late = cls._new_loan("a", {cls.kit: 1}, expected_ship_date=day(-5))
        cls.return_alerted = shipped("b", expected_return_date=day(-3))
        cls.return_alerted.write({"return_alert": "overdue"})
        cls.returned = shipped("c", expected_return_date=day(-4))
        cls.env["crm.loan.return"].create(
            {
                "loan_id": cls.returned.id,
                "line_ids": [(0, 0, {"loan_line_id": cls.returned.line_ids.id, "quantity": 1})],
            }
        ).action_confirm()
        cls.feedback_given = shipped(
            "b", expected_return_date=day(60), expected_feedback_date=day(-4)
        )
        cls.env["crm.loan.feedback"].create(
            {"loan_id": cls.feedback_given.id, "problems": "Too loud", "rating": "2"}
        )
        cls.fixture = (
            cls.ship_soon_a
            | cls.ship_soon_a2
            | cls.ship_late_b
            | cls.ship_late_pool
            | cls.return_soon_a
            | cls.return_late_c
            | cls.feedback_late_a
            | cls.ship_far
            | cls.draft_late
            | cls.return_alerted
            | cls.returned
            | cls.feedback_given
        )

    def run_cron(self):
        """Run the alerts; return the activities and mails it created."""
        activities = self.new_activities(self.env["mail.activity"])
        mails = self.mails()
        self.env["crm.loan"]._cron_send_alerts()
        return self.new_activities(activities), self.mails() - mails

    def levels(self):
        return {
            loan: (loan.ship_alert, loan.return_alert, loan.feedback_alert) for loan in self.fixture
        }

    def test_fixture_dates(self):
        self.assertEqual(fields.Date.to_string(self.today), TEST_TODAY)
        self.assertRecordValues(
            self.returned | self.feedback_given | self.draft_late,
            [
                {"state": "done", "outstanding_qty": 0.0, "has_feedback": False},
                {"state": "shipped", "outstanding_qty": 1.0, "has_feedback": True},
                {"state": "draft", "outstanding_qty": 0.0, "has_feedback": False},
            ],
        )

    def test_overdue_view_rows(self):
        day = self.day
        rows = [
            # loan, clock, expected date, days late, overdue, level
            (self.ship_soon_a, "ship", day(2), -2, False, "none"),
            (self.ship_soon_a2, "ship", day(1), -1, False, "none"),
            (self.ship_late_b, "ship", day(-1), 1, True, "none"),
            (self.ship_late_pool, "ship", day(-3), 3, True, "none"),
            (self.ship_far, "ship", day(3), -3, False, "none"),
            (self.return_soon_a, "return", day(0), 0, False, "none"),
            (self.return_soon_a, "feedback", day(30), -30, False, "none"),
            (self.return_late_c, "return", day(-5), 5, True, "none"),
            (self.feedback_late_a, "return", day(60), -60, False, "none"),
            (self.feedback_late_a, "feedback", day(-2), 2, True, "none"),
            (self.return_alerted, "return", day(-3), 3, True, "overdue"),
            (self.feedback_given, "return", day(60), -60, False, "none"),
        ]
        # the view's order: by date, then by loan in the loans' order (newest first)
        rows.sort(key=lambda row: (row[2], -row[0].id))
        alerts = self.env["crm.loan.alert"].search([("loan_id", "in", self.fixture.ids)])
        self.assertEqual(
            [
                (a.loan_id, a.clock, a.expected_date, a.days_late, a.overdue, a.alert_level)
                for a in alerts
            ],
            rows,
        )
        clock_index = {"ship": 0, "return": 1, "feedback": 2}
        self.assertEqual(alerts.ids, [row[0].id * 3 + clock_index[row[1]] for row in rows])
        self.assertRecordValues(
            alerts.filtered(lambda a: a.loan_id == self.return_late_c),
            [
                {
                    "user_id": self.salesman_c.id,
                    "team_id": self.team_2.id,
                    "partner_id": self.customers["c"].id,
                    "commercial_partner_id": self.customers["c"].id,
                    "company_id": self.company.id,
                    "loan_type": "demo",
                }
            ],
        )
        # the overdue filter of the view
        overdue = self.env["crm.loan.alert"].search(
            [("loan_id", "in", self.fixture.ids), ("overdue", "=", True)]
        )
        self.assertEqual(
            [(a.loan_id, a.clock) for a in overdue], [(row[0], row[1]) for row in rows if row[4]]
        )
        self.assertEqual(len(overdue), 5)

    def test_cron_alerts_each_clock_once(self):
        day = self.day
        untouched = {
            loan: levels
            for loan, levels in self.levels().items()
            if loan
            not in (
                self.ship_soon_a
                | self.ship_soon_a2
                | self.ship_late_b
                | self.ship_late_pool
                | self.return_soon_a
                | self.return_late_c
                | self.feedback_late_a
            )
        }
        activities, mails = self.run_cron()
        a, b, c = self.salesman_a, self.salesman_b, self.salesman_c
        alert = self.activity_type.id
        self.assertEqual(
            self.activity_rows(activities),
            sorted(
                [
                    (self.ship_soon_a.id, a.id, "Loan to ship soon", day(2), alert),
                    (self.ship_soon_a2.id, a.id, "Loan to ship soon", day(1), alert),
                    (self.ship_late_b.id, b.id, "Loan shipment overdue", day(-1), alert),
                    (self.return_soon_a.id, a.id, "Loan due back soon", day(0), alert),
                    (self.return_late_c.id, c.id, "Loan return overdue", day(-5), alert),
                    (self.feedback_late_a.id, a.id, "Loan feedback overdue", day(-2), alert),
                ]
            ),
        )
        self.assertEqual(set(activities.mapped("res_model")), {"crm.loan"})
        # one digest per owner and run, the owner's loans under each kind of alert
        sender = self.company.email_formatted

        def section(summary, *rows):
            items = "".join(
                f"<li>{loan.name} — {loan.partner_id.display_name} — "
                f"{fields.Date.to_string(date)}</li>"
                for loan, date in rows
            )
            return f"<p>{summary}</p><ul>{items}</ul>"

        self.assertEqual(
            sorted(
                (
                    m.recipient_ids.ids,
                    m.subject,
                    m.body_html,
                    m.email_to,
                    m.email_from,
                    m.auto_delete,
                )
                for m in mails
            ),
            sorted(
                [
                    (
                        a.partner_id.ids,
                        "Loan alerts (4)",
                        section(
                            "Loan to ship soon",
                            (self.ship_soon_a2, day(1)),
                            (self.ship_soon_a, day(2)),
                        )
                        + section("Loan due back soon", (self.return_soon_a, day(0)))
                        + section("Loan feedback overdue", (self.feedback_late_a, day(-2))),
                        a.email_formatted,
                        sender,
                        True,
                    ),
                    (
                        b.partner_id.ids,
                        "Loan shipment overdue (1)",
                        section("Loan shipment overdue", (self.ship_late_b, day(-1))),
                        b.email_formatted,
                        sender,
                        True,
                    ),
                    (
                        c.partner_id.ids,
                        "Loan return overdue (1)",
                        section("Loan return overdue", (self.return_late_c, day(-5))),
                        c.email_formatted,
                        sender,
                        True,
                    ),
                ]
            ),
        )
        self.assertEqual(sender, f'"{self.company.name}" <loans@example.com>')
        levels = self.levels()
        self.assertEqual(
            {loan: levels[loan] for loan in untouched}, untouched, "the others are left alone"
        )
        self.assertEqual(
            {loan: levels[loan] for loan in self.fixture if loan not in untouched},
            {
                self.ship_soon_a: ("soon", "none", "none"),
                self.ship_soon_a2: ("soon", "none", "none"),
                self.ship_late_b: ("overdue", "none", "none"),
                # nobody owns it: no activity and no mail, but the clock is marked
                self.ship_late_pool: ("overdue", "none", "none"),
                self.return_soon_a: ("none", "soon", "none"),
                self.return_late_c: ("none", "overdue", "none"),
                self.feedback_late_a: ("none", "none", "overdue"),
            },
        )
        self.assertEqual(untouched[self.return_alerted], ("none", "overdue", "none"))
        self.assertEqual(self.ship_late_pool.activity_ids, self.env["mail.activity"])
        # a second run the same day finds nothing new
        again, mails_again = self.run_cron()
        self.assertEqual(again, self.env["mail.activity"])
        self.assertEqual(mails_again, self.env["mail.mail"])
        self.assertEqual(self.levels(), levels)

    def test_one_digest_across_batches(self):
        """Batches of one alert each still give one message per owner."""
        with patch.object(alert_cron, "ALERT_BATCH", 1):
            activities, mails = self.run_cron()
        self.assertEqual(len(activities), 6)
        self.assertEqual(
            sorted((m.recipient_ids.ids, m.subject) for m in mails),
            sorted(
                [
                    (self.salesman_a.partner_id.ids, "Loan alerts (4)"),
                    (self.salesman_b.partner_id.ids, "Loan shipment overdue (1)"),
                    (self.salesman_c.partner_id.ids, "Loan return overdue (1)"),
                ]
            ),
        )
        self.assertEqual(self.ship_late_pool.ship_alert, "overdue")

    def test_each_owner_reads_the_alerts_in_their_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.salesman_a.lang = "zh_CN"
        activities, mails = self.run_cron()
        self.assertEqual(
            sorted((a.user_id.id, a.summary) for a in activities),
            sorted(
                [
                    (self.salesman_a.id, "借出即将发货"),
                    (self.salesman_a.id, "借出即将发货"),
                    (self.salesman_a.id, "借出即将到期归还"),
                    (self.salesman_a.id, "借出反馈逾期"),
                    (self.salesman_b.id, "Loan shipment overdue"),
                    (self.salesman_c.id, "Loan return overdue"),
                ]
            ),
        )
        self.assertEqual(
            sorted((m.recipient_ids.ids, m.subject) for m in mails),
            sorted(
                [
                    (self.salesman_a.partner_id.ids, "借出预警（4）"),  # noqa: RUF001
                    (self.salesman_b.partner_id.ids, "Loan shipment overdue (1)"),
                    (self.salesman_c.partner_id.ids, "Loan return overdue (1)"),
                ]
            ),
        )
        body = mails.filtered(lambda m: m.recipient_ids == self.salesman_a.partner_id).body_html
        self.assertIn("<p>借出即将发货</p>", body)
        self.assertIn("<p>借出反馈逾期</p>", body)

    def test_cron_escalates_the_next_day(self):
        self.run_cron()
        day = self.day
        with freeze_time(datetime.combine(day(1), time(10, 0))):
            self.assertEqual(fields.Date.today(), day(1))
            activities, mails = self.run_cron()
        a = self.salesman_a
        alert = self.activity_type.id
        # due back today yesterday, overdue now; three days ahead yesterday, two now
        self.assertEqual(
            self.activity_rows(activities),
            sorted(
                [
                    (self.return_soon_a.id, a.id, "Loan return overdue", day(0), alert),
                    (self.ship_far.id, a.id, "Loan to ship soon", day(3), alert),
                ]
            ),
        )
        self.assertEqual(
            sorted((m.recipient_ids.ids, m.subject) for m in mails),
            [(a.partner_id.ids, "Loan alerts (2)")],
        )
        self.assertRecordValues(
            self.return_soon_a | self.ship_far | self.ship_soon_a2,
            [
                {"ship_alert": "none", "return_alert": "overdue", "feedback_alert": "none"},
                {"ship_alert": "soon", "return_alert": "none", "feedback_alert": "none"},
                {"ship_alert": "soon", "return_alert": "none", "feedback_alert": "none"},
            ],
        )

    def test_moved_date_restarts_the_clock(self):
        self.run_cron()
        self.ship_late_b.purpose = "Not a date"
        self.return_late_c.write({"purpose": "Nor this"})
        self.assertEqual(self.ship_late_b.ship_alert, "overdue")
        self.assertEqual(self.return_late_c.return_alert, "overdue")
        self.ship_late_b.expected_ship_date = self.day(1)
        self.return_late_c.write({"expected_return_date": self.day(-1)})
        self.assertRecordValues(
            self.ship_late_b | self.return_late_c,
            [
                {"ship_alert": "none", "return_alert": "none", "feedback_alert": "none"},
                {"ship_alert": "none", "return_alert": "none", "feedback_alert": "none"},
            ],
        )
        activities, mails = self.run_cron()
        alert = self.activity_type.id
        self.assertEqual(
            self.activity_rows(activities),
            sorted(
                [
                    (
                        self.ship_late_b.id,
                        self.salesman_b.id,
                        "Loan to ship soon",
                        self.day(1),
                        alert,
                    ),
                    (
                        self.return_late_c.id,
                        self.salesman_c.id,
                        "Loan return overdue",
                        self.day(-1),
                        alert,
                    ),
                ]
            ),
        )
        self.assertEqual(
            sorted((m.recipient_ids.ids, m.subject) for m in mails),
            sorted(
                [
                    (self.salesman_b.partner_id.ids, "Loan to ship soon (1)"),
                    (self.salesman_c.partner_id.ids, "Loan return overdue (1)"),
                ]
            ),
        )
        self.assertRecordValues(
            self.ship_late_b | self.return_late_c,
            [
                {"ship_alert": "soon", "return_alert": "none"},
                {"ship_alert": "none", "return_alert": "overdue"},
            ],
        )

    def test_sms_per_owner(self):
        self.company.crm_loan_alert_sms = True
        self.salesman_a.partner_id.phone = PHONE_A
        self.salesman_c.partner_id.phone = PHONE_C
        self.salesman_b.partner_id.phone = False
        more = self.env["crm.loan"]
        for _n in range(6):
            more |= self._approve(
                self._new_loan("c", {self.kit: 1}, expected_ship_date=self.day(1))
            )
        with self.mockSMSGateway():
            self.run_cron()
            self.assertEqual(
                sorted(
                    (sms.partner_id.id, sms.number, sms.body, sms.state) for sms in self._new_sms
                ),
                sorted(
                    [
                        (
                            self.salesman_a.partner_id.id,
                            PHONE_A,
                            f"Loan to ship soon: {self.ship_soon_a2.name}, {self.ship_soon_a.name}"
                            f"; Loan due back soon: {self.return_soon_a.name}"
                            f"; Loan feedback overdue: {self.feedback_late_a.name}",
                            "outgoing",
                        ),
                        # the clocks in order: ship, then return
                        (
                            self.salesman_c.partner_id.id,
                            PHONE_C,
                            "Loan to ship soon: "
                            + ", ".join(more.sorted("id", reverse=True)[:5].mapped("name"))
                            + f" +1; Loan return overdue: {self.return_late_c.name}",
                            "outgoing",
                        ),
                    ]
                ),
            )
            self._new_sms.send()
            self.assertEqual(
                sorted((sms["number"], sms["body"]) for sms in self._sms),
                sorted((sms.number, sms.body) for sms in self._new_sms),
            )
            created = self._new_sms
            self.run_cron()
            self.assertEqual(self._new_sms, created, "no second text for the same alert")

    def test_no_sms_unless_the_company_wants_them(self):
        self.salesman_a.partner_id.phone = PHONE_A
        with self.mockSMSGateway():
            self.run_cron()
            self.assertEqual(self._new_sms, self.env["sms.sms"])
            self.assertEqual(self._sms, [])
