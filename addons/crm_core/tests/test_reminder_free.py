from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged, users

from odoo.addons.mail.tests.common import MailCase
from odoo.addons.sms.tests.common import SMSCase

from .reminder_common import CrmReminderCommon


@tagged("post_install", "-at_install")
class TestReminderFree(CrmReminderCommon):
    @users("salesman_a")
    def test_define_and_deliver_once(self):
        Reminder = self.env["crm.reminder"]
        lead = self.leads["a"].with_env(self.env)
        later = Reminder.create({"name": "Call the buyer", "delay": 2, "delay_unit": "hours"})
        due = Reminder.create(
            {
                "name": "Send the catalogue",
                "res_ref": f"crm.lead,{lead.id}",
                "remind_at": self.now - timedelta(minutes=1),
            }
        )
        alone = Reminder.create({"name": "Book the hotel", "delay": 1, "delay_unit": "days"})
        self.assertEqual(later.remind_at, self.now + timedelta(hours=2))
        self.assertEqual(alone.remind_at, self.now + timedelta(days=1))
        self.assertEqual(Reminder.search([]), later | due | alone)
        Reminder.sudo()._cron_send_due()
        self.assertRecordValues(
            later | due,
            [{"state": "pending", "sent_at": False}, {"state": "sent", "sent_at": self.now}],
        )
        self.assertEqual(self.reminders(lead), [(lead.id, "salesman_a")])
        activity = lead.activity_ids
        self.assertEqual(activity.summary, "Reminder: Send the catalogue")
        Reminder.sudo()._cron_send_due()
        self.assertEqual(self.reminders(lead), [(lead.id, "salesman_a")])
        # no record: the activity goes on the reminder itself
        alone.sudo().remind_at = self.now
        Reminder.sudo()._cron_send_due()
        self.assertEqual(self.reminders(alone), [(alone.id, "salesman_a")])

    @users("salesman_a")
    def test_bad_input(self):
        Reminder = self.env["crm.reminder"]
        with self.assertRaisesRegex(ValidationError, "Give the reminder Ping a date or a delay."):
            Reminder.create({"name": "Ping"})
        with self.assertRaisesRegex(ValidationError, "The delay of a reminder cannot be negative."):
            Reminder.create({"name": "Ping", "delay": -1})
        reminder = Reminder.create({"name": "Ping", "delay": 3})
        reminder.action_cancel()
        with self.assertRaisesRegex(UserError, "Only pending reminders can be cancelled."):
            reminder.action_cancel()
        reminder.sudo().remind_at = self.now
        Reminder.sudo()._cron_send_due()
        self.assertEqual(reminder.state, "cancel")
        reminder.action_reset()
        self.assertEqual(reminder.state, "pending")

    def test_own_reminders_only(self):
        mine = self.env["crm.reminder"].with_user(self.salesman_a).create({"name": "A", "delay": 1})
        theirs = (
            self.env["crm.reminder"].with_user(self.salesman_b).create({"name": "B", "delay": 1})
        )
        self.assertEqual(self.env["crm.reminder"].with_user(self.salesman_a).search([]), mine)
        self.assertEqual(self.env["crm.reminder"].with_user(self.manager).search([]), mine.browse())
        self.assertEqual(
            self.env["crm.reminder"].search([("id", "in", (mine | theirs).ids)]), mine | theirs
        )


@tagged("post_install", "-at_install")
class TestReminderChannels(CrmReminderCommon, MailCase, SMSCase):
    def test_user_channels(self):
        self.salesman_a.partner_id.write({"email": "a@example.com", "phone": "+32456001122"})
        self.salesman_b.partner_id.email = "b@example.com"
        # each user chooses in their preferences
        self.salesman_a.with_user(self.salesman_a).write(
            {"crm_reminder_email": True, "crm_reminder_sms": True, "crm_reminder_desktop": True}
        )
        Reminder = self.env["crm.reminder"]
        a = Reminder.with_user(self.salesman_a).create({"name": "Quote Zhang", "delay": 1})
        b = Reminder.with_user(self.salesman_b).create({"name": "Quote Li", "delay": 1})
        Reminder.browse((a | b).ids).remind_at = self.now
        with self.mockSMSGateway(), self.mock_bus():
            Reminder._cron_send_due()
        self.assertSMSOutgoing(
            self.salesman_a.partner_id, "+32456001122", content="Reminder: Quote Zhang: Quote Zhang"
        )
        self.assertEqual(len(self._new_sms), 1)
        mails = self.env["mail.mail"].search(
            [("subject", "in", ["Reminder: Quote Zhang", "Reminder: Quote Li"])]
        )
        self.assertRecordValues(
            mails,
            [{"subject": "Reminder: Quote Zhang", "email_to": '"Salesman A" <a@example.com>'}],
        )
        # Odoo adds its own notifications (the activity counter); ours is among them
        notifications = self.assertBusNotifications(
            [(self.cr.dbname, "res.partner", self.salesman_a.partner_id.id)] * 3,
            check_unique=False,
            message_items=[
                {
                    "type": "simple_notification",
                    "payload": {
                        "type": "info",
                        "title": "Reminder: Quote Zhang",
                        "message": "Quote Zhang",
                        "sticky": True,
                    },
                }
            ],
        )
        self.assertEqual(len([n for n in notifications if '"simple_notification"' in n.message]), 1)
        self.assertEqual(self.reminders(a), [(a.id, "salesman_a")])
        self.assertEqual(self.reminders(b), [(b.id, "salesman_b")])
