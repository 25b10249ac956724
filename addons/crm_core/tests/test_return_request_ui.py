from urllib.parse import urlsplit

from odoo import Command, http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import MANAGER


@tagged("post_install", "-at_install")
class TestReturnRequestUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        # A sales manager who may also open invoices: the credit note form
        # needs accounting read rights that plain sales roles do not have.
        cls.manager = new_test_user(
            cls.env,
            login="tour_rr_manager",
            groups=f"{MANAGER},account.group_account_invoice",
            name="Tour Manager",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Tour Return Customer", "is_company": True, "customer_rank": 1}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Tour Return Buyer", "parent_id": cls.customer.id}
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="tour_rr_portal",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )
        cls.widget = cls.env["product.product"].create(
            {
                "name": "Tour Widget",
                "is_storable": True,
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.env["stock.quant"]._update_available_quantity(cls.widget, warehouse.lot_stock_id, 20.0)
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": cls.manager.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.widget.id,
                            "product_uom_qty": 5,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        cls.order.action_confirm()
        cls.order.picking_ids.move_ids.write({"quantity": 5, "picked": True})
        cls.order.picking_ids._action_done()

    def test_return_request_tour(self):
        self.start_tour(
            f"/odoo/action-sale.action_orders/{self.order.id}",
            "crm_core_return_request",
            login="tour_rr_manager",
        )
        request = self.env["crm.return.request"].search([("sale_order_id", "=", self.order.id)])
        self.assertRecordValues(
            request,
            [
                {
                    "state": "done",
                    "type": "return",
                    "approver_opinion": "Two are broken, one is fine",
                }
            ],
        )
        self.assertRecordValues(
            request.line_ids,
            [{"requested_qty": 3.0, "approved_qty": 2.0, "reason": "Broken on arrival"}],
        )
        self.assertRecordValues(request.return_picking_ids.move_ids, [{"product_uom_qty": 2.0}])
        self.assertRecordValues(
            request.credit_note_ids,
            [{"move_type": "out_refund", "state": "draft", "amount_total": 200.0}],
        )

    def test_portal_tour(self):
        self.start_tour(
            f"/my/orders/{self.order.id}", "crm_core_return_portal", login="tour_rr_portal"
        )
        request = self.env["crm.return.request"].search([("sale_order_id", "=", self.order.id)])
        self.assertRecordValues(
            request,
            [
                {
                    "state": "draft",
                    "type": "exchange",
                    "reason": "Wrong colour",
                    "partner_id": self.customer.id,
                    "user_id": self.manager.id,
                }
            ],
        )
        self.assertRecordValues(request.line_ids, [{"requested_qty": 1.0}])

    def test_portal_form_errors(self):
        self.authenticate("tour_rr_portal", "tour_rr_portal")
        line = self.order.order_line
        cases = [
            ({"type": "return", f"qty_{line.id}": "abc"}, "abc is not a quantity"),
            ({"type": "return", f"qty_{line.id}": "-1"}, "cannot be negative"),
            ({"type": "return"}, "Enter the quantity to return"),
            ({"type": "bogus", f"qty_{line.id}": "1"}, "Choose what you want"),
            ({"type": "return", f"qty_{line.id}": "6"}, "at most 5.0 can be returned"),
        ]
        for data, message in cases:
            with self.subTest(message=message):
                response = self.url_open(
                    "/my/returns/new",
                    data={
                        **data,
                        "order_id": self.order.id,
                        "csrf_token": http.Request.csrf_token(self),
                    },
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
        self.assertFalse(
            self.env["crm.return.request"].search([("sale_order_id", "=", self.order.id)])
        )
        response = self.url_open(
            "/my/returns/new",
            data={
                "type": "refund",
                f"qty_{line.id}": "2",
                "order_id": self.order.id,
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        request = self.env["crm.return.request"].search([("sale_order_id", "=", self.order.id)])
        self.assertEqual(urlsplit(response.url).path, f"/my/returns/{request.id}")
        self.assertRecordValues(request, [{"type": "refund", "state": "draft"}])
        self.assertRecordValues(request.line_ids, [{"requested_qty": 2.0}])
        # Another customer's order is not reachable.
        other = self.env["sale.order"].create({"partner_id": self.manager.partner_id.id})
        response = self.url_open(f"/my/returns/new?order_id={other.id}")
        self.assertTrue(response.url.endswith("/my/orders"))

    def test_portal_page_access(self):
        request = self.env["crm.return.request"].create(
            {
                "sale_order_id": self.order.id,
                "line_ids": [
                    Command.create({"sale_line_id": self.order.order_line.id, "requested_qty": 1})
                ],
            }
        )
        stranger_partner = self.env["res.partner"].create({"name": "Stranger"})
        new_test_user(
            self.env,
            login="tour_rr_stranger",
            groups="base.group_portal",
            partner_id=stranger_partner.id,
        )
        self.authenticate("tour_rr_stranger", "tour_rr_stranger")
        response = self.url_open(f"/my/returns/{request.id}")
        self.assertEqual(urlsplit(response.url).path, "/my")
        response = self.url_open("/my/returns")
        self.assertNotIn(request.name, response.text)
        # The link sent by e-mail carries the token and opens the page.
        response = self.url_open(request.get_portal_url())
        self.assertEqual(urlsplit(response.url).path, f"/my/returns/{request.id}")
        self.assertIn(request.name, response.text)
        self.authenticate("tour_rr_portal", "tour_rr_portal")
        response = self.url_open("/my/returns")
        self.assertIn(request.name, response.text)
        response = self.url_open(f"/my/returns/{request.id}")
        self.assertIn("Tour Widget", response.text)
