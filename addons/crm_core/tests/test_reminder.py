from datetime import timedelta

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .reminder_common import CrmReminderCommon


@tagged("post_install", "-at_install")
class TestReminderRules(CrmReminderCommon):
    def set_write_date(self, records, when):
        self.env.flush_all()
        self.env.cr.execute(
            f'UPDATE "{records._table}" SET write_date = %s WHERE id IN %s',
            (when, tuple(records.ids)),
        )
        records.invalidate_recordset(["write_date"])

    def test_idle_opportunity_once(self):
        lead_a, lead_b = self.leads["a"], self.leads["b"]
        # a has not moved for 14 days and a bit; b for 13 days: only a is idle
        self.set_write_date(lead_a, self.now - timedelta(days=14, minutes=5))
        self.set_write_date(lead_b, self.now - timedelta(days=13))
        self.run_rules()
        leads = lead_a | lead_b | self.leads["c"]
        self.assertEqual(self.reminders(leads), [(lead_a.id, "salesman_a")])
        activity = lead_a.activity_ids.filtered(lambda a: a.activity_type_id == self.reminder_type)
        self.assertRecordValues(
            activity,
            [{"summary": "Opportunity idle: Matrix Lead a", "date_deadline": self.today}],
        )
        self.run_rules()
        self.assertEqual(self.reminders(leads), [(lead_a.id, "salesman_a")])

    def test_company_switched_off(self):
        self.set_write_date(self.leads["a"], self.now - timedelta(days=14, minutes=5))
        self.rules["idle_opportunity"].crm_reminder_off_company_ids = self.env.company
        self.run_rules()
        self.assertEqual(self.reminders(self.leads["a"]), [])

    def test_negative_delay_refused(self):
        with self.assertRaisesRegex(ValidationError, "Delay must be positive"):
            self.rules["quotation_expiry"].trg_date_range = -3

    def test_manager_tunes_rule(self):
        rule = self.rules["idle_opportunity"].with_user(self.manager)
        rule.write({"trg_date_range": 7, "crm_reminder_off_company_ids": self.env.company.ids})
        self.assertRecordValues(
            rule, [{"trg_date_range": 7, "crm_reminder_off_company_ids": self.env.company.ids}]
        )
        self.assertEqual(
            self.env["base.automation"].with_user(self.manager).search([]),
            self.env["base.automation"].search([("crm_reminder_kind", "!=", False)]),
        )
        with self.assertRaises(AccessError):
            self.rules["holiday"].with_user(self.salesman_a).write({"trg_date_range": 1})

    def test_quotation_expiring(self):
        self.orders["a"].validity_date = self.today + timedelta(days=3)
        self.orders["b"].validity_date = self.today + timedelta(days=4)
        self.orders["c"].validity_date = self.today + timedelta(days=3)
        self.orders["c"].action_cancel()
        self.run_rules()
        orders = self.orders["a"] | self.orders["b"] | self.orders["c"]
        self.assertEqual(self.reminders(orders), [(self.orders["a"].id, "salesman_a")])

    def test_activity_overdue(self):
        lead_a, lead_b = self.leads["a"], self.leads["b"]
        todo = self.env.ref("mail.mail_activity_data_todo")
        call_back = lead_a.activity_schedule(
            activity_type_id=todo.id,
            summary="Call back",
            user_id=self.salesman_a.id,
            date_deadline=self.today - timedelta(days=1),
        )
        lead_b.activity_schedule(
            activity_type_id=todo.id, user_id=self.salesman_b.id, date_deadline=self.today
        )
        self.run_rules()
        self.assertEqual(self.reminders(lead_a | lead_b), [(lead_a.id, "salesman_a")])
        reminder = lead_a.activity_ids.filtered(lambda a: a.activity_type_id == self.reminder_type)
        self.assertEqual(reminder.summary, "Activity overdue: Call back")
        # an overdue reminder does not breed a reminder of itself
        call_back.action_feedback()
        reminder.date_deadline = self.today - timedelta(days=1)
        self.rules["activity_overdue"].last_run = self.now - timedelta(days=1)
        self.run_rules()
        self.assertEqual(self.reminders(lead_a | lead_b), [(lead_a.id, "salesman_a")])

    def test_birthdays(self):
        tomorrow = self.today + timedelta(days=1)
        # a person customer of salesman_b, born tomorrow's day in 1980
        person = self.env["res.partner"].create(
            {
                "name": "Birthday Person",
                "user_id": self.salesman_b.id,
                "customer_rank": 1,
                "birthday": tomorrow.replace(year=1980),
            }
        )
        contact = self.contacts["a"]
        contact.birthday = tomorrow.replace(year=1984)
        late = self.contacts["c"]
        late.birthday = (self.today + timedelta(days=5)).replace(year=1984)
        self.assertEqual(person.next_birthday, tomorrow)
        self.run_rules()
        self.assertEqual(self.reminders(person), [(person.id, "salesman_b")])
        self.assertEqual(self.reminders(contact | late), [(contact.id, "salesman_a")])
        reminder = contact.activity_ids
        self.assertEqual(reminder.summary, "Birthday: Matrix Customer a, Matrix Contact a")
        self.run_rules()
        self.assertEqual(len(self.reminders(person | contact | late)), 2)

    def test_holiday_greetings(self):
        holiday = self.env["crm.holiday"].create(
            {"name": "Company Day", "date": self.today + timedelta(days=3)}
        )
        other = self.env["crm.holiday"].create(
            {"name": "Later Day", "date": self.today + timedelta(days=4)}
        )
        self.run_rules()
        logins = [login for _res_id, login in self.reminders(holiday)]
        for user in (self.salesman_a, self.salesman_b, self.salesman_c, self.leader_1):
            self.assertEqual(logins.count(user.login), 1)
        self.assertEqual(self.reminders(other), [])

    def test_holiday_needs_date(self):
        with self.assertRaisesRegex(ValidationError, "The holiday Founders' Day needs a date."):
            self.env["crm.holiday"].create({"name": "Founders' Day"})
        holiday = self.env.ref("crm_core.crm_holiday_2027_spring_festival")
        with self.assertRaisesRegex(ValidationError, "The holiday Spring Festival needs a date."):
            holiday.date = False

    def test_shipped_holidays(self):
        holidays = self.env["crm.holiday"].search(
            [
                (
                    "id",
                    "in",
                    [
                        self.env.ref(f"crm_core.crm_holiday_{y}_{k}").id
                        for y in (2026, 2027)
                        for k in (
                            "new_year",
                            "spring_festival",
                            "qingming",
                            "labour_day",
                            "dragon_boat",
                            "mid_autumn",
                            "national_day",
                        )
                    ],
                )
            ]
        )
        self.assertEqual(
            [str(h.date) for h in holidays],
            [
                "2026-01-01",
                "2026-02-17",
                "2026-04-05",
                "2026-05-01",
                "2026-06-19",
                "2026-09-25",
                "2026-10-01",
                "2027-01-01",
                "2027-02-06",
                "2027-04-05",
                "2027-05-01",
                "2027-06-09",
                "2027-09-15",
                "2027-10-01",
            ],
        )
