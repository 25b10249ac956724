from datetime import datetime

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged, users

from .common import CrmCoreCommon


@tagged("post_install", "-at_install")
class TestStockInquiry(CrmCoreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.wh1 = cls.env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
        cls.wh2 = cls.env["stock.warehouse"].create(
            {"name": "Inquiry East", "code": "IQE", "company_id": company.id}
        )
        Product = cls.env["product.product"]
        cls.item = Product.create({"name": "Inquiry Pump", "is_storable": True})
        cls.other = Product.create({"name": "Inquiry Valve", "is_storable": True})
        cls.service = Product.create({"name": "Inquiry Service", "type": "service"})
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.item, cls.wh1.lot_stock_id, 10.0)
        Quant._update_available_quantity(cls.item, cls.wh2.lot_stock_id, 4.0)
        Quant._update_available_quantity(cls.other, cls.wh1.lot_stock_id, 99.0)
        suppliers = cls.env.ref("stock.stock_location_suppliers")
        customers = cls.env.ref("stock.stock_location_customers")

        def picking(picking_type, source, dest, qty, date):
            return cls.env["stock.picking"].create(
                {
                    "picking_type_id": picking_type.id,
                    "location_id": source.id,
                    "location_dest_id": dest.id,
                    "scheduled_date": date,
                    "move_ids": [
                        Command.create(
                            {
                                "product_id": cls.item.id,
                                "product_uom_qty": qty,
                                "location_id": source.id,
                                "location_dest_id": dest.id,
                                "date": date,
                            }
                        )
                    ],
                }
            )

        # Two receipts into East: the earlier one gives the next incoming date.
        cls.receipt = picking(
            cls.wh2.in_type_id, suppliers, cls.wh2.lot_stock_id, 6.0, datetime(2031, 3, 1, 9)
        )
        cls.receipt_late = picking(
            cls.wh2.in_type_id, suppliers, cls.wh2.lot_stock_id, 2.0, datetime(2031, 4, 1, 9)
        )
        (cls.receipt | cls.receipt_late).action_confirm()
        # A delivery from the main warehouse reserves 3 units.
        cls.delivery = picking(
            cls.wh1.out_type_id, cls.wh1.lot_stock_id, customers, 3.0, datetime(2031, 2, 1, 9)
        )
        cls.delivery.action_confirm()
        cls.delivery.action_assign()
        cls.warehouses = cls.env["stock.warehouse"].search([("company_id", "=", company.id)])

    def _lines(self, inquiry, warehouse):
        return inquiry.line_ids.filtered(lambda line: line.warehouse_id == warehouse)

    @users("salesman_a")
    def test_salesman_figures_per_warehouse(self):
        action = self.item.with_env(self.env).action_crm_stock_lookup()
        self.assertEqual(action["res_model"], "crm.stock.inquiry")
        inquiry = self.env["crm.stock.inquiry"].browse(action["res_id"])
        self.assertEqual(inquiry.line_ids.warehouse_id, self.warehouses.with_env(self.env))
        self.assertRecordValues(
            self._lines(inquiry, self.wh1) | self._lines(inquiry, self.wh2),
            [
                {
                    "warehouse_id": self.wh1.id,
                    "on_hand": 10.0,
                    "free_qty": 7.0,
                    "forecast": 7.0,
                    "next_incoming_date": False,
                },
                {
                    "warehouse_id": self.wh2.id,
                    "on_hand": 4.0,
                    "free_qty": 4.0,
                    "forecast": 12.0,
                    "next_incoming_date": datetime(2031, 3, 1, 9),
                },
            ],
        )
        self.assertRecordValues(
            inquiry, [{"on_hand_total": 14.0, "forecast_total": 19.0, "free_qty_total": 11.0}]
        )
        # Other products do not mix in; changing the product recomputes.
        inquiry.product_id = self.other
        self.assertRecordValues(
            self._lines(inquiry, self.wh1) | self._lines(inquiry, self.wh2),
            [
                {"on_hand": 99.0, "free_qty": 99.0, "forecast": 99.0},
                {"on_hand": 0.0, "free_qty": 0.0, "forecast": 0.0},
            ],
        )

    def test_figures_match_odoo_per_warehouse(self):
        figures = self.env["crm.stock.inquiry"]._get_stock_figures(self.item | self.other)
        for row in figures:
            product = self.env["product.product"].browse(row["product_id"])
            product = product.with_context(warehouse_id=row["warehouse_id"])
            self.assertEqual(
                (row["on_hand"], row["free_qty"], row["forecast"]),
                (product.qty_available, product.free_qty, product.virtual_available),
            )

    def test_query_count_does_not_grow_with_products(self):
        products = self.item | self.other
        for index in range(3):
            products |= self.env["product.product"].create(
                {"name": f"Inquiry Extra {index}", "is_storable": True}
            )
        Inquiry = self.env["crm.stock.inquiry"].with_user(self.salesman_a)
        Inquiry._get_stock_figures(products)  # warm the caches (access rules, groups)
        self.env.invalidate_all()
        with self.assertQueryCount(8):
            Inquiry._get_stock_figures(self.item)
        self.env.invalidate_all()
        with self.assertQueryCount(8):
            Inquiry._get_stock_figures(products)

    def test_done_and_cancelled_moves_do_not_count(self):
        self.receipt.action_cancel()
        figures = self.env["crm.stock.inquiry"]._get_stock_figures(self.item)
        east = next(row for row in figures if row["warehouse_id"] == self.wh2.id)
        self.assertEqual(
            (east["forecast"], east["next_incoming_date"]), (6.0, datetime(2031, 4, 1, 9))
        )

    @users("salesman_a")
    def test_lookup_errors(self):
        with self.assertRaisesRegex(UserError, "Inquiry Service is not tracked in stock"):
            self.service.with_env(self.env).action_crm_stock_lookup()
        line = self.env["sale.order.line"].new({"name": "A note", "display_type": "line_note"})
        with self.assertRaisesRegex(UserError, "This line has no product to look up"):
            line.action_crm_stock_lookup()

    @users("salesman_a")
    def test_from_quotation_line(self):
        order = self.orders["a"].with_env(self.env)
        order.order_line = [Command.create({"product_id": self.item.id})]
        line = order.order_line.filtered(lambda sol: sol.product_id == self.item)
        action = line.action_crm_stock_lookup()
        inquiry = self.env["crm.stock.inquiry"].browse(action["res_id"])
        self.assertRecordValues(inquiry, [{"product_id": self.item.id, "on_hand_total": 14.0}])

    def test_access_per_role(self):
        Menu = self.env["ir.ui.menu"]
        inquiry_menu = self.env.ref("crm_core.crm_stock_inquiry_menu")
        inventory_menu = self.env.ref("stock.menu_stock_root")
        for user in (self.salesman_a, self.salesman_c, self.leader_1, self.manager):
            visible = Menu.with_user(user)._visible_menu_ids()
            self.assertIn(inquiry_menu.id, visible, user.login)
            self.assertNotIn(inventory_menu.id, visible, user.login)
            inquiry = (
                self.env["crm.stock.inquiry"].with_user(user).create({"product_id": self.item.id})
            )
            self.assertEqual(inquiry.on_hand_total, 14.0, user.login)

    def test_multi_company(self):
        company_2 = self.env["res.company"].create({"name": "Inquiry Co Two"})
        wh_2 = self.env["stock.warehouse"].search([("company_id", "=", company_2.id)])
        self.assertEqual(len(wh_2), 1)
        self.env["stock.quant"].with_company(company_2)._update_available_quantity(
            self.item, wh_2.lot_stock_id, 5.0
        )
        # Salesman A works in the first company only.
        inquiry = (
            self.env["crm.stock.inquiry"]
            .with_user(self.salesman_a)
            .create({"product_id": self.item.id})
        )
        self.assertEqual(inquiry.line_ids.warehouse_id, self.warehouses)
        self.assertEqual(inquiry.on_hand_total, 14.0)
        # A manager of both companies, with both selected, sees both.
        self.manager.write({"company_ids": [Command.link(company_2.id)]})
        companies = self.env.company | company_2
        inquiry = (
            self.env["crm.stock.inquiry"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=companies.ids)
            .create({"product_id": self.item.id})
        )
        self.assertEqual(inquiry.line_ids.warehouse_id, self.warehouses | wh_2)
        self.assertEqual(inquiry.on_hand_total, 19.0)

    @users("salesman_a")
    def test_from_opportunity_line(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Pump deal",
                "type": "opportunity",
                "product_line_ids": [
                    Command.create({"product_id": self.item.id, "product_uom_qty": 2.0})
                ],
            }
        )
        action = lead.product_line_ids.action_crm_stock_lookup()
        inquiry = self.env["crm.stock.inquiry"].browse(action["res_id"])
        self.assertRecordValues(inquiry, [{"product_id": self.item.id, "on_hand_total": 14.0}])
