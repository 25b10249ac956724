from odoo.tests import HttpCase, tagged

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestServicePlanUi(CrmServiceCommon, HttpCase):
    """The agent's service plans: a birthday care call made a work order."""

    def test_plan_to_work_order(self):
        Partner = self.env["res.partner"]
        Partner.search([("birthday", "!=", False)]).birthday = False
        Partner.create(
            {"name": "Bob Bolt", "parent_id": self.customer_b.id, "birthday": "1990-03-05"}
        )
        template = self.env["crm.service.plan.template"].create(
            {
                "name": "Birthday Care",
                "kind": "birthday",
                "team_id": self.team_b.id,
                "content": "Call with our wishes",
            }
        )
        plan = template._create_due_plans()
        self.assertEqual(plan.user_id, self.agent_b)
        self.start_tour(
            "/odoo/action-crm_service.crm_service_plan_action", "crm_service_plan", login="agent_b"
        )
        self.assertEqual(plan.state, "done")
        self.assertRecordValues(
            plan.service_order_id, [{"state": "draft", "content": "Call with our wishes"}]
        )
        self.assertEqual(plan.service_order_id.ticket_id.partner_id.name, "Bob Bolt")
