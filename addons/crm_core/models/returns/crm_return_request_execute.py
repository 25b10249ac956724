from odoo import models
from odoo.exceptions import UserError


class CrmReturnRequest(models.Model):
    """The execution of an approved return request: the return receipts, the
    replacement deliveries and the credit note, made as superuser."""

    _inherit = "crm.return.request"

    def _execute(self):
        """Create the documents for the approved quantities, then mark done."""
        self.ensure_one()
        lines = self.line_ids.filtered(lambda line: line.approved_qty > 0)
        vals = {"state": "done"}
        if self.type in ("return", "exchange"):
            returns = self._create_return_pickings(lines)
            vals["return_picking_ids"] = [(4, pick.id) for pick in returns]
        if self.type == "exchange":
            replacements = self._create_replacement_pickings(lines)
            vals["replacement_picking_ids"] = [(4, pick.id) for pick in replacements]
        if self.type in ("return", "refund"):
            credit_note = self._create_credit_note(lines)
            vals["credit_note_ids"] = [(4, credit_note.id)]
        self.write(vals)
        self.message_post(
            body=self.env._("Return request executed."),
            subtype_xmlid="mail.mt_note",
        )

    def _get_return_move_quantities(self, lines):
        """Spread the approved quantity of each line over the delivered moves
        of its sale line, oldest first, minus what was already returned."""
        per_picking = {}
        for line in lines:
            remaining = line.approved_qty
            outgoing, _incoming = line.sale_line_id._get_outgoing_incoming_moves()
            for move in outgoing.filtered(lambda m: m.state == "done").sorted("id"):
                if remaining <= 0:
                    break
                returned = sum(
                    move.returned_move_ids.filtered(lambda m: m.state != "cancel").mapped(
                        "product_uom_qty"
                    )
                )
                available = move.product_uom._compute_quantity(
                    move.quantity - returned, line.sale_line_id.product_uom_id
                )
                qty = min(available, remaining)
                if qty <= 0:
                    continue
                per_picking.setdefault(move.picking_id, {})[move] = (
                    line.sale_line_id.product_uom_id._compute_quantity(qty, move.product_uom)
                )
                remaining -= qty
            if line.sale_line_id.product_uom_id.compare(remaining, 0) > 0:
                raise UserError(
                    self.env._(
                        "Only part of %(product)s can be taken back: %(missing)s "
                        "more than the delivered quantity not yet returned.",
                        product=line.product_id.display_name,
                        missing=remaining,
                    )
                )
        return per_picking

    def _create_return_pickings(self, lines):
        # Salespeople have no inventory rights; the approved request is the
        # authorisation, so the warehouse documents are made as superuser.
        returns = self.env["stock.picking"]
        for picking, quantities in self._get_return_move_quantities(lines).items():
            wizard = (
                self.env["stock.return.picking"]
                .sudo()
                .with_context(active_id=picking.id, active_model="stock.picking")
                .create({"picking_id": picking.id})
            )
            for return_line in wizard.product_return_moves:
                return_line.quantity = quantities.get(return_line.move_id, 0.0)
            returns |= wizard._create_return()
        return returns.sudo(False)

    def _create_replacement_pickings(self, lines):
        # Same reason as for the return receipts: made as superuser.
        order = self.sale_order_id.sudo()
        before = order.picking_ids
        procurements = []
        for line in lines:
            sale_line = line.sale_line_id.sudo()
            values = sale_line._prepare_procurement_values()
            procurements.append(
                self.env["stock.rule"].Procurement(
                    sale_line.product_id,
                    line.approved_qty,
                    sale_line.product_uom_id,
                    order.partner_shipping_id.property_stock_customer,
                    sale_line.product_id.display_name,
                    order.name,
                    order.company_id,
                    values,
                )
            )
        self.env["stock.rule"].sudo().run(procurements)
        order.invalidate_recordset(["picking_ids"])
        replacements = (order.picking_ids - before).filtered(
            lambda p: p.picking_type_code == "outgoing"
        )
        if not replacements:
            raise UserError(
                self.env._(
                    "No replacement delivery could be created for %(order)s.",
                    order=order.name,
                )
            )
        return replacements.sudo(False)

    def _create_credit_note(self, lines):
        # Salespeople have no accounting rights, yet an approved return or
        # refund must produce its draft credit note for finance to post: the
        # note is created as superuser and stays linked to the request.
        order = self.sale_order_id.sudo()
        invoice_vals = order._prepare_invoice()
        invoice_vals.update(
            move_type="out_refund",
            invoice_origin=self.name,
            ref=self.env._("%(request)s (%(order)s)", request=self.name, order=order.name),
            invoice_line_ids=[
                (
                    0,
                    0,
                    line.sale_line_id.sudo()._prepare_invoice_line(quantity=line.approved_qty),
                )
                for line in lines
            ],
        )
        return (
            self.env["account.move"]
            .sudo()
            .with_context(default_move_type="out_refund")
            .create(invoice_vals)
            .sudo(False)
        )
