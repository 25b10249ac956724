from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestServiceAccess(CrmServiceCommon):
    """Who sees which requests and work orders: technicians their own, agents
    their teams', managers all in their companies, portal users their commercial
    partner's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.req_a = cls._new_request(user_id=cls.agent_a.id)
        cls.req_a_tech = cls._new_request(user_id=cls.tech_1.id)
        cls.req_b = cls._new_request(
            user=cls.agent_b, team=cls.team_b, partner=cls.customer_b, user_id=False
        )
        cls.other_company = cls.env["res.company"].create({"name": "Other Service Co"})
        cls.team_other = cls.env["helpdesk.ticket.team"].create(
            {"name": "Other Team", "company_id": cls.other_company.id}
        )
        cls.req_other = cls.env["helpdesk.ticket"].create(
            {
                "name": "Elsewhere",
                "description": "<p>x</p>",
                "team_id": cls.team_other.id,
                "company_id": cls.other_company.id,
                "partner_id": cls.customer_a.id,
            }
        )
        cls.order_a1 = cls._new_order(cls.req_a, cls.tech_1)
        cls.order_a2 = cls._new_order(cls.req_a_tech, cls.tech_2)
        cls.order_b = (
            cls.env["crm.service.order"]
            .with_user(cls.agent_b)
            .create(
                {
                    "ticket_id": cls.req_b.id,
                    "planned_start": "2026-03-04 09:00:00",
                    "technician_line_ids": [Command.create({"user_id": cls.tech_2.id})],
                }
            )
        )
        cls.order_other = cls.env["crm.service.order"].create(
            {"ticket_id": cls.req_other.id, "company_id": cls.other_company.id}
        )
        (cls.order_a1 | cls.order_a2 | cls.order_b).with_user(cls.manager).action_dispatch()
        cls.manager.write({"company_ids": [Command.link(cls.other_company.id)]})

    def seen(self, model, user, records, companies=None):
        everything = (
            self.req_a | self.req_a_tech | self.req_b | self.req_other
            if model == "helpdesk.ticket"
            else self.order_a1 | self.order_a2 | self.order_b | self.order_other
        )
        env = self.env(user=user)
        if companies:
            env = env(context=dict(env.context, allowed_company_ids=companies.ids))
        found = env[model].search([("id", "in", everything.ids)])
        self.assertEqual(found.with_env(self.env), records, f"{model} seen by {user.login}")

    def test_requests_per_role(self):
        main = self.env.company
        self.seen("helpdesk.ticket", self.agent_a, self.req_a | self.req_a_tech)
        self.seen("helpdesk.ticket", self.agent_b, self.req_b)
        self.seen("helpdesk.ticket", self.tech_1, self.req_a_tech)
        # tech 2 is in the hotline team, whose request has no assignee
        self.seen("helpdesk.ticket", self.tech_2, self.req_b)
        self.seen("helpdesk.ticket", self.manager, self.req_a | self.req_a_tech | self.req_b, main)
        self.seen(
            "helpdesk.ticket",
            self.manager,
            self.req_a | self.req_a_tech | self.req_b | self.req_other,
            companies=self.env.company | self.other_company,
        )
        self.seen("helpdesk.ticket", self.portal_a, self.req_a | self.req_a_tech)
        self.seen("helpdesk.ticket", self.portal_b, self.req_b)

    def test_orders_per_role(self):
        self.seen("crm.service.order", self.tech_1, self.order_a1)
        self.seen("crm.service.order", self.tech_2, self.order_a2 | self.order_b)
        self.seen("crm.service.order", self.agent_a, self.order_a1 | self.order_a2)
        self.seen("crm.service.order", self.agent_b, self.order_b)
        main = self.env.company
        self.seen(
            "crm.service.order", self.manager, self.order_a1 | self.order_a2 | self.order_b, main
        )
        self.seen(
            "crm.service.order",
            self.manager,
            self.order_a1 | self.order_a2 | self.order_b | self.order_other,
            main | self.other_company,
        )
        self.seen("crm.service.order", self.portal_a, self.order_a1 | self.order_a2)
        self.seen("crm.service.order", self.portal_b, self.order_b)
        # a draft order (still in the dispatch queue) is not shown to the customer
        draft = self._new_order(self.req_a, self.tech_1)
        self.assertFalse(
            self.env["crm.service.order"].with_user(self.portal_a).search([("id", "=", draft.id)])
        )

    def test_plain_employee_sees_only_what_helpdesk_gives(self):
        employee = new_test_user(self.env, login="employee", groups="base.group_user")
        self.assertFalse(self.env["crm.service.order"].with_user(employee).has_access("read"))
        self.req_a.message_subscribe(partner_ids=employee.partner_id.ids)
        self.seen("helpdesk.ticket", employee, self.req_a)
