from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .telemarketing_common import TelemarketingCommon


@tagged("post_install", "-at_install")
class TestTelemarketingCall(TelemarketingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entries = cls.generate()
        cls.now = fields.Datetime.now()

    def test_next_number_opens_the_call_screen(self):
        action = self.call_list.with_user(self.salesman_a).action_next_number()
        self.assertEqual(action["res_model"], "crm.call.list.entry")
        self.assertEqual(action["res_id"], self.entries["a"].id)
        self.assertEqual(
            action["views"],
            [(self.env.ref("crm_core.crm_call_list_entry_view_form_call").id, "form")],
        )
        # salesman_b's first number is b's; salesman_c calls nothing on this list
        Entry = self.env["crm.call.list.entry"]
        self.assertEqual(
            Entry.with_user(self.salesman_b).action_next_number_all()["res_id"],
            self.entries["b"].id,
        )
        action = Entry.with_user(self.salesman_c).action_next_number_all()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["message"], "No number left to call.")

    def test_log_reached_call_creates_the_phonecall(self):
        entry = self.entries["a"]
        action = self.log_call(
            entry, self.salesman_a, outcome="reached", duration=4.5, note="Asked for the brochure"
        )
        call = entry.phonecall_ids
        self.assertRecordValues(
            call,
            [
                {
                    "partner_id": self.customers["a"].id,
                    "partner_phone": "+86 21 1000 0001",
                    "user_id": self.salesman_a.id,
                    "direction": "out",
                    "state": "done",
                    "duration": 4.5,
                    "call_outcome": "reached",
                    "call_list_id": self.call_list.id,
                    "campaign_id": self.campaign.id,
                    "company_id": self.env.company.id,
                    "opportunity_id": False,
                    "description": "Asked for the brochure",
                    "date": self.now,
                    "name": "Spring Follow-up: Matrix Customer a",
                }
            ],
        )
        self.assertRecordValues(
            entry,
            [
                {
                    "state": "called",
                    "outcome": "reached",
                    "last_call_date": self.now,
                    "call_count": 1,
                }
            ],
        )
        # on to the next number: c's, the other one salesman_a calls
        self.assertEqual(action["res_id"], self.entries["c"].id)

    def test_interested_converts_through_crm_phonecall(self):
        entry = self.entries["b"]
        action = self.log_call(entry, self.salesman_b, outcome="interested", duration=12)
        call = entry.phonecall_ids
        opportunity = call.opportunity_id
        self.assertRecordValues(
            opportunity,
            [
                {
                    "type": "opportunity",
                    "partner_id": self.customers["b"].id,
                    "phone": "+86 21 1000 0002",
                    "campaign_id": self.campaign.id,
                    "user_id": self.salesman_b.id,
                    "name": "Spring Follow-up: Matrix Customer b",
                }
            ],
        )
        self.assertRecordValues(call, [{"state": "done", "call_outcome": "interested"}])
        self.assertRecordValues(
            entry, [{"state": "done", "outcome": "interested", "lead_id": opportunity.id}]
        )
        self.assertEqual((action["res_model"], action["res_id"]), ("crm.lead", opportunity.id))

    def test_interested_on_a_lead_entry_links_its_lead(self):
        entry = self.entries["a"]
        entry.lead_id = self.leads["a"]
        self.log_call(entry, self.salesman_a, outcome="interested")
        self.assertEqual(entry.phonecall_ids.opportunity_id, self.leads["a"])
        self.assertEqual(
            self.env["crm.lead"].search_count([("partner_id", "=", self.customers["a"].id)]), 1
        )

    def test_final_outcomes_finish_the_entry(self):
        self.log_call(self.entries["a"], self.salesman_a, outcome="wrong_number")
        self.log_call(self.entries["c"], self.salesman_a, outcome="not_interested")
        self.log_call(self.entries["b"], self.salesman_b, outcome="busy")
        self.assertEqual([self.entries[k].state for k in "acb"], ["done", "done", "called"])
        action = self.call_list.with_user(self.salesman_a).action_next_number()
        self.assertEqual(action["tag"], "display_notification")

    def test_callback_schedules_a_phone_call_activity(self):
        entry = self.entries["a"]
        callback = datetime(*self.now.timetuple()[:3], 15, 30) + timedelta(days=2)
        self.log_call(
            entry, self.salesman_a, outcome="no_answer", callback=True, callback_date=callback
        )
        self.assertRecordValues(
            entry, [{"state": "callback", "outcome": "no_answer", "callback_date": callback}]
        )
        activity = entry.activity_ids
        self.assertRecordValues(
            activity,
            [
                {
                    "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
                    "date_deadline": callback.date(),
                    "user_id": self.salesman_a.id,
                    "summary": "Call back Matrix Customer a at 15:30",
                }
            ],
        )
        # not due yet: the next number is c's; once due, the callback comes first
        Entry = self.env["crm.call.list.entry"].with_user(self.salesman_a)
        self.assertEqual(Entry.action_next_number_all()["res_id"], self.entries["c"].id)
        with freeze_time(callback):
            self.assertEqual(Entry.action_next_number_all()["res_id"], entry.id)
            self.log_call(entry, self.salesman_a, outcome="reached", duration=3)
        self.assertRecordValues(
            entry, [{"state": "called", "callback_date": False, "call_count": 2}]
        )
        self.assertFalse(activity.active, "the callback is done")
        self.assertFalse(entry.activity_ids)

    def test_skip(self):
        action = self.entries["a"].with_user(self.salesman_a).action_skip()
        self.assertRecordValues(self.entries["a"], [{"state": "skipped", "skip_reason": "manual"}])
        self.assertEqual(action["res_id"], self.entries["c"].id)

    def test_bad_inputs_are_refused(self):
        entry = self.entries["a"]
        cases = [
            ({"outcome": "reached", "callback": True}, "Give the date and time of the callback"),
            (
                {
                    "outcome": "busy",
                    "callback": True,
                    "callback_date": self.now - timedelta(hours=1),
                },
                "The callback must be in the future",
            ),
            ({"outcome": "reached", "duration": -1}, "The duration of a call cannot be negative"),
        ]
        for values, message in cases:
            with self.subTest(message=message):
                wizard = (
                    self.env["crm.call.log"]
                    .with_user(self.salesman_a)
                    .create({"entry_id": entry.id, **values})
                )
                with self.assertRaisesRegex(UserError, message):
                    wizard.action_log()
        wizard = self.env["crm.call.log"].create(
            {
                "entry_id": entry.id,
                "outcome": "not_interested",
                "callback": True,
                "callback_date": self.now + timedelta(days=1),
            }
        )
        with self.assertRaisesRegex(
            UserError, "No callback can follow a call whose outcome is Not Interested"
        ):
            wizard.action_log()
        self.assertFalse(entry.phonecall_ids)
        self.assertFalse(entry.activity_ids)
        self.assertEqual(entry.state, "to_call")

    def test_no_call_on_done_or_skipped_entry(self):
        self.log_call(self.entries["a"], self.salesman_a, outcome="not_interested")
        with self.assertRaisesRegex(UserError, "Matrix Customer a is done: no more calls"):
            self.log_call(self.entries["a"], self.salesman_a, outcome="reached")
        with self.assertRaisesRegex(UserError, "Matrix Customer pool is skipped: no more calls"):
            self.entries["pool"].action_log_call()
        with self.assertRaisesRegex(UserError, "Matrix Customer a is done: no more calls"):
            self.entries["a"].action_skip()
        self.assertEqual(len(self.entries["a"].phonecall_ids), 1)

    def test_meeting_from_the_last_call(self):
        entry = self.entries["a"].with_user(self.salesman_a)
        with self.assertRaisesRegex(
            UserError, "Log a call with Matrix Customer a before scheduling a meeting"
        ):
            entry.action_schedule_meeting()
        self.log_call(self.entries["a"], self.salesman_a, outcome="reached")
        action = entry.action_schedule_meeting()
        self.assertEqual(action["res_model"], "calendar.event")
        self.assertEqual(action["context"]["default_phonecall_id"], entry.phonecall_ids.id)
        self.assertEqual(action["context"]["default_name"], "Spring Follow-up: Matrix Customer a")
