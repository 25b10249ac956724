from odoo import fields, models
from odoo.exceptions import UserError

CONVERSION_KINDS = [
    ("sale", "To Sale"),
    ("gift", "To Gift"),
    ("consume", "To Consumption"),
    ("reloan", "To Re-loan"),
]


class CrmLoanConversion(models.Model):
    """转换单: outstanding loaned units become a sale, a gift, a consumption or a
    loan to another customer, without coming back to the warehouse first."""

    _name = "crm.loan.conversion"
    _description = "Loan Conversion"
    _inherit = ["crm.loan.settle"]

    kind = fields.Selection(CONVERSION_KINDS, required=True, default="sale", tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.One2many("crm.loan.conversion.line", "conversion_id", string="Lines")
    # re-loan: the next customer and the new loan's clocks
    reloan_partner_id = fields.Many2one("res.partner", string="Re-loan To", check_company=True)
    reloan_contact_id = fields.Many2one(
        "res.partner", string="Re-loan Contact", domain="[('parent_id', '=', reloan_partner_id)]"
    )
    reloan_return_date = fields.Date(string="New Expected Return Date")
    reloan_feedback_date = fields.Date(string="New Expected Feedback Date")
    cost_amount = fields.Monetary(
        string="Cost",
        readonly=True,
        copy=False,
        currency_field="currency_id",
        help="The inventory cost of the units given away or consumed.",
    )
    sale_order_id = fields.Many2one("sale.order", readonly=True, copy=False)
    new_loan_id = fields.Many2one("crm.loan", string="New Loan", readonly=True, copy=False)

    def action_view_sale_order(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": self.sale_order_id.id,
            "views": [(False, "form")],
        }

    def action_view_new_loan(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.loan",
            "res_id": self.new_loan_id.id,
            "views": [(False, "form")],
        }

    def _confirm(self):
        what = self.env._("Conversion %(name)s", name=self.name)
        loan = self.loan_id
        if self.kind == "reloan" and not self.reloan_partner_id:
            raise UserError(
                self.env._("%(what)s: choose the customer the goods are re-loaned to.", what=what)
            )
        if self.kind == "reloan" and self.reloan_partner_id == loan.partner_id:
            raise UserError(
                self.env._(
                    "%(what)s: a re-loan goes to another customer than %(partner)s.",
                    what=what,
                    partner=loan.partner_id.display_name,
                )
            )
        lines = self._settle_lines(what)
        vals = getattr(self, f"_convert_{self.kind}")(lines)
        if self.kind in ("gift", "consume"):
            vals["cost_amount"] = sum(
                line.quantity * line.product_id.standard_price for line in lines
            )
        self.write(dict(vals, state="done"))
        loan._update_state_from_quantities()
        loan.message_post(
            body=self.env._(
                "%(what)s: %(qty)s units converted (%(kind)s).",
                what=what,
                qty=sum(lines.mapped("quantity")),
                kind=self._selection_label("kind"),
            )
        )
        if self.kind == "gift":
            self._crm_loan_gift_recorded()

    def _convert_gift(self, lines):
        loan = self.loan_id
        customers = self.env.ref("stock.stock_location_customers")
        return {
            "picking_id": loan._crm_loan_transfer(
                loan.location_id, customers, self._moves(lines), "gift"
            ).id
        }

    def _convert_consume(self, lines):
        loan = self.loan_id
        consumption = loan.company_id._crm_loan_locations()["consumption"]
        return {
            "picking_id": loan._crm_loan_transfer(
                loan.location_id, consumption, self._moves(lines), "consume"
            ).id
        }

    def _convert_reloan(self, lines):
        loan = self.loan_id
        new_loan = loan.create(
            {
                "loan_type": loan.loan_type,
                "partner_id": self.reloan_partner_id.id,
                "contact_id": self.reloan_contact_id.id,
                "user_id": loan.user_id.id,
                "team_id": loan.team_id.id,
                "company_id": loan.company_id.id,
                "warehouse_id": loan.warehouse_id.id,
                "purpose": loan.purpose,
                "origin_loan_id": loan.id,
                "expected_return_date": self.reloan_return_date,
                "expected_feedback_date": self.reloan_feedback_date,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": line.product_id.id,
                            "product_uom_qty": line.quantity,
                            "product_uom_id": line.loan_line_id.product_uom_id.id,
                            "lot_ids": [(6, 0, line.lot_ids.ids)],
                        },
                    )
                    for line in lines
                ],
            }
        )
        new_loan.location_id = new_loan.company_id._crm_loan_partner_location(new_loan.partner_id)
        picking = new_loan._crm_loan_transfer(
            loan.location_id,
            new_loan.location_id,
            [
                (new_line, new_line.product_uom_qty, new_line.lot_ids)
                for new_line in new_loan.line_ids
            ],
            "reloan",
        )
        # Approved by this conversion: the goods are already at the next customer.
        new_loan.with_context(skip_validation_check=True).sudo().write({"state": "approved"})
        new_loan.sudo()._crm_loan_shipment_done(picking)
        new_loan.message_post(body=self.env._("Re-loaned from %(loan)s.", loan=loan.name))
        return {"picking_id": picking.id, "new_loan_id": new_loan.id}

    def _convert_sale(self, lines):
        loan = self.loan_id
        order = self.env["sale.order"].create(
            {
                "partner_id": loan.partner_id.id,
                "user_id": loan.user_id.id,
                "team_id": loan.team_id.id,
                "company_id": loan.company_id.id,
                "warehouse_id": loan.warehouse_id.id,
                "origin": loan.name,
                "crm_loan_conversion_id": self.id,
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": line.product_id.id,
                            "product_uom_qty": line.quantity,
                            "product_uom_id": line.loan_line_id.product_uom_id.id,
                            "crm_loan_line_id": line.loan_line_id.id,
                        },
                    )
                    for line in lines
                ],
            }
        )
        order.action_confirm()
        if order.state != "sale":
            raise UserError(
                self.env._(
                    "The sales order %(order)s of %(what)s could not be confirmed.",
                    order=order.name,
                    what=self.name,
                )
            )
        return {"sale_order_id": order.id, "picking_id": self._deliver_from_loan(order, lines).id}

    def _deliver_from_loan(self, order, lines):
        """The customer already holds the goods: the order's delivery leaves from
        the loan location with the loaned serials and is done at once."""
        loan = self.loan_id
        lots = {line.loan_line_id.id: line.lot_ids for line in lines}
        moves = order.order_line.move_ids.filtered(lambda m: m.state not in ("done", "cancel"))
        final = moves.filtered(lambda m: m.location_dest_id.usage == "customer")
        # Multi-step deliveries: the picking steps inside the warehouse do not happen.
        (moves - final).sudo()._action_cancel()
        pickings = final.picking_id.sudo()
        pickings.do_unreserve()
        pickings.write(
            {"location_id": loan.location_id.id, "crm_loan_id": loan.id, "crm_loan_kind": "sale"}
        )
        for move in final.sudo():
            loan_line = move.sale_line_id.crm_loan_line_id
            move.write(
                {
                    "location_id": loan.location_id.id,
                    "crm_loan_line_id": loan_line.id,
                    "crm_loan_lot_ids": [(6, 0, lots.get(loan_line.id, loan_line.browse()).ids)],
                    "move_orig_ids": [(5, 0, 0)],
                }
            )
        for picking in pickings:
            loan._crm_loan_set_move_lines(picking)
        pickings.with_context(cancel_backorder=True)._action_done()
        return pickings[:1]

    def _crm_loan_gift_recorded(self):
        """Hook: the cost of a gift is recorded (crm_expense's bridge turns it into
        an expense request)."""
        return True
