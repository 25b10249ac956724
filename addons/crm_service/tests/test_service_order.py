from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import CrmServiceCommon, at


@tagged("post_install", "-at_install")
class TestServiceOrder(CrmServiceCommon):
    """Work orders: dispatch to technicians, accept, refuse with a reason (back
    to the dispatch queue, the dispatcher told), start once accepted, checklist,
    signature, done; the errors of each bad step."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls._new_request(user_id=cls.agent_a.id)

    def _refuse(self, order, user, reason):
        action = order.with_user(user).action_open_refuse_wizard()
        wizard = Form(self.env[action["res_model"]].with_user(user).with_context(action["context"]))
        wizard.reason = reason
        wizard.save().action_confirm()

    def test_dispatch_refuse_accept_start_done(self):
        order = self._new_order(self.ticket, self.tech_1)
        self.assertRecordValues(
            order,
            [
                {
                    "state": "draft",
                    "dispatcher_id": self.agent_a.id,
                    "company_id": self.ticket.company_id.id,
                    "commercial_partner_id": self.customer_a.id,
                    "team_id": self.team_a.id,
                    "user_id": self.tech_1.id,
                }
            ],
        )
        self.assertTrue(order.name.startswith("WO/2026/"))
        self.assertEqual(self.ticket.service_order_count, 1)
        order.with_user(self.agent_a).action_dispatch()
        self.assertEqual(order.state, "dispatched")
        answer = self.env.ref("crm_service.mail_act_order_answer")
        self.assertRecordValues(
            order.activity_ids,
            [
                {
                    "activity_type_id": answer.id,
                    "user_id": self.tech_1.id,
                    "date_deadline": fields.Date.to_date("2026-03-03"),
                }
            ],
        )
        self.assertTrue(order.with_user(self.tech_1).can_be_answered)
        self.assertFalse(order.with_user(self.tech_2).can_be_answered)
        # tech 1 refuses: back in the queue, the dispatcher has something to do
        self._refuse(order, self.tech_1, "On leave that day")
        self.assertRecordValues(order, [{"state": "draft", "user_id": False}])
        self.assertRecordValues(
            order.technician_line_ids,
            [{"user_id": self.tech_1.id, "state": "refused", "refuse_reason": "On leave that day"}],
        )
        redispatch = self.env.ref("crm_service.mail_act_order_redispatch")
        self.assertRecordValues(
            order.activity_ids, [{"activity_type_id": redispatch.id, "user_id": self.agent_a.id}]
        )
        self.assertIn("Tech 1 refused: On leave that day", order.activity_ids.note)
        # dispatched again to tech 2, who accepts
        order.with_user(self.agent_a).write(
            {"technician_line_ids": [fields.Command.create({"user_id": self.tech_2.id})]}
        )
        order.with_user(self.agent_a).action_dispatch()
        order.with_user(self.tech_2).action_accept()
        self.assertRecordValues(order, [{"state": "accepted", "user_id": self.tech_2.id}])
        self.assertEqual(order.technician_line_ids.mapped("state"), ["refused", "accepted"])
        self.assertNotIn(answer, order.activity_ids.activity_type_id)
        order.with_user(self.tech_2).write(
            {"check_ids": [fields.Command.create({"name": "Feeder replaced"})]}
        )
        with at("2026-03-03 09:05:00"):
            order.with_user(self.tech_2).action_start()
        self.assertRecordValues(
            order,
            [
                {
                    "state": "in_progress",
                    "actual_start": fields.Datetime.to_datetime("2026-03-03 09:05:00"),
                }
            ],
        )
        with self.assertRaisesRegex(UserError, "Tick the checklist of .*: Feeder replaced"):
            order.with_user(self.tech_2).action_done()
        order.check_ids.with_user(self.tech_2).done = True
        with self.assertRaisesRegex(UserError, "needs the customer's signature"):
            order.with_user(self.tech_2).action_done()
        order.with_user(self.tech_2).write(
            {"signature": b"R0lGODlhAQABAAAAACw=", "signed_by": "Alice Acme"}
        )
        with at("2026-03-03 10:40:00"):
            order.with_user(self.tech_2).action_done()
        self.assertRecordValues(
            order,
            [{"state": "done", "actual_end": fields.Datetime.to_datetime("2026-03-03 10:40:00")}],
        )

    def test_bad_steps(self):
        order = self._new_order(self.ticket, self.tech_1 | self.tech_2)
        with self.assertRaisesRegex(
            UserError, "can only be started once a technician has accepted it"
        ):
            order.with_user(self.tech_1).action_start()
        no_tech = self._new_order(self.ticket, self.env["res.users"])
        with self.assertRaisesRegex(UserError, "Add a technician to .* before dispatching it"):
            no_tech.with_user(self.agent_a).action_dispatch()
        order.with_user(self.agent_a).action_dispatch()
        with self.assertRaisesRegex(
            UserError, "can only be started once a technician has accepted it"
        ):
            order.with_user(self.tech_1).action_start()
        with self.assertRaisesRegex(UserError, "is not waiting for your answer"):
            order.with_user(self.agent_a).action_accept()
        with self.assertRaisesRegex(UserError, "Give the reason of the refusal"):
            order.with_user(self.tech_1)._refuse("   ")
        self.assertEqual(order.technician_line_ids.mapped("state"), ["dispatched", "dispatched"])
        # one of two refuses: the order still waits for the other
        order.with_user(self.tech_1)._refuse("Too far")
        self.assertEqual(order.state, "dispatched")
        order.with_user(self.agent_a).action_cancel()
        for method in ("action_accept", "action_start", "action_done", "action_dispatch"):
            with self.assertRaisesRegex(UserError, f"{order.name} is cancelled"):
                getattr(order.with_user(self.tech_2), method)()
        with self.assertRaisesRegex(UserError, f"{order.name} is cancelled"):
            order.with_user(self.tech_2)._refuse("late")

    def test_actions_and_deletion(self):
        action = self.ticket.with_user(self.agent_a).action_new_service_order()
        self.assertEqual(
            (action["res_model"], action["views"], action["context"]),
            ("crm.service.order", [(False, "form")], {"default_ticket_id": self.ticket.id}),
        )
        order = self._new_order(self.ticket, self.tech_1)
        listed = self.ticket.with_user(self.agent_a).action_view_service_orders()
        self.assertEqual(listed["domain"], [("ticket_id", "=", self.ticket.id)])
        self.assertEqual(self.env["crm.service.order"].search(listed["domain"]), order)
        order.with_user(self.agent_a).action_dispatch()
        # put back in the queue by the dispatcher, then dispatched again
        order.with_user(self.agent_a).action_reset_draft()
        self.assertEqual(order.state, "draft")
        order.with_user(self.agent_a).action_dispatch()
        order.with_user(self.tech_1).action_accept()
        order.with_user(self.tech_1).action_start()
        with self.assertRaisesRegex(UserError, "is started or done and cannot be deleted"):
            order.with_user(self.manager).unlink()
        # cancelling drops the answers still awaited
        other = self._new_order(self.ticket, self.tech_2)
        other.with_user(self.agent_a).action_dispatch()
        self.assertTrue(other.activity_ids)
        other.with_user(self.agent_a).action_cancel()
        self.assertRecordValues(other, [{"state": "cancel", "activity_ids": []}])
        with self.assertRaisesRegex(UserError, f"{other.name} is cancelled"):
            other.with_user(self.agent_a).action_cancel()
        other.with_user(self.manager).unlink()
        self.assertFalse(other.exists())
