from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CrmReturnRequestLine(models.Model):
    _name = "crm.return.request.line"
    _description = "Return Request Line"
    _order = "request_id, sequence, id"
    _check_company_auto = True

    request_id = fields.Many2one(
        "crm.return.request",
        string="Request",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    state = fields.Selection(related="request_id.state")
    currency_id = fields.Many2one(related="request_id.currency_id")
    sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Order Line",
        required=True,
        index=True,
        check_company=True,
        domain="[('order_id', '=', parent.sale_order_id), ('display_type', '=', False)]",
    )
    product_id = fields.Many2one(related="sale_line_id.product_id", store=True, string="Product")
    product_uom_id = fields.Many2one(related="sale_line_id.product_uom_id")
    delivered_qty = fields.Float(
        compute="_compute_quantities", digits="Product Unit", string="Delivered"
    )
    returned_qty = fields.Float(
        compute="_compute_quantities",
        digits="Product Unit",
        string="Already Returned",
        help="Quantities of the other requests not cancelled or rejected, and the "
        "returns made outside of any request.",
    )
    returnable_qty = fields.Float(
        compute="_compute_quantities", digits="Product Unit", string="Returnable"
    )
    requested_qty = fields.Float(
        digits="Product Unit", string="Requested", required=True, default=1.0
    )
    approved_qty = fields.Float(digits="Product Unit", string="Approved", copy=False)
    price_unit = fields.Float(
        related="sale_line_id.price_unit", digits="Product Price", string="Unit Price"
    )
    price_subtotal = fields.Monetary(
        compute="_compute_price_subtotal", currency_field="currency_id"
    )
    reason = fields.Char()

    _requested_qty_positive = models.Constraint(
        "CHECK(requested_qty > 0)", "The requested quantity must be positive."
    )
    _approved_qty_positive = models.Constraint(
        "CHECK(approved_qty >= 0)", "The approved quantity cannot be negative."
    )
    _sale_line_unique = models.UniqueIndex(
        "(request_id, sale_line_id)",
        "An order line can appear only once in a return request.",
    )

    @api.constrains("sale_line_id", "request_id")
    def _check_sale_line_order(self):
        for line in self:
            if line.sale_line_id.order_id != line.request_id.sale_order_id:
                raise ValidationError(
                    self.env._(
                        "%(product)s is not a line of sales order %(order)s.",
                        product=line.sale_line_id.display_name,
                        order=line.request_id.sale_order_id.name,
                    )
                )

    @api.constrains("requested_qty", "sale_line_id")
    def _check_requested_qty(self):
        for line in self:
            if line.request_id.state not in ("draft", "submitted"):
                continue
            rounding = line.sale_line_id.product_uom_id
            if rounding.compare(line.requested_qty, line.returnable_qty) > 0:
                raise ValidationError(
                    self.env._(
                        "You cannot request %(requested)s of %(product)s: "
                        "%(delivered)s delivered, %(returned)s already returned or "
                        "requested, so at most %(returnable)s can be returned.",
                        requested=line.requested_qty,
                        product=line.product_id.display_name,
                        delivered=line.delivered_qty,
                        returned=line.returned_qty,
                        returnable=line.returnable_qty,
                    )
                )

    @api.constrains("approved_qty", "requested_qty")
    def _check_approved_qty(self):
        for line in self:
            uom = line.sale_line_id.product_uom_id
            if uom.compare(line.approved_qty, line.requested_qty) > 0:
                raise ValidationError(
                    self.env._(
                        "You cannot approve %(approved)s of %(product)s: only "
                        "%(requested)s was requested.",
                        approved=line.approved_qty,
                        product=line.product_id.display_name,
                        requested=line.requested_qty,
                    )
                )

    @api.depends("sale_line_id")
    def _compute_quantities(self):
        sale_lines = self.sale_line_id
        delivered, returned = self._get_delivered_and_returned(sale_lines)
        for line in self:
            line.delivered_qty = delivered.get(line.sale_line_id.id, 0.0)
            line.returned_qty = returned.get(line.sale_line_id.id, 0.0)
            line.returnable_qty = max(line.delivered_qty - line.returned_qty, 0.0)

    @api.depends("requested_qty", "approved_qty", "price_unit", "state")
    def _compute_price_subtotal(self):
        for line in self:
            qty = (
                line.approved_qty
                if line.state in ("submitted", "approved", "done")
                else line.requested_qty
            )
            discount = line.sale_line_id.discount
            line.price_subtotal = qty * line.price_unit * (1 - discount / 100.0)

    @api.model_create_multi
    def create(self, vals_list):
        requests = self.env["crm.return.request"].browse(
            {vals["request_id"] for vals in vals_list if vals.get("request_id")}
        )
        requests._ensure_lines_editable()
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - {"approved_qty"}:
            self.request_id._ensure_lines_editable()
        if "approved_qty" in vals and not self.env.su:
            for line in self:
                request = line.request_id
                if request.state != "submitted" or not request.can_review:
                    raise UserError(
                        self.env._(
                            "Only the approver of return request %(name)s can set "
                            "the approved quantity, while approving it.",
                            name=request.name,
                        )
                    )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_request_not_draft(self):
        self.request_id._ensure_lines_editable()

    def _get_delivered_and_returned(self, sale_lines):
        """Per sale line: the quantity delivered to the customer, and the
        quantity already taken back or asked for elsewhere (other requests that
        are still alive, and returns made outside of any request)."""
        delivered, returned = {}, {}
        # Every request counts, also those the current user cannot read:
        # the returnable quantity is a fact about the order, not a view on it.
        Line = self.env["crm.return.request.line"].sudo()
        own_ids = [line_id for line_id in self._origin.ids if line_id]
        others = Line.search_fetch(
            [
                ("sale_line_id", "in", sale_lines.ids),
                ("request_id.state", "not in", ("rejected", "cancel")),
                ("id", "not in", own_ids),
            ],
            ["sale_line_id", "requested_qty", "approved_qty", "state"],
        )
        for other in others:
            qty = other.approved_qty if other.state in ("approved", "done") else other.requested_qty
            returned[other.sale_line_id.id] = returned.get(other.sale_line_id.id, 0.0) + qty
        incoming_moves = self.env["stock.move"]
        outgoing_by_line = {}
        for sale_line in sale_lines.sudo():
            outgoing, incoming = sale_line._get_outgoing_incoming_moves()
            outgoing_by_line[sale_line] = outgoing
            incoming_moves |= incoming.filtered(lambda m: m.state != "cancel")
        request_pickings = (
            self.env["crm.return.request"]
            .sudo()
            .search([("return_picking_ids", "in", incoming_moves.picking_id.ids)])
            .return_picking_ids
        )
        for sale_line, outgoing in outgoing_by_line.items():
            uom = sale_line.product_uom_id
            delivered[sale_line.id] = sum(
                move.product_uom._compute_quantity(move.quantity, uom)
                for move in outgoing
                if move.state == "done"
            )
            outside = incoming_moves.filtered(
                lambda m, sl=sale_line: (
                    m.sale_line_id == sl and m.picking_id not in request_pickings
                )
            )
            returned[sale_line.id] = returned.get(sale_line.id, 0.0) + sum(
                move.product_uom._compute_quantity(move.product_uom_qty, uom) for move in outside
            )
        return delivered, returned
