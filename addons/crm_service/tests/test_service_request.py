from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestServiceRequest(CrmServiceCommon):
    """Service requests: types, customer data, the first-contact owner through
    transfers, the transfer log and the owner's notifications."""

    def _transfer(self, ticket, user, team=None, to_user=None, reason="Needs a field visit"):
        wizard = Form(
            self.env["crm.service.transfer.wizard"]
            .with_user(user)
            .with_context(default_ticket_id=ticket.id, default_team_id=ticket.team_id.id)
        )
        if team is not None:
            wizard.team_id = team
        if to_user is not None:
            wizard.user_id = to_user
        wizard.reason = reason
        return wizard.save()

    def test_request_types_are_configurable(self):
        self.assertEqual(
            self.Type.search([]).mapped("code"),
            ["consultation", "complaint", "suggestion", "fault"],
        )
        self.type_fault.active = False
        self.assertEqual(
            self.Type.search([]).mapped("code"), ["consultation", "complaint", "suggestion"]
        )

    def test_request_data(self):
        level = self.env["crm.customer.level"].create({"name": "Gold", "code": "svc_gold"})
        self.customer_a.level_id = level
        product = self.env["product.product"].create({"name": "Printer", "tracking": "serial"})
        serial = self.env["stock.lot"].create({"name": "PR-1", "product_id": product.id})
        phone = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        ticket = self._new_request(channel_id=phone.id, lot_id=serial.id, product_id=product.id)
        self.assertRecordValues(
            ticket,
            [
                {
                    "request_type_id": self.type_fault.id,
                    "channel_id": phone.id,
                    "partner_id": self.contact_a.id,
                    "commercial_partner_id": self.customer_a.id,
                    "customer_level_id": level.id,
                    "product_id": product.id,
                    "lot_id": serial.id,
                    "first_contact_user_id": self.agent_a.id,
                    "priority": "1",
                }
            ],
        )
        # the level follows the customer's
        silver = self.env["crm.customer.level"].create({"name": "Silver", "code": "svc_silver"})
        self.customer_a.level_id = silver
        self.assertEqual(ticket.customer_level_id, silver)
        walk_in = self.env.ref("crm_service.helpdesk_ticket_channel_walk_in")
        self.assertEqual(walk_in.name, "Walk-in")

    def test_portal_request_is_owned_by_its_first_assignee(self):
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.portal_a)
            .sudo()
            .create(
                {
                    "name": "Help",
                    "description": "<p>x</p>",
                    "partner_id": self.portal_a.partner_id.id,
                }
            )
        )
        self.assertFalse(ticket.first_contact_user_id)
        ticket.with_user(self.agent_a).sudo().write(
            {"team_id": self.team_a.id, "user_id": self.agent_a.id}
        )
        self.assertEqual(ticket.first_contact_user_id, self.agent_a)
        ticket.write({"user_id": self.leader_a.id})
        self.assertEqual(ticket.first_contact_user_id, self.agent_a)

    def test_transfers_keep_the_owner_and_tell_them(self):
        ticket = self._new_request(user_id=self.agent_a.id)
        wizard = self._transfer(ticket, self.agent_a, team=self.team_b, to_user=self.agent_b)
        wizard.action_confirm()
        self.assertRecordValues(
            ticket,
            [
                {
                    "team_id": self.team_b.id,
                    "user_id": self.agent_b.id,
                    "first_contact_user_id": self.agent_a.id,
                }
            ],
        )
        # the second step is done by someone else: the owner is told all the same
        wizard = self._transfer(
            ticket, self.agent_b, to_user=self.tech_2, reason="Remote fix first"
        )
        wizard.action_confirm()
        self.assertRecordValues(
            ticket.transfer_ids.sorted("id"),
            [
                {
                    "from_team_id": self.team_a.id,
                    "from_user_id": self.agent_a.id,
                    "to_team_id": self.team_b.id,
                    "to_user_id": self.agent_b.id,
                    "user_id": self.agent_a.id,
                    "reason": "Needs a field visit",
                },
                {
                    "from_team_id": self.team_b.id,
                    "from_user_id": self.agent_b.id,
                    "to_team_id": self.team_b.id,
                    "to_user_id": self.tech_2.id,
                    "user_id": self.agent_b.id,
                    "reason": "Remote fix first",
                },
            ],
        )
        self.assertEqual(ticket.first_contact_user_id, self.agent_a)
        self.assertEqual(ticket.transfer_count, 2)
        self.assertIn(self.agent_a.partner_id, ticket.message_partner_ids)
        notes = ticket.message_ids.filtered(lambda m: self.agent_a.partner_id in m.partner_ids)
        self.assertEqual(len(notes), 2)
        self.assertIn("Passed from Hotline (Agent B) to Hotline (Tech 2)", notes[0].body)
        self.assertIn("Reason: Remote fix first", notes[0].body)
        self.assertIn("Passed from Field Service (Agent A) to Hotline (Agent B)", notes[1].body)
        # the owner gets a notification of the step someone else did (Odoo does not
        # notify the author of their own message)
        notified = self.env["mail.notification"].search(
            [
                ("mail_message_id", "in", notes.ids),
                ("res_partner_id", "=", self.agent_a.partner_id.id),
            ]
        )
        self.assertEqual(notified.mail_message_id, notes[0])

    def test_transfer_bad_input(self):
        ticket = self._new_request(user_id=self.agent_a.id)
        with self.assertRaisesRegex(UserError, "The team Old Team is archived"):
            self.env["crm.service.transfer.wizard"].with_user(self.agent_a).create(
                {"ticket_id": ticket.id, "team_id": self.team_old.id, "reason": "x"}
            ).action_confirm()
        with self.assertRaisesRegex(UserError, "Give the reason of the transfer"):
            self.env["crm.service.transfer.wizard"].with_user(self.agent_a).create(
                {"ticket_id": ticket.id, "team_id": self.team_b.id, "reason": "  "}
            ).action_confirm()
        with self.assertRaisesRegex(UserError, "Agent A is not a member of the team Hotline"):
            self.env["crm.service.transfer.wizard"].with_user(self.agent_a).create(
                {
                    "ticket_id": ticket.id,
                    "team_id": self.team_b.id,
                    "user_id": self.agent_a.id,
                    "reason": "x",
                }
            ).action_confirm()
        with self.assertRaisesRegex(UserError, "Choose another team or another assignee"):
            self.env["crm.service.transfer.wizard"].with_user(self.agent_a).create(
                {
                    "ticket_id": ticket.id,
                    "team_id": self.team_a.id,
                    "user_id": self.agent_a.id,
                    "reason": "x",
                }
            ).action_confirm()
        ticket.stage_id = self.stage_done
        with self.assertRaisesRegex(UserError, "is closed and cannot be transferred"):
            self.env["crm.service.transfer.wizard"].with_user(self.agent_a).create(
                {"ticket_id": ticket.id, "team_id": self.team_b.id, "reason": "x"}
            ).action_confirm()
        # nothing was half-done
        self.assertFalse(ticket.transfer_ids)
        self.assertEqual(ticket.team_id, self.team_a)

    def test_portal_progress(self):
        ticket = self._new_request(user_id=self.agent_a.id)
        self.env["crm.service.transfer.wizard"].with_user(self.agent_a).create(
            {"ticket_id": ticket.id, "team_id": self.team_b.id, "reason": "internal note"}
        ).action_confirm()
        steps = ticket.with_user(self.portal_a)._service_portal_progress()
        self.assertEqual(
            [step["text"] for step in steps],
            [
                "Request registered",
                "Passed from Field Service (Agent A) to Hotline (nobody)",
                "Current stage: New",
            ],
        )
