from datetime import datetime

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import SALESMAN


@tagged("post_install", "-at_install")
class TestQuoteUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.salesman = new_test_user(
            cls.env, login="tour_quote_salesman", groups=SALESMAN, name="Tour Quote Salesman"
        )
        customer = cls.env["res.partner"].create(
            {"name": "Versioned Customer", "is_company": True, "user_id": cls.salesman.id}
        )
        cls.widget = cls.env["product.product"].create(
            {"name": "Versioned Widget", "list_price": 8, "is_storable": True}
        )
        main_wh = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.env["stock.quant"]._update_available_quantity(cls.widget, main_wh.lot_stock_id, 3.0)
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": cls.salesman.id,
                "order_line": [Command.create({"product_id": cls.widget.id, "product_uom_qty": 1})],
            }
        )

    def test_quotation_versions_tour(self):
        self.start_tour(
            f"/odoo/sales/{self.order.id}",
            "crm_core_quotation_versions",
            login="tour_quote_salesman",
        )
        snapshot = self.order.version_ids - self.order
        self.assertRecordValues(
            snapshot | self.order,
            [
                {"name": f"{self.order.name}-v1", "version_state": "superseded"},
                {"name": self.order.name, "version_state": "current"},
            ],
        )
        self.assertEqual(snapshot.order_line.product_uom_qty, 1.0)
        self.assertEqual(self.order.order_line.product_uom_qty, 5.0)

    def test_stock_inquiry_tour(self):
        company = self.env.company
        wh1 = self.env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
        wh2 = self.env["stock.warehouse"].create(
            {"name": "Tour East", "code": "TRE", "company_id": company.id}
        )
        pump = self.env["product.product"].create(
            {"name": "Inquiry Tour Pump", "is_storable": True}
        )
        Quant = self.env["stock.quant"]
        Quant._update_available_quantity(pump, wh1.lot_stock_id, 7.0)
        Quant._update_available_quantity(pump, wh2.lot_stock_id, 4.0)
        suppliers = self.env.ref("stock.stock_location_suppliers")
        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": wh2.in_type_id.id,
                "location_id": suppliers.id,
                "location_dest_id": wh2.lot_stock_id.id,
                "scheduled_date": datetime(2031, 3, 1, 9),
                "move_ids": [
                    Command.create(
                        {
                            "product_id": pump.id,
                            "product_uom_qty": 6.0,
                            "location_id": suppliers.id,
                            "location_dest_id": wh2.lot_stock_id.id,
                            "date": datetime(2031, 3, 1, 9),
                        }
                    )
                ],
            }
        )
        receipt.action_confirm()
        self.start_tour("/odoo", "crm_core_stock_inquiry", login="tour_quote_salesman")
