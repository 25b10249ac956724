from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.sql_db import BaseCursor
from odoo.tests import HttpCase, new_test_user, tagged

from .common import MANAGER, SALESMAN

# The tours read absolute dates: the calls happen on 17 June 2025. The server's clock
# is frozen, the browser's is not; a past year keeps the dates whole.
TODAY = date(2025, 6, 17)


@tagged("post_install", "-at_install")
class TestTelemarketingUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.startClassPatcher(freeze_time(f"{TODAY} 10:00:00"))
        cls.startClassPatcher(patch.object(BaseCursor, "now", lambda cr: fields.Datetime.now()))
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.caller = new_test_user(
            cls.env, login="tour_tm_caller", groups=SALESMAN, name="Tour Caller", tz="UTC"
        )
        cls.manager = new_test_user(
            cls.env, login="tour_tm_manager", groups=MANAGER, name="Tour TM Manager", tz="UTC"
        )
        vals = {"is_company": True, "customer_rank": 1, "user_id": cls.caller.id}
        cls.customers = cls.env["res.partner"].create(
            [
                {**vals, "name": "Tourco Alpha", "phone": "+86 21 5550 0001"},
                {**vals, "name": "Tourco Beta", "phone": "+86 21 5550 0002"},
                {**vals, "name": "Tourco Gamma", "phone": "+86 21 5550 0003"},
            ]
        )
        cls.call_list = cls.env["crm.call.list"].create(
            {
                "name": "Tourco Spring",
                "user_ids": [(6, 0, cls.caller.ids)],
                "partner_domain": f"[('id', 'in', {cls.customers.ids})]",
                "script": "<p>Hello, this is the spring call of Tourco.</p>",
            }
        )
        cls.call_list.action_generate()
        cls.entries = cls.call_list.entry_ids.sorted("id")

    def test_call_with_callback_tour(self):
        self.start_tour("/odoo", "crm_core_telemarketing_call", login="tour_tm_caller")
        entry = self.entries[0]
        callback = datetime(2025, 6, 19, 15, 30)
        self.assertRecordValues(
            entry, [{"state": "callback", "outcome": "no_answer", "callback_date": callback}]
        )
        self.assertRecordValues(
            entry.phonecall_ids,
            [
                {
                    "user_id": self.caller.id,
                    "duration": 2.5,
                    "call_outcome": "no_answer",
                    "direction": "out",
                    "state": "done",
                    "partner_id": self.customers[0].id,
                }
            ],
        )
        self.assertRecordValues(
            entry.activity_ids,
            [
                {
                    "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
                    "date_deadline": callback.date(),
                    "user_id": self.caller.id,
                }
            ],
        )
        self.assertEqual(self.entries[1:].mapped("state"), ["to_call", "to_call"])

    def test_call_statistics_tour(self):
        for entry, outcome, duration in zip(
            self.entries, ("reached", "busy", "interested"), (6, 1, 5), strict=True
        ):
            entry.with_user(self.caller)._log_call(outcome, duration, False, False)
        self.start_tour("/odoo", "crm_core_telemarketing_stats", login="tour_tm_manager")
