from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common_parts import CrmServicePartsCommon


@tagged("post_install", "-at_install")
class TestServiceRepair(CrmServicePartsCommon):
    """Return-to-factory repair of a request's unit: received from the customer
    into the factory-repair location, repaired through a repair order, delivered
    back; each document linked to the request and each step in its chatter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.repairer = new_test_user(
            cls.env, login="repairer", groups="base.group_user,stock.group_stock_user"
        )
        cls.repair_stock = cls.env["stock.location"]._service_repair_location(cls.company)
        cls.ticket_in = cls._new_request(product_id=cls.machine.id, lot_id=cls.m_in.id)

    def _notes(self, ticket):
        return [
            message.body
            for message in ticket.message_ids.sorted("id")
            if message.subtype_id == self.env.ref("mail.mt_note")
        ]

    def _factory(self, ticket):
        return self.env["stock.picking"].search([("service_repair_ticket_id", "=", ticket.id)])

    def test_return_repair_deliver_under_warranty(self):
        ticket = self.ticket_in
        self.assertRecordValues(
            ticket, [{"warranty_state": "in", "factory_state": "none", "factory_repair_count": 0}]
        )
        self.assertRecordValues(
            self.repair_stock,
            [
                {
                    "usage": "internal",
                    "service_repair": True,
                    "location_id": self.warehouse.view_location_id.id,
                    "company_id": self.company.id,
                }
            ],
        )
        ticket.with_user(self.agent_a).action_return_to_factory()
        receipt = self._factory(ticket)
        repair = ticket.factory_repair_ids
        self.assertRecordValues(
            receipt,
            [
                {
                    "state": "done",
                    "picking_type_id": self.warehouse.in_type_id.id,
                    "location_id": self.customers.id,
                    "location_dest_id": self.repair_stock.id,
                    "partner_id": self.contact_a.id,
                    "origin": ticket.number,
                }
            ],
        )
        self.assertEqual(receipt.move_line_ids.lot_id, self.m_in)
        self.assertEqual(self._qty(self.repair_stock, self.machine, self.m_in), 1)
        self.assertEqual(self._qty(self.customers, self.machine, self.m_in), 0)
        self.assertRecordValues(
            repair,
            [
                {
                    "state": "confirmed",
                    "product_id": self.machine.id,
                    "lot_id": self.m_in.id,
                    "product_qty": 1.0,
                    "partner_id": self.contact_a.id,
                    "under_warranty": True,
                    "picking_type_id": self.warehouse.repair_type_id.id,
                    "product_location_src_id": self.repair_stock.id,
                    "product_location_dest_id": self.repair_stock.id,
                    "picking_id": receipt.id,
                    "service_receipt_id": receipt.id,
                    "service_delivery_id": False,
                    "service_ticket_id": ticket.id,
                }
            ],
        )
        self.assertRecordValues(
            ticket,
            [
                {
                    "factory_state": "at_factory",
                    "factory_repair_count": 1,
                    "factory_picking_count": 1,
                }
            ],
        )
        # the factory works on its repair order
        repair.with_user(self.repairer).action_repair_start()
        self.assertEqual(repair.state, "under_repair")
        self.assertEqual(ticket.factory_state, "under_repair")
        repair.with_user(self.repairer).action_repair_end()
        self.assertEqual(repair.state, "done")
        self.assertEqual(ticket.factory_state, "repaired")
        self.assertEqual(self._qty(self.repair_stock, self.machine, self.m_in), 1)

        ticket.with_user(self.agent_a).action_deliver_from_factory()
        delivery = repair.service_delivery_id
        self.assertRecordValues(
            delivery,
            [
                {
                    "state": "done",
                    "picking_type_id": self.warehouse.out_type_id.id,
                    "location_id": self.repair_stock.id,
                    "location_dest_id": self.customers.id,
                    "partner_id": self.contact_a.id,
                    "service_repair_ticket_id": ticket.id,
                }
            ],
        )
        self.assertEqual(delivery.move_line_ids.lot_id, self.m_in)
        self.assertEqual(self._qty(self.repair_stock, self.machine, self.m_in), 0)
        self.assertEqual(self._qty(self.customers, self.machine, self.m_in), 1)
        self.assertEqual(self._factory(ticket), receipt | delivery)
        self.assertRecordValues(ticket, [{"factory_state": "returned", "factory_picking_count": 2}])
        # the unit brought back does not restart its warranty
        self.assertEqual(str(ticket.warranty_delivery_date), "2025-06-10")
        self.assertEqual(
            self._notes(ticket),
            [
                f"<p>M-IN received into WH/Factory Repair ({receipt.name}); repair order "
                f"{repair.name} opened, under warranty: yes.</p>",
                f"<p>Repair {repair.name} started.</p>",
                f"<p>Repair {repair.name} finished: the unit is repaired.</p>",
                f"<p>M-IN delivered back to Acme Ltd, Alice Acme ({delivery.name}).</p>",
            ],
        )
        # back at the customer's, it may be returned again
        ticket.with_user(self.agent_a).action_return_to_factory()
        self.assertEqual(ticket.factory_repair_count, 2)
        self.assertEqual(ticket.factory_state, "at_factory")

    def test_out_of_warranty_cancelled_repair_goes_back(self):
        ticket = self.ticket
        self.assertEqual(ticket.warranty_state, "out")
        ticket.with_user(self.agent_a).action_return_to_factory()
        repair = ticket.factory_repair_ids
        self.assertRecordValues(repair, [{"under_warranty": False, "lot_id": self.m_out.id}])
        self.assertTrue(self._notes(ticket)[-1].endswith("under warranty: no.</p>"))
        repair.with_user(self.repairer).action_repair_cancel()
        self.assertEqual(ticket.factory_state, "cancelled")
        self.assertEqual(self._notes(ticket)[-1], f"<p>Repair {repair.name} cancelled.</p>")
        # the unit goes back unrepaired
        ticket.with_user(self.agent_a).action_deliver_from_factory()
        self.assertEqual(ticket.factory_state, "returned")
        self.assertEqual(self._qty(self.customers, self.machine, self.m_out), 1)

    def test_bad_input_moves_nothing(self):
        ticket = self._new_request()
        agent = ticket.with_user(self.agent_a)
        with self.assertRaisesRegex(
            UserError,
            f"Give the product of {ticket.number} - Printer jams before returning it",
        ):
            agent.action_return_to_factory()
        ticket.product_id = self.machine
        with self.assertRaisesRegex(
            UserError, "Give the serial number of the Label Printer before returning it"
        ):
            agent.action_return_to_factory()
        ticket.lot_id = self.r1
        with self.assertRaisesRegex(
            UserError, "R1 is a serial of Feed Roller, not of Label Printer."
        ):
            agent.action_return_to_factory()
        ticket.lot_id = self.m_new
        with self.assertRaisesRegex(
            UserError, "M-NEW is not at a customer's: it cannot be received from them."
        ):
            agent.action_return_to_factory()
        ticket.write({"lot_id": self.m_in.id, "partner_id": False})
        with self.assertRaisesRegex(UserError, f"Give the customer of {ticket.number}"):
            agent.action_return_to_factory()
        ticket.write({"partner_id": self.contact_a.id, "stage_id": self.stage_done.id})
        with self.assertRaisesRegex(UserError, "is closed: it cannot be returned to the factory."):
            agent.action_return_to_factory()
        with self.assertRaisesRegex(UserError, "has no unit at the factory."):
            agent.action_deliver_from_factory()
        self.assertFalse(self._factory(ticket))
        self.assertFalse(ticket.factory_repair_ids)
        self.assertEqual(self._qty(self.customers, self.machine, self.m_in), 1)

        self.ticket_in.with_user(self.agent_a).action_return_to_factory()
        repair = self.ticket_in.factory_repair_ids
        with self.assertRaisesRegex(
            UserError, f"M-IN is already at the factory \\({repair.name}\\)."
        ):
            self.ticket_in.with_user(self.agent_a).action_return_to_factory()
        with self.assertRaisesRegex(
            UserError, f"{repair.name} is not finished: end or cancel the repair"
        ):
            self.ticket_in.with_user(self.agent_a).action_deliver_from_factory()
        self.assertEqual(len(self._factory(self.ticket_in)), 1)
        self.assertEqual(len(self.ticket_in.factory_repair_ids), 1)

    def test_agent_reads_the_repair_on_the_request(self):
        """An agent who is no warehouse user sees the repair and its transfers
        on the request."""
        self.ticket_in.with_user(self.agent_a).action_return_to_factory()
        ticket = self.ticket_in.with_user(self.agent_a)
        ticket.invalidate_recordset()
        repair = ticket.factory_repair_ids
        self.assertEqual(repair.state, "confirmed")
        self.assertEqual(repair.service_receipt_id.state, "done")
        self.assertEqual(ticket.factory_picking_count, 1)
