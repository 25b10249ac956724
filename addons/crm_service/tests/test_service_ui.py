from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command, fields
from odoo.sql_db import BaseCursor
from odoo.tests import HttpCase, new_test_user, tagged

from .common import AGENT, MANAGER, MONDAY, TECHNICIAN, at


@tagged("post_install", "-at_install")
class TestServiceUi(HttpCase):
    """The screens: a request from the portal to its closure with a work order; a
    technician refusing, another accepting; a breached SLA on the leader's
    screen. The clock is frozen on a Monday, the dates asserted are absolute."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.startClassPatcher(freeze_time(MONDAY))
        cls.startClassPatcher(patch.object(BaseCursor, "now", lambda cr: fields.Datetime.now()))
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        user = lambda login, groups, **kw: new_test_user(  # noqa: E731
            cls.env,
            login=login,
            groups=groups,
            name=login.replace("_", " ").title(),
            tz="UTC",
            **kw,
        )
        cls.agent_a = user("agent_a", f"base.group_user,{AGENT}")
        cls.leader_a = user("leader_a", f"base.group_user,{AGENT}")
        cls.tech_1 = user("tech_1", f"base.group_user,{TECHNICIAN}")
        cls.tech_2 = user("tech_2", f"base.group_user,{TECHNICIAN}")
        cls.manager = user("service_manager", f"base.group_user,{MANAGER}")
        cls.customer = cls.env["res.partner"].create({"name": "Tour Acme", "is_company": True})
        cls.buyer = cls.env["res.partner"].create(
            {"name": "Tour Buyer", "parent_id": cls.customer.id, "email": "buyer@example.com"}
        )
        cls.portal = user("tour_service_portal", "base.group_portal", partner_id=cls.buyer.id)
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Tour Service Hours",
                "tz": "UTC",
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"Day {day}",
                            "dayofweek": str(day),
                            "hour_from": 8,
                            "hour_to": 17,
                            "day_period": "morning",
                        }
                    )
                    for day in range(5)
                ],
            }
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Field Service",
                "user_id": cls.leader_a.id,
                "user_ids": [
                    Command.set((cls.agent_a | cls.leader_a | cls.tech_1 | cls.tech_2).ids)
                ],
                "resource_calendar_id": cls.calendar.id,
            }
        )
        cls.env["crm.service.sla"].search([]).active = False
        cls.env["crm.service.sla"].create(
            {"name": "Tour SLA", "reply_hours": 4, "resolve_hours": 16}
        )

    def _order(self, ticket, technicians):
        order = (
            self.env["crm.service.order"]
            .with_user(self.agent_a)
            .create(
                {
                    "ticket_id": ticket.id,
                    "planned_start": "2026-03-03 09:00:00",
                    "planned_end": "2026-03-03 11:00:00",
                    "place": "Tour Acme plant",
                    "technician_line_ids": [Command.create({"user_id": t.id}) for t in technicians],
                }
            )
        )
        order.action_dispatch()
        return order.with_env(self.env)

    def test_portal_request_to_closure(self):
        self.start_tour("/new/ticket", "crm_service_portal_new", login="tour_service_portal")
        ticket = self.env["helpdesk.ticket"].search([("partner_id", "=", self.buyer.id)])
        self.assertRecordValues(
            ticket,
            [
                {
                    "name": "Label printer jams",
                    "channel_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id,
                    "commercial_partner_id": self.customer.id,
                    "first_contact_user_id": False,
                    "team_id": False,
                }
            ],
        )
        self.env["crm.service.transfer.wizard"].with_user(self.agent_a).create(
            {
                "ticket_id": ticket.id,
                "team_id": self.team.id,
                "user_id": self.agent_a.id,
                "reason": "Field visit",
            }
        ).action_confirm()
        self.assertEqual(ticket.first_contact_user_id, self.agent_a)
        order = self._order(ticket, self.tech_1)
        order.with_user(self.tech_1).action_accept()
        order.with_user(self.tech_1).action_start()
        order.with_user(self.tech_1).write(
            {"signature": b"R0lGODlhAQABAAAAACw=", "signed_by": "Tour Buyer"}
        )
        order.with_user(self.tech_1).action_done()
        self.start_tour("/my/tickets", "crm_service_portal_close", login="tour_service_portal")
        self.assertRecordValues(
            ticket,
            [
                {
                    "stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id,
                    "closed": True,
                    "closed_date": fields.Datetime.to_datetime(MONDAY),
                }
            ],
        )

    def test_refuse_then_accept(self):
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent_a)
            .create(
                {
                    "name": "Tour fault",
                    "description": "<p>x</p>",
                    "team_id": self.team.id,
                    "partner_id": self.buyer.id,
                }
            )
        )
        order = self._order(ticket, self.tech_1)
        url = f"/odoo/action-crm_service.crm_service_order_action_mine/{order.id}"
        self.start_tour(url, "crm_service_order_refuse", login="tech_1")
        self.assertRecordValues(order, [{"state": "draft"}])
        self.assertRecordValues(
            order.technician_line_ids,
            [
                {
                    "user_id": self.tech_1.id,
                    "state": "refused",
                    "refuse_reason": "On leave on 03/03/2026",
                }
            ],
        )
        self.assertEqual(
            order.activity_ids.activity_type_id,
            self.env.ref("crm_service.mail_act_order_redispatch"),
        )
        order.with_user(self.agent_a).write(
            {"technician_line_ids": [Command.create({"user_id": self.tech_2.id})]}
        )
        order.with_user(self.agent_a).action_dispatch()
        self.start_tour(url, "crm_service_order_accept", login="tech_2")
        self.assertRecordValues(
            order,
            [
                {
                    "state": "in_progress",
                    "user_id": self.tech_2.id,
                    "actual_start": fields.Datetime.to_datetime(MONDAY),
                }
            ],
        )

    def test_breached_sla_on_the_leaders_screen(self):
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent_a)
            .create(
                {
                    "name": "Tour late",
                    "description": "<p>x</p>",
                    "team_id": self.team.id,
                    "partner_id": self.buyer.id,
                }
            )
        )
        with at("2026-03-02 14:00:00"):
            self.assertEqual(self.env["helpdesk.ticket"]._cron_sla_escalate(), 1)
        self.start_tour(
            f"/odoo/helpdesk.ticket/{ticket.id}", "crm_service_sla_breach", login="leader_a"
        )
        self.assertEqual(ticket.activity_ids.user_id, self.leader_a)

    def test_low_visit_score_opens_a_complaint(self):
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.agent_a)
            .create(
                {
                    "name": "Tour fault",
                    "description": "<p>x</p>",
                    "team_id": self.team.id,
                    "partner_id": self.buyer.id,
                    "request_type_id": self.env.ref("crm_service.request_type_fault").id,
                }
            )
        )
        ticket.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        self.env["helpdesk.ticket"]._cron_schedule_visits()
        visit = ticket.visit_ids
        self.start_tour(
            "/odoo/action-crm_service.crm_service_visit_action",
            "crm_service_visit_complaint",
            login="agent_a",
        )
        self.assertRecordValues(visit, [{"state": "done", "score": 2}])
        self.assertRecordValues(
            visit.complaint_ticket_id,
            [
                {
                    "name": "Complaint: Tour fault (score 2)",
                    "origin_ticket_id": ticket.id,
                    "user_id": self.agent_a.id,
                    "first_contact_user_id": self.agent_a.id,
                    "request_type_id": self.env.ref("crm_service.request_type_complaint").id,
                }
            ],
        )
