from odoo import api, fields, models
from odoo.exceptions import UserError

TECHNICIAN_GROUP = "crm_service.group_crm_service_technician"


class CrmServicePartMove(models.Model):
    """A spare-part line of a technician: a requisition from the parts warehouse
    into their own stock, a consumption on a work order (the new part delivered
    to the customer, the old one taken off received as defective) or a return of
    unused parts. Validating it makes and validates real transfers; every check
    comes first, so a refused line moves nothing."""

    _name = "crm.service.part.move"
    _description = "Spare Part Move"
    _order = "id desc"
    _check_company_auto = True

    move_type = fields.Selection(
        [
            ("requisition", "Requisition"),
            ("consumption", "Consumption"),
            ("return", "Return"),
        ],
        string="Type",
        required=True,
        default="requisition",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
    )
    order_id = fields.Many2one(
        "crm.service.order",
        string="Work Order",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
    )
    ticket_id = fields.Many2one(related="order_id.ticket_id", store=True, string="Service Request")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    technician_id = fields.Many2one(
        "res.users",
        string="Technician",
        required=True,
        index=True,
        compute="_compute_technician_id",
        store=True,
        readonly=False,
        precompute=True,
        domain=lambda s: [("group_ids", "in", s.env.ref(TECHNICIAN_GROUP).ids)],
    )
    product_id = fields.Many2one(
        "product.product",
        string="Part",
        required=True,
        domain="[('is_storable', '=', True)]",
        check_company=True,
    )
    tracking = fields.Selection(related="product_id.tracking")
    quantity = fields.Float(default=1.0, digits="Product Unit", required=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial / Lot",
        domain="[('product_id', '=', product_id)]",
        check_company=True,
        help="For a consumption, the new part fitted.",
    )
    return_old = fields.Boolean(
        string="Old Part Taken Off",
        default=True,
        help="The part taken off is received into the defective-parts location.",
    )
    old_lot_name = fields.Char(string="Old Serial / Lot")
    old_lot_id = fields.Many2one("stock.lot", string="Old Part Serial", readonly=True, copy=False)
    picking_ids = fields.Many2many("stock.picking", string="Transfers", readonly=True, copy=False)
    stock_move_id = fields.Many2one("stock.move", readonly=True, copy=False, index="btree_not_null")
    date_done = fields.Datetime(string="Done On", readonly=True, copy=False)

    _quantity_positive = models.Constraint(
        "CHECK(quantity > 0)", "The quantity of a part move must be positive."
    )

    @api.depends("order_id")
    def _compute_company_id(self):
        for line in self:
            line.company_id = line.order_id.company_id or line.company_id or self.env.company

    @api.depends("order_id")
    def _compute_technician_id(self):
        for line in self:
            line.technician_id = line.order_id.user_id or line.technician_id or self.env.user

    @api.depends("move_type", "product_id", "quantity")
    def _compute_display_name(self):
        types = dict(self._fields["move_type"]._description_selection(self.env))
        for line in self:
            line.display_name = (
                f"{types[line.move_type]}: {line.product_id.display_name} ({line.quantity:g})"
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if self.filtered(lambda line: line.state == "done"):
            raise UserError(self.env._("A validated part move cannot be deleted."))

    def action_cancel(self):
        if self.filtered(lambda line: line.state != "draft"):
            raise UserError(self.env._("Only draft part moves can be cancelled."))
        self.state = "cancel"

    def action_validate(self):
        """Checks every line, then moves the parts, one transfer per kind of move,
        technician and work order."""
        self._ensure_can_be_validated()
        Location = self.env["stock.location"]
        groups = {}
        for line in self:
            groups.setdefault(
                (line.move_type, line.technician_id, line.company_id, line.order_id),
                self.browse(),
            )
            groups[line.move_type, line.technician_id, line.company_id, line.order_id] |= line
        for (move_type, technician, company, order), lines in groups.items():
            warehouse = Location._service_parts_warehouse(company)
            own = Location._service_technician_location(technician, company)
            if move_type == "requisition":
                lines._service_transfer(warehouse.int_type_id, warehouse.lot_stock_id, own)
            elif move_type == "return":
                lines._service_transfer(warehouse.int_type_id, own, warehouse.lot_stock_id)
            else:
                customer = self.env.ref("stock.stock_location_customers")
                lines._service_transfer(warehouse.out_type_id, own, customer, order.partner_id)
                old = lines.filtered("return_old")
                if old:
                    old._service_receive_old(warehouse, customer, order.partner_id)
        self.write({"state": "done", "date_done": fields.Datetime.now()})
        return True

    # ------------------------------------------------------------------ checks

    def _ensure_can_be_validated(self):
        if self.filtered(lambda line: line.state != "draft"):
            raise UserError(self.env._("Only draft part moves can be validated."))
        technicians = self.env.ref(TECHNICIAN_GROUP).all_user_ids
        for line in self:
            product = line.product_id
            if not product.is_storable:
                raise UserError(
                    self.env._("%(part)s is not a stored product.", part=product.display_name)
                )
            if line.technician_id not in technicians:
                raise UserError(
                    self.env._("%(user)s is not a technician.", user=line.technician_id.name)
                )
            if product.tracking != "none" and not line.lot_id:
                raise UserError(
                    self.env._("Give the serial or lot of %(part)s.", part=product.display_name)
                )
            if product.tracking == "serial" and line.quantity != 1:
                raise UserError(
                    self.env._(
                        "%(part)s is tracked by serial number: move one unit per line.",
                        part=product.display_name,
                    )
                )
            if line.move_type == "consumption":
                line._ensure_order_allows_consumption()
            elif line.order_id.state == "cancel":
                raise UserError(self.env._("%(order)s is cancelled.", order=line.order_id.name))
        self._ensure_quantities_held()

    def _ensure_order_allows_consumption(self):
        order = self.order_id
        if not order:
            raise UserError(self.env._("A consumption needs its work order."))
        if order.state == "cancel":
            raise UserError(
                self.env._(
                    "%(order)s is cancelled: no part can be consumed on it.", order=order.name
                )
            )
        if order.state != "in_progress":
            raise UserError(
                self.env._(
                    "Parts are consumed on a work order in progress; %(order)s is not.",
                    order=order.name,
                )
            )
        accepted = order.technician_line_ids.filtered(lambda t: t.state == "accepted").user_id
        if self.technician_id not in accepted:
            raise UserError(
                self.env._(
                    "%(user)s has not accepted %(order)s.",
                    user=self.technician_id.name,
                    order=order.name,
                )
            )
        if self.return_old and self.product_id.tracking != "none":
            old_name = (self.old_lot_name or "").strip()
            if not old_name:
                raise UserError(
                    self.env._(
                        "Give the serial of the %(part)s taken off.",
                        part=self.product_id.display_name,
                    )
                )
            if old_name == self.lot_id.name:
                raise UserError(
                    self.env._("The old part's serial is the new part's: %(lot)s.", lot=old_name)
                )

    def _ensure_quantities_held(self):
        """The warehouse has what is requested, the technician what they consume
        or return, counted over all the lines validated together."""
        totals, first, sources = {}, {}, {}
        for line in self:
            # one location look-up per technician and company, not per line
            where = (line.move_type == "requisition", line.technician_id, line.company_id)
            if where not in sources:
                sources[where] = line._service_source()
            key = (sources[where], line.product_id, line.lot_id)
            totals[key] = totals.get(key, 0.0) + line.quantity
            first.setdefault(key, line)
        for key, quantity in totals.items():
            source, product, lot = key
            line = first[key]
            quants = line._service_quants(source)
            held = sum(quants.mapped("quantity")) - sum(quants.mapped("reserved_quantity"))
            if product.uom_id.compare(held, quantity) >= 0:
                continue
            if line.move_type == "requisition":
                raise UserError(
                    self.env._(
                        "%(location)s holds %(held)s %(uom)s of %(part)s%(lot)s, not %(qty)s.",
                        location=source.display_name,
                        held=f"{held:g}",
                        uom=product.uom_id.name,
                        part=product.display_name,
                        lot=f" ({lot.name})" if lot else "",
                        qty=f"{quantity:g}",
                    )
                )
            if lot and product.uom_id.is_zero(held):
                raise UserError(
                    self.env._(
                        "%(lot)s is not in the stock of %(user)s.",
                        lot=lot.name,
                        user=line.technician_id.name,
                    )
                )
            raise UserError(
                self.env._(
                    "%(user)s holds %(held)s %(uom)s of %(part)s, not %(qty)s.",
                    user=line.technician_id.name,
                    held=f"{held:g}",
                    uom=product.uom_id.name,
                    part=product.display_name,
                    qty=f"{quantity:g}",
                )
            )

    def _service_source(self):
        Location = self.env["stock.location"]
        if self.move_type == "requisition":
            return Location._service_parts_warehouse(self.company_id).lot_stock_id
        return Location._service_technician_location(self.technician_id, self.company_id)

    def _service_quants(self, source):
        """The quants this line takes its part from: in the warehouse's stock and
        its sublocations, or in the technician's own location; of its lot only."""
        location = (
            "location_id",
            "child_of" if self.move_type == "requisition" else "=",
            source.id,
        )
        return (
            self.env["stock.quant"]
            .sudo()
            .search(
                [
                    ("product_id", "=", self.product_id.id),
                    ("lot_id", "=", self.lot_id.id),
                    location,
                    ("quantity", ">", 0),
                ],
                order="in_date, id",
            )
        )

    # ------------------------------------------------------------------ stock

    def _service_transfer(self, picking_type, source, destination, partner=None):
        """One validated transfer of these lines' parts, each taken from the
        quants that hold it (the serial asked for, not whatever is reserved)."""
        picking = (
            self.env["stock.picking"]
            .sudo()
            .create(
                {
                    "picking_type_id": picking_type.id,
                    "location_id": source.id,
                    "location_dest_id": destination.id,
                    "partner_id": partner.id if partner else False,
                    "origin": self.order_id.name or self[:1].technician_id.name,
                    "company_id": self[:1].company_id.id,
                    "move_ids": [
                        fields.Command.create(
                            {
                                "product_id": line.product_id.id,
                                "product_uom_qty": line.quantity,
                                "product_uom": line.product_id.uom_id.id,
                                "location_id": source.id,
                                "location_dest_id": destination.id,
                            }
                        )
                        for line in self
                    ],
                }
            )
        )
        line_vals = []
        for line, move in zip(self, picking.move_ids, strict=True):
            remaining = line.quantity
            for quant in line._service_quants(source):
                take = min(remaining, quant.quantity - quant.reserved_quantity)
                if take <= 0:
                    continue
                line_vals.append(line._service_move_line_vals(move, quant.location_id, take))
                remaining -= take
                if line.product_id.uom_id.is_zero(remaining):
                    break
        self.env["stock.move.line"].sudo().create(line_vals)
        self._service_validate(picking)
        # the technician may not read transfers: the links are written as superuser
        for line, move in zip(self.sudo(), picking.move_ids, strict=True):
            line.picking_ids |= picking
            if line.move_type == "consumption":
                line.stock_move_id = move
        return picking

    def _service_move_line_vals(self, move, source, quantity, lot=None):
        return {
            "move_id": move.id,
            "picking_id": move.picking_id.id,
            "product_id": self.product_id.id,
            "product_uom_id": self.product_id.uom_id.id,
            "quantity": quantity,
            "lot_id": (lot or self.lot_id).id,
            "location_id": source.id,
            "location_dest_id": move.location_dest_id.id,
            "picked": True,
        }

    def _service_receive_old(self, warehouse, customer, partner):
        """The parts taken off, with their serials (found or made), received from
        the customer into the defective-parts location."""
        defective = self.env["stock.location"]._service_defective_location(self[:1].company_id)
        Lot = self.env["stock.lot"].sudo()
        tracked = self.filtered(lambda line: line.product_id.tracking != "none")
        names = [line.old_lot_name.strip() for line in tracked]
        lots = Lot.search(
            [
                ("name", "in", names),
                ("product_id", "in", tracked.product_id.ids),
                ("company_id", "in", [False, self[:1].company_id.id]),
            ]
        )
        found = {(lot.product_id, lot.name): lot for lot in lots}
        missing = [
            {"name": line.old_lot_name.strip(), "product_id": line.product_id.id}
            for line in tracked
            if (line.product_id, line.old_lot_name.strip()) not in found
        ]
        for lot in Lot.create(missing):
            found[lot.product_id, lot.name] = lot
        for line in tracked.sudo():
            line.old_lot_id = found[line.product_id, line.old_lot_name.strip()]
        picking = (
            self.env["stock.picking"]
            .sudo()
            .create(
                {
                    "picking_type_id": warehouse.in_type_id.id,
                    "location_id": customer.id,
                    "location_dest_id": defective.id,
                    "partner_id": partner.id,
                    "origin": self.order_id.name,
                    "company_id": self[:1].company_id.id,
                    "move_ids": [
                        fields.Command.create(
                            {
                                "product_id": line.product_id.id,
                                "product_uom_qty": line.quantity,
                                "product_uom": line.product_id.uom_id.id,
                                "location_id": customer.id,
                                "location_dest_id": defective.id,
                            }
                        )
                        for line in self
                    ],
                }
            )
        )
        self.env["stock.move.line"].sudo().create(
            [
                line._service_move_line_vals(move, customer, line.quantity, line.old_lot_id)
                for line, move in zip(self, picking.move_ids, strict=True)
            ]
        )
        self._service_validate(picking)
        for line in self.sudo():
            line.picking_ids |= picking
        return picking

    def _service_validate(self, picking):
        picking.action_confirm()
        picking.move_ids.picked = True
        picking.with_context(skip_backorder=True, skip_sms=True).button_validate()
        if picking.state != "done":
            raise UserError(
                self.env._("The transfer %(picking)s could not be validated.", picking=picking.name)
            )
