from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command, fields
from odoo.sql_db import BaseCursor
from odoo.tests import TransactionCase, new_test_user

# A Monday: the tests count working hours from here, the same on every day of
# the year. The database's clock follows (create_date, write_date).
MONDAY = "2026-03-02 09:00:00"
AGENT = "crm_service.group_crm_service_agent"
TECHNICIAN = "crm_service.group_crm_service_technician"
MANAGER = "crm_service.group_crm_service_manager"


def at(moment):
    """Moves the frozen clock (of Python and of the database) within a test."""
    return freeze_time(moment)


class FrozenMondayMixin:
    @classmethod
    def setUpClass(cls):
        # after the case's own set-up, whose clean-ups check that no patch
        # outlives the class
        super().setUpClass()
        cls.startClassPatcher(freeze_time(MONDAY))
        cls.startClassPatcher(patch.object(BaseCursor, "now", lambda cr: fields.Datetime.now()))


class CrmServiceCommon(FrozenMondayMixin, TransactionCase):
    """Two service teams on one working calendar (Monday to Friday, 8:00 to 17:00
    UTC) and an archived one; agents, a team leader, technicians, a manager; two
    customers with a portal contact each; a general SLA policy."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        user = lambda login, groups, **kw: new_test_user(  # noqa: E731
            cls.env, login=login, groups=groups, name=login.replace("_", " ").title(), **kw
        )
        cls.agent_a = user("agent_a", f"base.group_user,{AGENT}")
        cls.leader_a = user("leader_a", f"base.group_user,{AGENT}", email="leader_a@example.com")
        cls.agent_b = user("agent_b", f"base.group_user,{AGENT}")
        cls.tech_1 = user("tech_1", f"base.group_user,{TECHNICIAN}")
        cls.tech_2 = user("tech_2", f"base.group_user,{TECHNICIAN}")
        cls.manager = user("service_manager", f"base.group_user,{MANAGER}")
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Service Hours",
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
        Team = cls.env["helpdesk.ticket.team"]
        cls.team_a = Team.create(
            {
                "name": "Field Service",
                "user_id": cls.leader_a.id,
                "user_ids": [Command.set((cls.agent_a | cls.leader_a | cls.tech_1).ids)],
                "resource_calendar_id": cls.calendar.id,
            }
        )
        cls.team_b = Team.create(
            {
                "name": "Hotline",
                "user_ids": [Command.set((cls.agent_b | cls.tech_2).ids)],
                "resource_calendar_id": cls.calendar.id,
            }
        )
        cls.team_old = Team.create({"name": "Old Team", "active": False})
        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create({"name": "Acme Ltd", "is_company": True})
        cls.customer_b = Partner.create({"name": "Bolt Inc", "is_company": True})
        cls.contact_a = Partner.create({"name": "Alice Acme", "parent_id": cls.customer_a.id})
        cls.portal_a = user("portal_a", "base.group_portal")
        cls.portal_a.partner_id.parent_id = cls.customer_a
        cls.portal_b = user("portal_b", "base.group_portal")
        cls.portal_b.partner_id.parent_id = cls.customer_b
        Type = cls.env["crm.service.request.type"]
        cls.type_fault = cls.env.ref("crm_service.request_type_fault")
        cls.type_consultation = cls.env.ref("crm_service.request_type_consultation")
        # policies of other tests' data would interfere
        cls.env["crm.service.sla"].search([]).active = False
        cls.sla_general = cls.env["crm.service.sla"].create(
            {"name": "General", "reply_hours": 4, "resolve_hours": 16}
        )
        cls.Type = Type
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_progress = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        cls.stage_awaiting = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    @classmethod
    def _new_request(cls, user=None, team=None, partner=None, **values):
        user = user or cls.agent_a
        vals = {
            "name": "Printer jams",
            "description": "<p>It jams on every page.</p>",
            "team_id": (team or cls.team_a).id,
            "partner_id": (partner or cls.contact_a).id,
            "request_type_id": cls.type_fault.id,
            **values,
        }
        return cls.env["helpdesk.ticket"].with_user(user).create(vals).with_env(cls.env)

    @classmethod
    def _new_order(cls, ticket, technicians, **values):
        vals = {
            "ticket_id": ticket.id,
            "planned_start": "2026-03-03 09:00:00",
            "planned_end": "2026-03-03 11:00:00",
            "place": "Acme plant, gate 2",
            "content": "Replace the feeder",
            "technician_line_ids": [Command.create({"user_id": t.id}) for t in technicians],
            **values,
        }
        return cls.env["crm.service.order"].with_user(cls.agent_a).create(vals).with_env(cls.env)
