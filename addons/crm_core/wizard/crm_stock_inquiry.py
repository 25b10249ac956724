from odoo import api, fields, models
from odoo.fields import Command, Domain

# Move states Odoo counts in the forecast (virtual_available); drafts only
# announce a date.
FORECAST_STATES = ("waiting", "confirmed", "assigned", "partially_available")


class CrmStockInquiry(models.TransientModel):
    _name = "crm.stock.inquiry"
    _description = "Stock Inquiry"

    product_id = fields.Many2one(
        "product.product",
        string="Product",
        domain=[("is_storable", "=", True)],
    )
    uom_id = fields.Many2one(related="product_id.uom_id")
    line_ids = fields.One2many(
        "crm.stock.inquiry.line",
        "inquiry_id",
        string="Stock per Warehouse",
        compute="_compute_line_ids",
        store=True,
        readonly=True,
    )
    on_hand_total = fields.Float(string="Total On Hand", compute="_compute_totals")
    forecast_total = fields.Float(string="Total Forecast", compute="_compute_totals")
    free_qty_total = fields.Float(string="Total Free", compute="_compute_totals")

    @api.depends("product_id")
    def _compute_line_ids(self):
        figures = self._get_stock_figures(self.product_id)
        for inquiry in self:
            commands = [Command.clear()]
            if inquiry.product_id:
                commands += [
                    Command.create(vals)
                    for vals in figures
                    if vals["product_id"] == inquiry.product_id.id
                ]
            inquiry.line_ids = commands

    @api.depends("line_ids.on_hand", "line_ids.forecast", "line_ids.free_qty")
    def _compute_totals(self):
        for inquiry in self:
            inquiry.on_hand_total = sum(inquiry.line_ids.mapped("on_hand"))
            inquiry.forecast_total = sum(inquiry.line_ids.mapped("forecast"))
            inquiry.free_qty_total = sum(inquiry.line_ids.mapped("free_qty"))

    def _get_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Stock Inquiry"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("crm_core.crm_stock_inquiry_view_form").id, "form")],
            "target": "new",
        }

    @api.model
    def _get_stock_figures(self, products):
        """On hand, free, forecast quantities and the next incoming date of
        `products` per warehouse of the allowed companies, as a list of dicts.

        Three grouped queries whatever the number of products or warehouses.
        No sudo() and no new access rule: every internal user may read quants
        (stock) and salespeople may read warehouses, locations and moves
        (sale_stock), still without any Inventory menu; the record rules keep
        the figures to the user's companies.
        """
        products = products.filtered("is_storable")
        if not products:
            return []
        company_ids = self.env.companies.ids
        warehouses = self.env["stock.warehouse"].search(
            [("company_id", "in", company_ids)], order="sequence, id"
        )
        if not warehouses:
            return []
        figures = {
            (product.id, warehouse.id): {
                "product_id": product.id,
                "warehouse_id": warehouse.id,
                "on_hand": 0.0,
                "reserved": 0.0,
                "incoming": 0.0,
                "outgoing": 0.0,
                "next_incoming_date": False,
            }
            for product in products
            for warehouse in warehouses
        }

        quant_groups = self.env["stock.quant"]._read_group(
            Domain("product_id", "in", products.ids)
            & Domain("company_id", "in", company_ids)
            & Domain("location_id.warehouse_id", "in", warehouses.ids),
            ["product_id", "location_id"],
            ["quantity:sum", "reserved_quantity:sum"],
        )
        for product, location, quantity, reserved in quant_groups:
            row = figures.get((product.id, location.warehouse_id.id))
            if row:
                row["on_hand"] += quantity
                row["reserved"] += reserved

        move_groups = (
            self.env["stock.move"]
            .with_context(active_test=False)
            ._read_group(
                Domain("product_id", "in", products.ids)
                & Domain("company_id", "in", company_ids)
                & Domain("state", "not in", ("done", "cancel")),
                ["product_id", "location_id", "location_dest_id", "location_final_id", "state"],
                ["product_qty:sum", "date:min"],
            )
        )
        for product, source, dest, final, state, qty, date in move_groups:
            # A move still in progress counts towards its final destination.
            source_wh = source.warehouse_id.id
            dest_wh = (final or dest).warehouse_id.id
            if source_wh == dest_wh:
                continue
            incoming = figures.get((product.id, dest_wh))
            if incoming:
                if state in FORECAST_STATES:
                    incoming["incoming"] += qty
                if not incoming["next_incoming_date"] or date < incoming["next_incoming_date"]:
                    incoming["next_incoming_date"] = date
            outgoing = figures.get((product.id, source_wh))
            if outgoing and state in FORECAST_STATES:
                outgoing["outgoing"] += qty

        result = []
        for (product_id, _warehouse_id), row in figures.items():
            uom = products.browse(product_id).uom_id
            result.append(
                {
                    "product_id": product_id,
                    "warehouse_id": row["warehouse_id"],
                    "on_hand": uom.round(row["on_hand"]),
                    "free_qty": uom.round(row["on_hand"] - row["reserved"]),
                    "forecast": uom.round(row["on_hand"] + row["incoming"] - row["outgoing"]),
                    "next_incoming_date": row["next_incoming_date"],
                }
            )
        return result
