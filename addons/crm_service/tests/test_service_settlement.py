from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import at
from .common_parts import CrmServicePartsCommon


@tagged("post_install", "-at_install")
class TestServiceWarranty(CrmServicePartsCommon):
    """The warranty from the serial's last delivery to the customer and the
    product's warranty months, on the request and its work orders."""

    def test_warranty_states(self):
        in_warranty = self._new_request(product_id=self.machine.id, lot_id=self.m_in.id)
        never = self._new_request(product_id=self.machine.id, lot_id=self.m_new.id)
        no_lot = self._new_request(product_id=self.machine.id)
        other = self._new_request(
            partner=self.customer_b, product_id=self.machine.id, lot_id=self.m_in.id
        )
        tickets = in_warranty | self.ticket | never | no_lot | other
        self.assertRecordValues(
            tickets,
            [
                {
                    "warranty_state": "in",
                    "warranty_delivery_date": fields.Date.to_date("2025-06-10"),
                    "warranty_end_date": fields.Date.to_date("2026-06-10"),
                },
                {
                    "warranty_state": "out",
                    "warranty_delivery_date": fields.Date.to_date("2024-12-01"),
                    "warranty_end_date": fields.Date.to_date("2025-12-01"),
                },
                {
                    "warranty_state": "unknown",
                    "warranty_delivery_date": False,
                    "warranty_end_date": False,
                },
                {
                    "warranty_state": "unknown",
                    "warranty_delivery_date": False,
                    "warranty_end_date": False,
                },
                # delivered to Acme, not to Bolt
                {
                    "warranty_state": "unknown",
                    "warranty_delivery_date": False,
                    "warranty_end_date": False,
                },
            ],
        )
        self.assertRecordValues(
            self.order.with_user(self.tech_1),
            [{"warranty_state": "out", "warranty_end_date": fields.Date.to_date("2025-12-01")}],
        )
        # the last day of the warranty, then the day after
        with at("2026-06-10 23:00:00"):
            in_warranty.invalidate_recordset(["warranty_state"])
            self.assertEqual(in_warranty.warranty_state, "in")
        with at("2026-06-11 01:00:00"):
            in_warranty.invalidate_recordset(["warranty_state"])
            self.assertEqual(in_warranty.warranty_state, "out")
        # no warranty on the product: out of warranty from the delivery on
        self.machine.service_warranty_months = 0
        in_warranty.invalidate_recordset(["warranty_state"])
        self.assertEqual(in_warranty.warranty_state, "out")


@tagged("post_install", "-at_install")
class TestServiceSettlement(CrmServicePartsCommon):
    """Settlements of the parts consumed and the hours worked, priced from Acme's
    pricelist (10 % off): out of warranty a confirmed sale order and its draft
    invoice; under warranty zero-priced lines that say until when."""

    def _work(self, order, until="2026-03-02 11:30:00"):
        """Tech 1 fits R1 (old roller S-OLD-1) and two belts, then finishes at
        `until` (started at 9:00)."""
        self._requisition(
            self.tech_1,
            {"product_id": self.belt.id, "quantity": 2},
            {"product_id": self.roller.id, "lot_id": self.r1.id},
        )
        self._moves(
            self.tech_1,
            {
                "move_type": "consumption",
                "order_id": order.id,
                "product_id": self.roller.id,
                "lot_id": self.r1.id,
                "old_lot_name": "S-OLD-1",
            },
            {
                "move_type": "consumption",
                "order_id": order.id,
                "product_id": self.belt.id,
                "quantity": 2,
                "return_old": False,
            },
        ).action_validate()
        order.write({"service_mode": "remote"})
        with at(until):
            order.with_user(self.tech_1).action_done()

    def _settle(self, order):
        action = order.with_user(self.tech_1).action_new_settlement()
        return self.env["crm.service.settlement"].browse(action["res_id"])

    def test_out_of_warranty_to_invoice(self):
        self._work(self.order)
        settlement = self._settle(self.order)
        self.assertRecordValues(
            settlement,
            [
                {
                    "state": "draft",
                    "partner_id": self.customer_a.id,
                    "user_id": self.tech_1.id,
                    "pricelist_id": self.pricelist.id,
                    "warranty_state": "out",
                    "amount_total": 183.6,
                }
            ],
        )
        self.assertTrue(settlement.name.startswith("SET/2026/"))
        self.assertRecordValues(
            settlement.line_ids,
            [
                {
                    "kind": "part",
                    "product_id": self.roller.id,
                    "name": "Feed Roller",
                    "quantity": 1,
                    "covered": False,
                    "price_unit": 27.0,
                    "price_subtotal": 27.0,
                },
                {
                    "kind": "part",
                    "product_id": self.belt.id,
                    "name": "Drive Belt",
                    "quantity": 2,
                    "covered": False,
                    "price_unit": 10.8,
                    "price_subtotal": 21.6,
                },
                {
                    "kind": "labour",
                    "product_id": self.labour.id,
                    "name": "Service Labour",
                    "quantity": 2.5,
                    "covered": False,
                    "price_unit": 54.0,
                    "price_subtotal": 135.0,
                },
            ],
        )
        settlement.with_user(self.tech_1).action_invoice()
        sale = settlement.sale_order_id
        self.assertRecordValues(
            sale,
            [
                {
                    "state": "sale",
                    "partner_id": self.contact_a.id,
                    "pricelist_id": self.pricelist.id,
                    "origin": settlement.name,
                    "amount_total": 183.6,
                    "user_id": self.tech_1.id,
                }
            ],
        )
        self.assertEqual(sale.order_line.mapped("price_unit"), [27.0, 10.8, 54.0])
        # the consumed parts' moves are the deliveries: no second one
        consumed = self.order.part_move_ids.filtered(lambda m: m.move_type == "consumption")
        self.assertEqual(sale.picking_ids, consumed.stock_move_id.picking_id)
        self.assertEqual(len(sale.picking_ids), 1)
        self.assertEqual(sale.order_line.mapped("qty_delivered"), [1.0, 2.0, 0.0])
        invoice = settlement.invoice_ids
        self.assertRecordValues(
            invoice,
            [
                {
                    "state": "draft",
                    "move_type": "out_invoice",
                    "amount_total": 183.6,
                    "partner_id": self.contact_a.id,
                }
            ],
        )
        self.assertEqual(
            invoice.invoice_line_ids.mapped(
                lambda line: (line.name, line.quantity, line.price_unit)
            ),
            [("Feed Roller", 1.0, 27.0), ("Drive Belt", 2.0, 10.8), ("Service Labour", 2.5, 54.0)],
        )
        self.assertEqual(settlement.state, "invoiced")
        self.assertEqual(self.order.settlement_count, 1)
        with self.assertRaisesRegex(UserError, r"SET/\S+ is not a draft settlement\."):
            settlement.action_invoice()
        # the parts are settled once
        again = self._settle(self.order)
        self.assertFalse(again.line_ids)
        with self.assertRaisesRegex(
            UserError, r"Nothing to settle on SET/\S+: add the parts or the labour\."
        ):
            again.with_user(self.tech_1).action_invoice()
        self.assertFalse(again.sale_order_id)

    def test_under_warranty(self):
        ticket = self._new_request(
            user_id=self.agent_a.id, product_id=self.machine.id, lot_id=self.m_in.id
        )
        order = self._started_order(ticket)
        self._work(order, until="2026-03-02 10:00:00")
        settlement = self._settle(order)
        reason = "(Under warranty until 2026-06-10)"
        self.assertRecordValues(
            settlement.line_ids,
            [
                {
                    "name": f"Feed Roller {reason}",
                    "covered": True,
                    "list_price": 27.0,
                    "price_unit": 0.0,
                    "price_subtotal": 0.0,
                },
                {
                    "name": f"Drive Belt {reason}",
                    "covered": True,
                    "list_price": 10.8,
                    "price_unit": 0.0,
                    "price_subtotal": 0.0,
                },
                {
                    "name": f"Service Labour {reason}",
                    "covered": True,
                    "list_price": 54.0,
                    "price_unit": 0.0,
                    "price_subtotal": 0.0,
                },
            ],
        )
        self.assertEqual(settlement.amount_total, 0.0)
        with self.assertRaisesRegex(
            UserError, r"Nothing to charge on SET/\S+: every line is covered\."
        ):
            settlement.with_user(self.tech_1).action_invoice()
        self.assertFalse(settlement.sale_order_id)
        # the labour is not covered (a misuse): charged, the parts at zero
        settlement.line_ids[2].with_user(self.tech_1).covered = False
        with self.assertRaisesRegex(UserError, r"SET/\S+ has 54.0 to charge: invoice it\."):
            settlement.with_user(self.tech_1).action_close_covered()
        settlement.with_user(self.tech_1).action_invoice()
        self.assertEqual(
            settlement.sale_order_id.order_line.mapped(
                lambda line: (line.name, line.price_unit, line.price_subtotal)
            ),
            [
                (f"Feed Roller {reason}", 0.0, 0.0),
                (f"Drive Belt {reason}", 0.0, 0.0),
                ("Service Labour", 54.0, 54.0),
            ],
        )
        self.assertEqual(settlement.invoice_ids.amount_total, 54.0)

    def test_covered_and_refusals(self):
        ticket = self._new_request(
            user_id=self.agent_a.id, product_id=self.machine.id, lot_id=self.m_in.id
        )
        order = self._started_order(ticket)
        with self.assertRaisesRegex(UserError, r"Settle WO/\S+ once it is done\."):
            order.with_user(self.tech_1).action_new_settlement()
        self._work(order)
        settlement = self._settle(order)
        settlement.with_user(self.tech_1).action_close_covered()
        self.assertRecordValues(settlement, [{"state": "covered", "sale_order_id": False}])
        with self.assertRaisesRegex(UserError, "A closed settlement cannot be deleted."):
            settlement.unlink()

    def test_access(self):
        self._work(self.order)
        mine = self._settle(self.order)
        ticket_b = self._new_request(
            user=self.agent_b, team=self.team_b, product_id=self.machine.id
        )
        order_b = self._started_order(ticket_b, self.tech_2)
        order_b.write({"service_mode": "remote"})
        order_b.with_user(self.tech_2).action_done()
        theirs = self.env["crm.service.settlement"].browse(
            order_b.with_user(self.tech_2).action_new_settlement()["res_id"]
        )
        both = mine | theirs
        Settlement = self.env["crm.service.settlement"]
        for user, expected in (
            (self.tech_1, mine),
            (self.tech_2, theirs),
            (self.agent_a, mine),
            (self.agent_b, theirs),
            (self.manager, both),
        ):
            self.assertEqual(
                Settlement.with_user(user).search([("id", "in", both.ids)]), expected, user.login
            )
        self.assertEqual(
            self.env["crm.service.settlement.line"]
            .with_user(self.tech_2)
            .search([("settlement_id", "in", both.ids)]),
            theirs.line_ids,
        )
