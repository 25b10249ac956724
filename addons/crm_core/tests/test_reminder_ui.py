from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.sql_db import BaseCursor
from odoo.tests import HttpCase, new_test_user, tagged

from .common import SALESMAN


def frozen(moment):
    """Python's clock and the database's transaction clock, both at moment."""
    return freeze_time(moment), patch.object(BaseCursor, "now", lambda cr: fields.Datetime.now())


@tagged("post_install", "-at_install")
class TestReminderUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.owner = new_test_user(
            cls.env, login="tour_reminder_owner", groups=SALESMAN, name="Tour Owner", tz="UTC"
        )

    def test_birthday_reminder_tour(self):
        clock, db_clock = frozen("2026-06-10 06:00:00")
        with clock, db_clock:
            person = self.env["res.partner"].create(
                {
                    "name": "Tour Birthday Person",
                    "user_id": self.owner.id,
                    "customer_rank": 1,
                    "birthday": "1980-06-11",
                }
            )
            rule = self.env.ref("crm_core.crm_reminder_rule_customer_birthday")
            rule.last_run = datetime(2026, 6, 9, 6, 0)
            self.env["base.automation"]._crm_reminder_run()
        self.assertEqual(str(person.next_birthday), "2026-06-11")
        self.assertEqual(person.activity_ids.user_id, self.owner)
        self.start_tour(
            f"/odoo/res.partner/{person.id}", "crm_core_reminder_birthday", login=self.owner.login
        )

    def test_free_reminder_tour(self):
        self.start_tour(
            "/odoo/action-crm_core.crm_reminder_action",
            "crm_core_reminder_free",
            login=self.owner.login,
        )
        reminder = self.env["crm.reminder"].search([("user_id", "=", self.owner.id)])
        self.assertRecordValues(
            reminder,
            [
                {
                    "name": "Call Mr. Wang about the offer",
                    "remind_at": datetime(2030, 6, 20, 9, 0),
                    "state": "pending",
                }
            ],
        )
        clock, db_clock = frozen("2030-06-20 09:05:00")
        with clock, db_clock:
            self.env["crm.reminder"]._cron_send_due()
        self.assertEqual(reminder.state, "sent")
        self.assertEqual(reminder.activity_ids.summary, "Reminder: Call Mr. Wang about the offer")
