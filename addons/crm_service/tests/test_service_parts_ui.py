from odoo.tests import HttpCase, tagged

from .common_parts import CrmServicePartsCommon


@tagged("post_install", "-at_install")
class TestServicePartsUi(CrmServicePartsCommon, HttpCase):
    """The parts tab of a work order, as its technician uses it, then the
    settlement of the out-of-warranty part to its invoice."""

    def test_requisition_consumption_return(self):
        self._requisition(self.tech_1, {"product_id": self.roller.id, "lot_id": self.r1.id})
        self._moves(
            self.tech_1,
            {
                "move_type": "requisition",
                "order_id": self.order.id,
                "product_id": self.belt.id,
                "quantity": 3,
            },
            {
                "move_type": "return",
                "order_id": self.order.id,
                "product_id": self.belt.id,
                "quantity": 2,
            },
        )
        self.order.service_mode = "remote"  # no signature to draw
        url = f"/odoo/action-crm_service.crm_service_order_action_mine/{self.order.id}"
        self.start_tour(url, "crm_service_parts", login="tech_1")
        self.assertEqual(self._qty(self.tech_1_stock, self.belt), 1)
        self.assertEqual(self._qty(self.wh_stock, self.belt), 9)
        self.assertEqual(self._qty(self.tech_1_stock, self.roller, self.r1), 0)
        consumed = self.order.part_move_ids.filtered(lambda m: m.move_type == "consumption")
        self.assertRecordValues(
            consumed,
            [
                {
                    "state": "done",
                    "lot_id": self.r1.id,
                    "technician_id": self.tech_1.id,
                    "quantity": 1,
                }
            ],
        )
        self.assertEqual(consumed.old_lot_id.name, "S-OLD-9")
        self.assertEqual(self._qty(self.defective, self.roller, consumed.old_lot_id), 1)
        self.assertEqual(consumed.stock_move_id.location_dest_id, self.customers)
        settlement = self.order.settlement_ids
        self.assertRecordValues(
            settlement, [{"state": "invoiced", "warranty_state": "out", "amount_total": 27.0}]
        )
        self.assertRecordValues(settlement.sale_order_id, [{"state": "sale", "amount_total": 27.0}])
        self.assertRecordValues(settlement.invoice_ids, [{"state": "draft", "amount_total": 27.0}])
