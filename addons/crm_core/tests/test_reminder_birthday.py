from datetime import date, timedelta

from odoo.tests import tagged

from odoo.addons.crm_core.models.reminder.res_partner import next_birthday

from .reminder_common import CrmReminderCommon


@tagged("post_install", "-at_install")
class TestReminderBirthday(CrmReminderCommon):
    def test_next_birthday_leap_days(self):
        feb29 = date(1992, 2, 29)
        self.assertEqual(next_birthday(feb29, date(2026, 3, 1)), date(2027, 2, 28))
        self.assertEqual(next_birthday(feb29, date(2027, 2, 28)), date(2027, 2, 28))
        self.assertEqual(next_birthday(feb29, date(2027, 3, 1)), date(2028, 2, 29))
        self.assertEqual(next_birthday(feb29, date(2028, 2, 29)), date(2028, 2, 29))
        self.assertEqual(next_birthday(date(1990, 12, 31), date(2026, 12, 31)), date(2026, 12, 31))
        self.assertEqual(next_birthday(date(1990, 1, 1), date(2026, 12, 31)), date(2027, 1, 1))
        self.assertEqual(next_birthday(date(1990, 4, 30), date(2027, 5, 1)), date(2028, 4, 30))
        self.assertEqual(next_birthday(False, date(2027, 5, 1)), False)

    def test_compute_on_write(self):
        partner = self.contacts["a"]
        self.assertEqual(partner.next_birthday, False)
        partner.birthday = self.today.replace(year=1984)
        self.assertEqual(partner.next_birthday, self.today)
        partner.birthday = False
        self.assertEqual(partner.next_birthday, False)

    def test_roll_forward_in_sql(self):
        """Each passed next_birthday moves to the one the Python rule gives, in one
        statement, on whatever day the test runs (month end, year end, 29 February)."""
        yesterday = self.today - timedelta(days=1)
        birthdays = [
            date(1992, 2, 29),
            date(1990, 2, 28),
            date(1990, 3, 1),
            date(1990, 12, 31),
            date(1990, 1, 1),
            self.today.replace(year=1988),
            yesterday.replace(year=1988),
            (self.today + timedelta(days=1)).replace(year=1988),
        ]
        partners = self.env["res.partner"].create(
            [{"name": f"Born {b}", "birthday": b} for b in birthdays]
        )
        kept = partners[5] | partners[7]  # today's and tomorrow's stay
        self.env.flush_all()
        # as if last computed a year ago: every date is in the past but today's
        self.env.cr.execute(
            "UPDATE res_partner SET next_birthday = %s WHERE id IN %s",
            (self.today - timedelta(days=400), tuple((partners - kept).ids)),
        )
        self.env["res.partner"].invalidate_model(["next_birthday"])
        with self.assertQueryCount(1):
            self.env["res.partner"]._cron_roll_next_birthday(today=self.today)
        self.assertEqual(
            partners.mapped("next_birthday"), [next_birthday(b, self.today) for b in birthdays]
        )
        self.assertEqual(partners[6].next_birthday, next_birthday(yesterday, self.today))
        self.assertGreater(partners[6].next_birthday, self.today)
        self.assertEqual(partners[5].next_birthday, self.today)

    def test_fires_once_a_year(self):
        """The birthday rule fires on the day before; after the birthday the
        roll-forward puts the person a year on, out of the rule's window."""
        tomorrow = self.today + timedelta(days=1)
        person = self.env["res.partner"].create(
            {
                "name": "Yearly",
                "user_id": self.salesman_a.id,
                "birthday": tomorrow.replace(year=1980),
            }
        )
        self.run_rules()
        self.assertEqual(self.reminders(person), [(person.id, "salesman_a")])
        after = tomorrow + timedelta(days=1)
        self.env["res.partner"]._cron_roll_next_birthday(today=after)
        self.assertEqual(person.next_birthday, next_birthday(person.birthday, after))
        self.assertGreater(person.next_birthday, after + timedelta(days=300))
        self.run_rules()
        self.assertEqual(self.reminders(person), [(person.id, "salesman_a")])
