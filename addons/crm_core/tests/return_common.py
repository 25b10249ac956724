from odoo import Command

from .common import CrmCoreCommon


class CrmReturnCommon(CrmCoreCommon):
    """A stocked product and a tax-free service-like product; a delivered order
    of salesperson A: 5 widgets (all delivered) and 3 gadgets (2 delivered)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.widget = Product.create(
            {
                "name": "Return Widget",
                "is_storable": True,
                "list_price": 100.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.gadget = Product.create(
            {
                "name": "Return Gadget",
                "is_storable": True,
                "list_price": 40.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        for product in cls.widget | cls.gadget:
            cls.env["stock.quant"]._update_available_quantity(
                product, cls.warehouse.lot_stock_id, 50.0
            )
        cls.order = cls._delivered_order(
            cls.customers["a"], {cls.widget: (5, 5), cls.gadget: (3, 2)}
        )
        cls.widget_line = cls.order.order_line.filtered(lambda line: line.product_id == cls.widget)
        cls.gadget_line = cls.order.order_line - cls.widget_line

    @classmethod
    def _delivered_order(cls, partner, quantities):
        """Confirm an order and deliver ``{product: (ordered, delivered)}``."""
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": partner.user_id.id,
                "team_id": partner.team_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": ordered,
                            "tax_ids": [Command.clear()],
                        }
                    )
                    for product, (ordered, _delivered) in quantities.items()
                ],
            }
        )
        order.action_confirm()
        picking = order.picking_ids
        for move in picking.move_ids:
            move.quantity = quantities[move.product_id][1]
            move.picked = True
        picking.with_context(skip_backorder=True, cancel_backorder=True)._action_done()
        return order

    def _new_request(self, quantities, rtype="return", order=None):
        order = order or self.order
        lines = []
        for sale_line, qty in quantities.items():
            lines.append(Command.create({"sale_line_id": sale_line.id, "requested_qty": qty}))
        return self.env["crm.return.request"].create(
            {"type": rtype, "sale_order_id": order.id, "line_ids": lines}
        )
