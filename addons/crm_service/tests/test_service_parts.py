from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_parts import CrmServicePartsCommon


@tagged("post_install", "-at_install")
class TestServicePartMove(CrmServicePartsCommon):
    """Requisition into the technician's own location, consumption on a work
    order (the new part to the customer, the old one into the defective parts),
    return of what is left: the quantities in each location after each step."""

    def test_requisition_consumption_return(self):
        self.assertRecordValues(
            self.tech_1_stock,
            [
                {
                    "usage": "internal",
                    "location_id": self.warehouse.view_location_id.id,
                    "service_technician_id": self.tech_1.id,
                    "company_id": self.company.id,
                }
            ],
        )
        # the same location the next time
        self.assertEqual(
            self.env["stock.location"]._service_technician_location(self.tech_1, self.company),
            self.tech_1_stock,
        )
        req = self._requisition(
            self.tech_1,
            {"product_id": self.belt.id, "quantity": 4},
            {"product_id": self.roller.id, "lot_id": self.r1.id},
            {"product_id": self.roller.id, "lot_id": self.r2.id},
        )
        self.assertEqual(req.mapped("state"), ["done"] * 3)
        self.assertEqual(len(req.picking_ids), 1)
        self.assertRecordValues(
            req.picking_ids,
            [
                {
                    "state": "done",
                    "location_id": self.wh_stock.id,
                    "location_dest_id": self.tech_1_stock.id,
                    "picking_type_id": self.warehouse.int_type_id.id,
                }
            ],
        )
        self.assertEqual(self._qty(self.wh_stock, self.belt), 6)
        self.assertEqual(self._qty(self.tech_1_stock, self.belt), 4)
        self.assertEqual(self._qty(self.wh_stock, self.roller, self.r1), 0)
        self.assertEqual(self._qty(self.tech_1_stock, self.roller, self.r1), 1)
        self.assertEqual(self._qty(self.tech_1_stock, self.roller, self.r2), 1)
        self.assertEqual(self._qty(self.wh_stock, self.roller, self.r3), 1)
        self.assertEqual(
            sorted(
                self.order.technician_quant_ids.mapped(
                    lambda q: (q.product_id.name, q.lot_id.name or "", q.quantity)
                )
            ),
            [("Drive Belt", "", 4.0), ("Feed Roller", "R1", 1.0), ("Feed Roller", "R2", 1.0)],
        )

        # consumption: R1 fitted, the old roller S-OLD-7 taken off; a belt without
        # taking the old one back
        used = self._moves(
            self.tech_1,
            {
                "move_type": "consumption",
                "order_id": self.order.id,
                "product_id": self.roller.id,
                "lot_id": self.r1.id,
                "old_lot_name": "S-OLD-7",
            },
            {
                "move_type": "consumption",
                "order_id": self.order.id,
                "product_id": self.belt.id,
                "quantity": 1,
                "return_old": False,
            },
        )
        used.action_validate()
        self.assertEqual(self._qty(self.tech_1_stock, self.roller, self.r1), 0)
        self.assertEqual(self._qty(self.tech_1_stock, self.belt), 3)
        old = used[0].old_lot_id
        self.assertRecordValues(old, [{"name": "S-OLD-7", "product_id": self.roller.id}])
        self.assertEqual(self._qty(self.defective, self.roller, old), 1)
        self.assertFalse(used[1].old_lot_id)
        self.assertRecordValues(
            used.stock_move_id,
            [
                {
                    "state": "done",
                    "location_id": self.tech_1_stock.id,
                    "location_dest_id": self.customers.id,
                    "product_id": self.roller.id,
                    "quantity": 1.0,
                },
                {
                    "state": "done",
                    "location_id": self.tech_1_stock.id,
                    "location_dest_id": self.customers.id,
                    "product_id": self.belt.id,
                    "quantity": 1.0,
                },
            ],
        )
        self.assertEqual(used[0].stock_move_id.move_line_ids.lot_id, self.r1)
        self.assertEqual(used[0].stock_move_id.picking_id.partner_id, self.contact_a)
        self.assertEqual(len(used.picking_ids), 2)  # the delivery, the defective receipt
        self.assertEqual(self.defective.location_id, self.warehouse.view_location_id)

        # what is left goes back
        back = self._moves(
            self.tech_1,
            {"move_type": "return", "product_id": self.roller.id, "lot_id": self.r2.id},
            {"move_type": "return", "product_id": self.belt.id, "quantity": 3},
        )
        back.action_validate()
        self.assertEqual(self._qty(self.tech_1_stock, self.roller, self.r2), 0)
        self.assertEqual(self._qty(self.tech_1_stock, self.belt), 0)
        self.assertEqual(self._qty(self.wh_stock, self.roller, self.r2), 1)
        self.assertEqual(self._qty(self.wh_stock, self.belt), 9)
        self.order.invalidate_recordset(["technician_quant_ids"])
        self.assertFalse(self.order.technician_quant_ids)

    def _assert_refused(self, moves, message):
        pickings = self.env["stock.picking"].search_count([])
        quants = self.env["stock.quant"].search([]).mapped(lambda q: (q.id, q.quantity))
        with self.assertRaisesRegex(UserError, message):
            moves.action_validate()
        self.assertEqual(moves.mapped("state"), ["draft"] * len(moves))
        self.assertEqual(self.env["stock.picking"].search_count([]), pickings)
        self.assertEqual(
            self.env["stock.quant"].search([]).mapped(lambda q: (q.id, q.quantity)), quants
        )

    def test_refusals_move_nothing(self):
        self._requisition(
            self.tech_1,
            {"product_id": self.belt.id, "quantity": 4},
            {"product_id": self.roller.id, "lot_id": self.r1.id},
        )
        consume = {"move_type": "consumption", "order_id": self.order.id}
        self._assert_refused(
            self._moves(
                self.tech_1, {"move_type": "requisition", "product_id": self.belt.id, "quantity": 7}
            ),
            r"WH/Stock holds 6 Units of Drive Belt, not 7\.",
        )
        self._assert_refused(
            self._moves(
                self.tech_1,
                {**consume, "product_id": self.belt.id, "quantity": 5, "return_old": False},
            ),
            r"Tech 1 holds 4 Units of Drive Belt, not 5\.",
        )
        # counted over the lines validated together: the first is refused too
        self._assert_refused(
            self._moves(
                self.tech_1,
                {**consume, "product_id": self.belt.id, "quantity": 2, "return_old": False},
                {**consume, "product_id": self.belt.id, "quantity": 3, "return_old": False},
            ),
            r"Tech 1 holds 4 Units of Drive Belt, not 5\.",
        )
        self._assert_refused(
            self._moves(
                self.tech_1, {"move_type": "return", "product_id": self.belt.id, "quantity": 5}
            ),
            r"Tech 1 holds 4 Units of Drive Belt, not 5\.",
        )
        self._assert_refused(
            self._moves(
                self.tech_1,
                {
                    **consume,
                    "product_id": self.roller.id,
                    "lot_id": self.r3.id,
                    "old_lot_name": "X",
                },
            ),
            r"R3 is not in the stock of Tech 1\.",
        )
        self._assert_refused(
            self._moves(
                self.tech_1,
                {"move_type": "return", "product_id": self.roller.id, "lot_id": self.r2.id},
            ),
            r"R2 is not in the stock of Tech 1\.",
        )
        self._assert_refused(
            self._moves(self.tech_1, {**consume, "product_id": self.roller.id}),
            r"Give the serial or lot of Feed Roller\.",
        )
        self._assert_refused(
            self._moves(
                self.tech_1, {**consume, "product_id": self.roller.id, "lot_id": self.r1.id}
            ),
            r"Give the serial of the Feed Roller taken off\.",
        )
        self._assert_refused(
            self._moves(self.tech_1, {"move_type": "consumption", "product_id": self.belt.id}),
            r"A consumption needs its work order\.",
        )
        # tech 2 is not on the order
        self.env["stock.quant"]._update_available_quantity(
            self.belt,
            self.env["stock.location"]._service_technician_location(self.tech_2, self.company),
            2,
        )
        self._assert_refused(
            self._moves(self.tech_2, {**consume, "product_id": self.belt.id, "return_old": False}),
            r"Tech 2 has not accepted WO/",
        )
        # a not-started order, then a cancelled one
        waiting = self._new_order(self.ticket, self.tech_1)
        self._assert_refused(
            self._moves(
                self.tech_1,
                {
                    **consume,
                    "order_id": waiting.id,
                    "product_id": self.belt.id,
                    "return_old": False,
                },
            ),
            r"Parts are consumed on a work order in progress; WO/\S+ is not\.",
        )
        self.order.with_user(self.agent_a).action_cancel()
        self._assert_refused(
            self._moves(self.tech_1, {**consume, "product_id": self.belt.id, "return_old": False}),
            r"WO/\S+ is cancelled: no part can be consumed on it\.",
        )
        done = self._moves(
            self.tech_1, {"move_type": "return", "product_id": self.belt.id, "quantity": 4}
        )
        done.action_validate()
        with self.assertRaisesRegex(UserError, "Only draft part moves can be validated."):
            done.action_validate()
        with self.assertRaisesRegex(UserError, "A validated part move cannot be deleted."):
            done.with_user(self.manager).unlink()

    def test_access(self):
        mine = self._requisition(self.tech_1, {"product_id": self.belt.id, "quantity": 1})
        on_order = self._moves(
            self.tech_1,
            {"move_type": "requisition", "order_id": self.order.id, "product_id": self.belt.id},
        )
        theirs = self._requisition(self.tech_2, {"product_id": self.belt.id, "quantity": 2})
        Move = self.env["crm.service.part.move"]
        everything = Move.search([("id", "in", (mine | on_order | theirs).ids)])
        self.assertEqual(
            Move.with_user(self.tech_1).search([("id", "in", everything.ids)]), mine | on_order
        )
        self.assertEqual(Move.with_user(self.tech_2).search([("id", "in", everything.ids)]), theirs)
        self.assertEqual(
            Move.with_user(self.agent_a).search([("id", "in", everything.ids)]), on_order
        )
        self.assertFalse(Move.with_user(self.agent_b).search([("id", "in", everything.ids)]))
        self.assertEqual(
            Move.with_user(self.manager).search([("id", "in", everything.ids)]), everything
        )
        other = self.env["res.company"].create({"name": "Other Service Co"})
        foreign = Move.create(
            {"technician_id": self.tech_1.id, "product_id": self.belt.id, "company_id": other.id}
        )
        self.assertNotIn(foreign, Move.with_user(self.manager).search([]))
        self.assertNotIn(foreign, Move.with_user(self.tech_1).search([]))
        self.manager.write({"company_ids": [(4, other.id)]})
        self.assertIn(
            foreign,
            Move.with_user(self.manager)
            .with_context(allowed_company_ids=[self.company.id, other.id])
            .search([]),
        )
