from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CrmLoanLine(models.Model):
    _name = "crm.loan.line"
    _description = "Loan Line"
    _order = "loan_id, sequence, id"
    _check_company_auto = True

    loan_id = fields.Many2one("crm.loan", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="loan_id.company_id", store=True, index=True)
    state = fields.Selection(related="loan_id.state")
    product_id = fields.Many2one(
        "product.product",
        required=True,
        check_company=True,
        domain="[('is_storable', '=', True)]",
        index=True,
    )
    tracking = fields.Selection(related="product_id.tracking")
    product_uom_id = fields.Many2one(
        "uom.uom",
        string="Unit",
        compute="_compute_product_uom_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    product_uom_qty = fields.Float(
        string="Quantity", required=True, default=1.0, digits="Product Unit"
    )
    lot_ids = fields.Many2many(
        "stock.lot",
        string="Serial Numbers",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
        help="The units lent, for products tracked by serial or lot.",
    )
    loaned_qty = fields.Float(
        string="Loaned", readonly=True, copy=False, digits="Product Unit", default=0.0
    )
    return_line_ids = fields.One2many("crm.loan.return.line", "loan_line_id")
    conversion_line_ids = fields.One2many("crm.loan.conversion.line", "loan_line_id")
    returned_qty = fields.Float(
        string="Returned", compute="_compute_quantities", store=True, digits="Product Unit"
    )
    converted_qty = fields.Float(
        string="Converted", compute="_compute_quantities", store=True, digits="Product Unit"
    )
    outstanding_qty = fields.Float(
        string="Outstanding", compute="_compute_quantities", store=True, digits="Product Unit"
    )
    outstanding_lot_ids = fields.Many2many(
        "stock.lot", string="Outstanding Serials", compute="_compute_outstanding_lot_ids"
    )

    _quantity_positive = models.Constraint(
        "CHECK(product_uom_qty > 0)", "The quantity of a loan line must be positive."
    )

    @api.constrains("product_id", "product_uom_qty", "lot_ids")
    def _check_lots_match(self):
        for line in self:
            if line.lot_ids.product_id - line.product_id:
                raise ValidationError(
                    self.env._(
                        "Loan %(loan)s: the serial numbers %(lots)s are not of %(product)s.",
                        loan=line.loan_id.name,
                        lots=", ".join(line.lot_ids.mapped("name")),
                        product=line.product_id.display_name,
                    )
                )

    @api.depends("product_id")
    def _compute_product_uom_id(self):
        for line in self:
            line.product_uom_id = line.product_id.uom_id

    @api.depends(
        "loaned_qty",
        "return_line_ids.quantity",
        "return_line_ids.state",
        "conversion_line_ids.quantity",
        "conversion_line_ids.state",
    )
    def _compute_quantities(self):
        for line in self:
            line.returned_qty = sum(
                line.return_line_ids.filtered(lambda r: r.state == "done").mapped("quantity")
            )
            line.converted_qty = sum(
                line.conversion_line_ids.filtered(lambda c: c.state == "done").mapped("quantity")
            )
            line.outstanding_qty = line.loaned_qty - line.returned_qty - line.converted_qty

    @api.depends("lot_ids", "return_line_ids.lot_ids", "conversion_line_ids.lot_ids")
    def _compute_outstanding_lot_ids(self):
        for line in self:
            if line.tracking == "serial":
                settled = line.env["stock.lot"].union(
                    *(
                        settle.lot_ids
                        for settle in (*line.return_line_ids, *line.conversion_line_ids)
                        if settle.state == "done"
                    )
                )
                line.outstanding_lot_ids = line.lot_ids - settled
            else:
                line.outstanding_lot_ids = line.lot_ids if line.outstanding_qty > 0 else False

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.loan_id._ensure_lines_editable()
        return lines

    def write(self, vals):
        if set(vals) - {"sequence"}:
            self.loan_id._ensure_lines_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_loan_not_draft(self):
        self.loan_id._ensure_lines_editable()

    def _check_serials(self):
        """Serial-tracked units are named before the loan is approved: the
        approver sees which units leave."""
        for line in self:
            if line.tracking == "serial" and len(line.lot_ids) != line.product_uom_qty:
                raise UserError(
                    self.env._(
                        "Loan %(loan)s: %(product)s is tracked by serial number; name "
                        "%(qty)s serial numbers (%(count)s given).",
                        loan=line.loan_id.name,
                        product=line.product_id.display_name,
                        qty=int(line.product_uom_qty),
                        count=len(line.lot_ids),
                    )
                )
            if line.tracking == "lot" and len(line.lot_ids) != 1:
                raise UserError(
                    self.env._(
                        "Loan %(loan)s: %(product)s is tracked by lot; name the one lot lent.",
                        loan=line.loan_id.name,
                        product=line.product_id.display_name,
                    )
                )

    def _check_settle(self, quantity, lots, what):
        """Refuse settling more than is outstanding, or a serial not on the loan.
        ``what`` names the document (return, conversion) in the message."""
        self.ensure_one()
        if quantity <= 0:
            raise UserError(
                self.env._(
                    "%(what)s of loan %(loan)s: the quantity of %(product)s must be positive.",
                    what=what,
                    loan=self.loan_id.name,
                    product=self.product_id.display_name,
                )
            )
        if self.product_uom_id.compare(quantity, self.outstanding_qty) > 0:
            raise UserError(
                self.env._(
                    "%(what)s of loan %(loan)s: %(qty)s %(product)s is more than the "
                    "%(outstanding)s still outstanding.",
                    what=what,
                    loan=self.loan_id.name,
                    qty=quantity,
                    product=self.product_id.display_name,
                    outstanding=self.outstanding_qty,
                )
            )
        if self.tracking in ("serial", "lot"):
            foreign = lots - self.outstanding_lot_ids
            if foreign:
                raise UserError(
                    self.env._(
                        "%(what)s of loan %(loan)s: serial number %(lots)s of %(product)s "
                        "is not out on this loan.",
                        what=what,
                        loan=self.loan_id.name,
                        lots=", ".join(foreign.mapped("name")),
                        product=self.product_id.display_name,
                    )
                )
            if self.tracking == "serial" and len(lots) != quantity:
                raise UserError(
                    self.env._(
                        "%(what)s of loan %(loan)s: name %(qty)s serial numbers of "
                        "%(product)s (%(count)s given).",
                        what=what,
                        loan=self.loan_id.name,
                        qty=int(quantity),
                        product=self.product_id.display_name,
                        count=len(lots),
                    )
                )
