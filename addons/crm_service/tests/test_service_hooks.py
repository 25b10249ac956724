from odoo.tests import new_test_user, tagged

from .common import CrmServiceCommon


@tagged("post_install", "-at_install")
class TestServiceHooks(CrmServiceCommon):
    """crm_core's customer 360 timeline shows the service requests; its work
    handover moves the open ones to the new assignee."""

    def test_timeline_shows_the_requests(self):
        ticket = self._new_request(user_id=self.agent_a.id)
        other = self._new_request(partner=self.customer_b)
        salesman = new_test_user(
            self.env,
            login="sales_service",
            groups="sales_team.group_sale_salesman_all_leads,crm_service.group_crm_service_manager",
        )
        items = [
            item
            for item in self.customer_a.with_user(salesman).get_crm_timeline(limit=200)
            if item["kind"] == "service_request"
        ]
        self.assertEqual(
            [
                (item["model"], item["res_id"], item["title"], item["author"], item["kind_label"])
                for item in items
            ],
            [("helpdesk.ticket", ticket.id, "Printer jams", "Agent A", "Service Request")],
        )
        self.assertEqual(items[0]["body_preview"], "It jams on every page.")
        self.assertNotIn(other.id, [item["res_id"] for item in items])

    def test_handover_moves_open_requests(self):
        open_one = self._new_request(user_id=self.agent_a.id)
        closed = self._new_request(user_id=self.agent_a.id)
        closed.stage_id = self.stage_done
        theirs = self._new_request(user_id=self.leader_a.id)
        salesman = self.env.ref("sales_team.group_sale_salesman")
        (self.agent_a | self.leader_a).write({"group_ids": [(4, salesman.id)]})
        manager = new_test_user(self.env, login="crm_boss", groups="sales_team.group_sale_manager")
        handover = (
            self.env["crm.handover"]
            .with_user(manager)
            .create({"from_user_id": self.agent_a.id, "to_user_id": self.leader_a.id})
        )
        line = handover.line_ids.filtered(lambda line: line.type_key == "service_request")
        self.assertRecordValues(line, [{"name": "Service Requests", "count": 1}])
        handover.action_confirm()
        self.assertEqual(
            (open_one | closed | theirs).mapped("user_id"),
            self.leader_a | self.agent_a | self.leader_a,
        )
        self.assertEqual(open_one.user_id, self.leader_a)
        self.assertEqual(closed.user_id, self.agent_a)
        # the first contact stays the owner
        self.assertEqual(open_one.first_contact_user_id, self.agent_a)
