from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class CrmLoan(models.Model):
    """The loan's stock side: shipment, and the one way every return and
    conversion moves goods (``_crm_loan_transfer``)."""

    _inherit = "crm.loan"

    def action_ship(self):
        """Create the delivery from the warehouse to the customer's loan location.
        The warehouse validates it; the loan is on loan from then on."""
        for loan in self:
            if loan.state != "approved":
                raise UserError(
                    self.env._(
                        "Loan %(name)s cannot be shipped: it is not approved.", name=loan.name
                    )
                )
            if loan._open_shipments():
                raise UserError(
                    self.env._("Loan %(name)s already has a delivery to ship.", name=loan.name)
                )
        pickings = self.env["stock.picking"]
        for loan in self:
            loan.location_id = loan.company_id._crm_loan_partner_location(loan.partner_id)
            picking = loan._crm_loan_new_picking(
                loan.warehouse_id._crm_loan_picking_types()[0],
                loan.warehouse_id.lot_stock_id,
                loan.location_id,
                [(line, line.product_uom_qty, line.lot_ids) for line in loan.line_ids],
                kind="ship",
            )
            picking.action_assign()
            loan._crm_loan_set_move_lines(picking, only_with_lots=True)
            pickings |= picking
        if len(pickings) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "stock.picking",
                "res_id": pickings.id,
                "views": [(False, "form")],
            }
        return True

    def _open_shipments(self):
        return self.picking_ids.filtered(
            lambda p: p.crm_loan_kind == "ship" and p.state not in ("done", "cancel")
        )

    def _crm_loan_shipment_done(self, pickings):
        """The warehouse validated a delivery of these loans: what left is loaned."""
        for loan in self:
            moves = pickings.move_ids.filtered(
                lambda m, loan=loan: m.state == "done" and m.crm_loan_line_id.loan_id == loan
            )
            for line in loan.line_ids:
                line_moves = moves.filtered(lambda m, line=line: m.crm_loan_line_id == line)
                if not line_moves:
                    continue
                line.sudo().write(
                    {
                        "loaned_qty": line.loaned_qty + sum(line_moves.mapped("quantity")),
                        "lot_ids": [(6, 0, (line.lot_ids | line_moves.move_line_ids.lot_id).ids)],
                    }
                )
            if loan.state == "approved":
                loan.write({"state": "shipped", "ship_date": fields.Datetime.now()})
                loan.message_post(
                    body=self.env._(
                        "Shipped to %(partner)s: %(qty)s units now on loan.",
                        partner=loan.partner_id.display_name,
                        qty=loan.loaned_qty,
                    )
                )

    def _crm_loan_lock_lines(self, lines):
        """Lock the loan lines against a simultaneous return or conversion, then
        read their quantities afresh from the database. A line locked by another
        transaction is refused rather than waited for."""
        if not lines:
            return
        self.env.flush_all()
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM crm_loan_line WHERE id IN %s FOR UPDATE NOWAIT",
                        tuple(lines.ids),
                    ),
                    # a refused lock is a message to the user, not a server error
                    log_exceptions=False,
                )
        except Exception as error:
            if getattr(error, "pgcode", None) != "55P03":  # lock_not_available
                raise
            raise UserError(
                self.env._(
                    "Loan %(name)s is being returned or converted by someone else right "
                    "now. Reload it and try again.",
                    name=", ".join(lines.loan_id.mapped("name")),
                )
            ) from error
        lines.invalidate_recordset()
        lines.loan_id.invalidate_recordset()

    def _crm_loan_new_picking(self, picking_type, source, destination, moves, kind, partner=None):
        """A confirmed transfer of this loan; ``moves`` is a list of
        ``(loan line, quantity, lots)``."""
        self.ensure_one()
        picking = (
            self.env["stock.picking"]
            .sudo()
            .create(
                {
                    "picking_type_id": picking_type.id,
                    "location_id": source.id,
                    "location_dest_id": destination.id,
                    "partner_id": (partner or self.partner_id).id,
                    "origin": self.name,
                    "crm_loan_id": self.id,
                    "crm_loan_kind": kind,
                    "company_id": self.company_id.id,
                    "move_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": line.product_id.id,
                                "product_uom_qty": qty,
                                "product_uom": line.product_uom_id.id,
                                "location_id": source.id,
                                "location_dest_id": destination.id,
                                "crm_loan_line_id": line.id,
                                "crm_loan_lot_ids": [(6, 0, lots.ids)],
                            },
                        )
                        for line, qty, lots in moves
                        if qty > 0
                    ],
                }
            )
        )
        picking.action_confirm()
        return picking.with_env(self.env)

    def _crm_loan_set_move_lines(self, picking, only_with_lots=False):
        """Make the transfer move exactly the loan's units: one line per serial
        (or lot) named on the move, or the whole quantity for untracked goods."""
        picking = picking.sudo()
        vals_list = []
        for move in picking.move_ids:
            lots = move.crm_loan_lot_ids
            if only_with_lots and not lots:
                continue
            move.move_line_ids.unlink()
            base = {
                "move_id": move.id,
                "picking_id": picking.id,
                "product_id": move.product_id.id,
                "product_uom_id": move.product_uom.id,
                "location_id": move.location_id.id,
                "location_dest_id": move.location_dest_id.id,
                "picked": True,
            }
            if move.product_id.tracking == "serial":
                vals_list += [dict(base, lot_id=lot.id, quantity=1) for lot in lots]
            else:
                vals_list.append(dict(base, lot_id=lots[:1].id, quantity=move.product_uom_qty))
        self.env["stock.move.line"].sudo().create(vals_list)
        if not only_with_lots:
            picking.move_ids.picked = True

    def _crm_loan_transfer(self, source, destination, moves, kind, partner=None, picking_type=None):
        """Move loaned units now, as a validated transfer: they are already where
        the document says (at the customer, back in our hands)."""
        self.ensure_one()
        picking = self._crm_loan_new_picking(
            picking_type or self.warehouse_id._crm_loan_picking_types()[0],
            source,
            destination,
            moves,
            kind,
            partner=partner,
        )
        self._crm_loan_set_move_lines(picking)
        picking.sudo().with_context(cancel_backorder=True)._action_done()
        if picking.state != "done":
            raise UserError(
                self.env._(
                    "The transfer %(picking)s of loan %(name)s could not be completed.",
                    picking=picking.name,
                    name=self.name,
                )
            )
        return picking
