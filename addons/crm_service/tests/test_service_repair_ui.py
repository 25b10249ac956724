from odoo import Command
from odoo.tests import HttpCase, tagged

from .common_parts import CrmServicePartsCommon


@tagged("post_install", "-at_install")
class TestServiceRepairUi(CrmServicePartsCommon, HttpCase):
    """A return-to-factory repair from the request, by an agent who also runs
    the factory's repair orders."""

    def test_return_to_factory(self):
        self.agent_a.group_ids = [Command.link(self.env.ref("stock.group_stock_user").id)]
        ticket = self._new_request(product_id=self.machine.id, lot_id=self.m_in.id)
        url = f"/odoo/action-crm_service.helpdesk_ticket_action/{ticket.id}"
        self.start_tour(url, "crm_service_repair", login="agent_a")
        repair = ticket.factory_repair_ids
        self.assertRecordValues(
            repair, [{"state": "done", "under_warranty": True, "lot_id": self.m_in.id}]
        )
        self.assertEqual(ticket.factory_state, "returned")
        self.assertEqual(repair.service_delivery_id.state, "done")
        self.assertEqual(self._qty(self.customers, self.machine, self.m_in), 1)
