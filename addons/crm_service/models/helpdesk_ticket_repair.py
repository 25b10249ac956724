from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

FACTORY_STATES = [
    ("none", "Not at the Factory"),
    ("at_factory", "At the Factory"),
    ("under_repair", "Under Repair"),
    ("repaired", "Repaired"),
    ("cancelled", "Repair Cancelled"),
    ("returned", "Returned to Customer"),
]


class HelpdeskTicket(models.Model):
    """Return-to-factory repair (返修登记): the request's unit received from the
    customer into the factory-repair location, repaired through a repair.order
    (its serial, under warranty when the request's warranty says so), then
    delivered back. The transfers and the repair are linked to the request and
    each step is noted in its chatter. Stock is moved as superuser: agents
    register the return, they need not be warehouse users."""

    _inherit = "helpdesk.ticket"

    factory_repair_ids = fields.One2many(
        "repair.order", "service_ticket_id", string="Factory Repairs", readonly=True
    )
    factory_repair_count = fields.Integer(compute="_compute_factory")
    factory_picking_ids = fields.One2many(
        "stock.picking", "service_repair_ticket_id", string="Factory Transfers", readonly=True
    )
    factory_picking_count = fields.Integer(compute="_compute_factory")
    factory_state = fields.Selection(
        FACTORY_STATES, string="Factory Repair", compute="_compute_factory"
    )

    @api.depends(
        "factory_repair_ids.state",
        "factory_repair_ids.service_delivery_id",
        "factory_picking_ids",
    )
    def _compute_factory(self):
        for ticket in self:
            repairs = ticket.sudo().factory_repair_ids
            ticket.factory_repair_count = len(repairs)
            ticket.factory_picking_count = len(ticket.sudo().factory_picking_ids)
            last = repairs.sorted("id")[-1:]
            ticket.factory_state = last._service_factory_state() if last else "none"

    # ------------------------------------------------------------------ actions

    def action_return_to_factory(self):
        """Receives the unit from the customer into the factory-repair location
        and opens its repair order, confirmed."""
        self.ensure_one()
        warehouse = self._ensure_can_return_to_factory()
        ticket = self.sudo()
        location = self.env["stock.location"]._service_repair_location(ticket.company_id).sudo()
        customers = self.env.ref("stock.stock_location_customers")
        receipt = ticket._service_factory_transfer(warehouse.in_type_id, customers, location)
        repair = (
            self.env["repair.order"]
            .sudo()
            .create(
                {
                    "company_id": ticket.company_id.id,
                    "picking_type_id": warehouse.repair_type_id.id,
                    "product_id": ticket.product_id.id,
                    "product_qty": 1.0,
                    "product_uom": ticket.product_id.uom_id.id,
                    "lot_id": ticket.lot_id.id,
                    "partner_id": ticket.partner_id.id,
                    "under_warranty": ticket.warranty_state == "in",
                    "product_location_src_id": location.id,
                    "product_location_dest_id": location.id,
                    "picking_id": receipt.id,
                    "service_ticket_id": ticket.id,
                    "service_receipt_id": receipt.id,
                    "internal_notes": ticket.description,
                }
            )
        )
        repair.action_validate()
        if repair.state != "confirmed":
            raise UserError(
                self.env._(
                    "The repair order %(repair)s could not be confirmed.", repair=repair.name
                )
            )
        warranty = self.env._("yes") if repair.under_warranty else self.env._("no")
        ticket.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "%(serial)s received into %(location)s (%(receipt)s); repair order "
                "%(repair)s opened, under warranty: %(warranty)s.",
                serial=ticket.lot_id.name,
                location=location.display_name,
                receipt=receipt.name,
                repair=repair.name,
                warranty=warranty,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def action_deliver_from_factory(self):
        """Delivers the unit back to the customer once its repair is ended (or
        cancelled: the unit goes back unrepaired)."""
        self.ensure_one()
        repair = self.sudo().factory_repair_ids.filtered(lambda r: not r.service_delivery_id)
        if not repair:
            raise UserError(
                self.env._("%(request)s has no unit at the factory.", request=self.display_name)
            )
        if repair.state not in ("done", "cancel"):
            raise UserError(
                self.env._(
                    "%(repair)s is not finished: end or cancel the repair before "
                    "delivering the unit back.",
                    repair=repair.name,
                )
            )
        location = repair.product_location_dest_id
        held = (
            self.env["stock.quant"]
            .sudo()
            ._get_available_quantity(repair.product_id, location, lot_id=repair.lot_id, strict=True)
        )
        if repair.product_id.uom_id.compare(held, 1.0) < 0:
            raise UserError(
                self.env._(
                    "%(serial)s is no longer in %(location)s.",
                    serial=repair.lot_id.name,
                    location=location.display_name,
                )
            )
        ticket = self.sudo()
        warehouse = self.env["stock.location"]._service_parts_warehouse(ticket.company_id)
        customers = self.env.ref("stock.stock_location_customers")
        delivery = ticket._service_factory_transfer(
            warehouse.out_type_id, location, customers, lot=repair.lot_id
        )
        repair.service_delivery_id = delivery
        ticket.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "%(serial)s delivered back to %(customer)s (%(delivery)s).",
                serial=repair.lot_id.name,
                customer=ticket.partner_id.display_name,
                delivery=delivery.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def action_view_factory_repairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("repair.action_repair_order_tree")
        action.update({"domain": [("service_ticket_id", "=", self.id)], "context": {}})
        if self.factory_repair_count == 1:
            action.update(
                {
                    "views": [(False, "form")],
                    "view_mode": "form",
                    "res_id": self.factory_repair_ids.id,
                }
            )
        return action

    def action_view_factory_pickings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("stock.action_picking_tree_all")
        action.update({"domain": [("service_repair_ticket_id", "=", self.id)], "context": {}})
        return action

    # ------------------------------------------------------------------ business

    def _ensure_can_return_to_factory(self):
        """Every check before anything moves; returns the warehouse receiving."""
        request = self.display_name
        # agents read serials but not their stock moves: the checks read as superuser
        ticket = self.sudo()
        if ticket.closed:
            raise UserError(
                self.env._(
                    "%(request)s is closed: it cannot be returned to the factory.",
                    request=request,
                )
            )
        product, lot = ticket.product_id, ticket.lot_id
        if not product:
            raise UserError(
                self.env._(
                    "Give the product of %(request)s before returning it to the factory.",
                    request=request,
                )
            )
        if not lot:
            raise UserError(
                self.env._(
                    "Give the serial number of the %(product)s before returning it to the factory.",
                    product=product.display_name,
                )
            )
        if lot.product_id != product:
            raise UserError(
                self.env._(
                    "%(serial)s is a serial of %(other)s, not of %(product)s.",
                    serial=lot.name,
                    other=lot.product_id.display_name,
                    product=product.display_name,
                )
            )
        if not product.is_storable:
            raise UserError(
                self.env._(
                    "%(product)s is not a stored product: it cannot be received into stock.",
                    product=product.display_name,
                )
            )
        if not ticket.partner_id:
            raise UserError(self.env._("Give the customer of %(request)s.", request=request))
        pending = ticket.factory_repair_ids.filtered(lambda r: not r.service_delivery_id)
        if pending:
            raise UserError(
                self.env._(
                    "%(serial)s is already at the factory (%(repair)s).",
                    serial=lot.name,
                    repair=pending[0].name,
                )
            )
        last = (
            self.env["stock.move.line"]
            .sudo()
            .search_fetch(
                [("lot_id", "=", lot.id), ("state", "=", "done")],
                ["location_dest_id"],
                order="date desc, id desc",
                limit=1,
            )
        )
        if last.location_dest_id.usage != "customer":
            raise UserError(
                self.env._(
                    "%(serial)s is not at a customer's: it cannot be received from them.",
                    serial=lot.name,
                )
            )
        warehouse = self.env["stock.location"]._service_parts_warehouse(self.company_id)
        if not warehouse.repair_type_id:
            raise UserError(
                self.env._(
                    "The warehouse %(warehouse)s has no repair operation type.",
                    warehouse=warehouse.display_name,
                )
            )
        return warehouse

    def _service_factory_transfer(self, picking_type, source, destination, lot=None):
        """One validated transfer of the request's unit (its serial) for the
        request's customer, linked to the request."""
        lot = lot or self.lot_id
        product = lot.product_id
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "partner_id": self.partner_id.id,
                "origin": self.number,
                "company_id": self.company_id.id,
                "service_repair_ticket_id": self.id,
                "move_ids": [
                    fields.Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": 1.0,
                            "product_uom": product.uom_id.id,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        # the serial of the request, not whatever the reservation picked
        picking.move_ids.move_line_ids.unlink()
        self.env["stock.move.line"].create(
            {
                "move_id": picking.move_ids.id,
                "picking_id": picking.id,
                "product_id": product.id,
                "product_uom_id": product.uom_id.id,
                "quantity": 1.0,
                "lot_id": lot.id,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "picked": True,
            }
        )
        picking.move_ids.picked = True
        picking.with_context(skip_backorder=True, skip_sms=True).button_validate()
        if picking.state != "done":
            raise UserError(
                self.env._("The transfer %(picking)s could not be validated.", picking=picking.name)
            )
        return picking
