from odoo import api, fields, models


class CrmServiceSettlementLine(models.Model):
    _name = "crm.service.settlement.line"
    _description = "Service Settlement Line"
    _order = "settlement_id, kind desc, id"
    _check_company_auto = True

    settlement_id = fields.Many2one(
        "crm.service.settlement", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="settlement_id.company_id", store=True)
    currency_id = fields.Many2one(related="settlement_id.currency_id")
    kind = fields.Selection([("part", "Part"), ("labour", "Labour")], required=True, default="part")
    part_move_id = fields.Many2one(
        "crm.service.part.move", string="Part Move", index="btree_not_null", ondelete="restrict"
    )
    product_id = fields.Many2one("product.product", required=True, check_company=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    quantity = fields.Float(default=1.0, digits="Product Unit", required=True)
    covered = fields.Boolean(
        string="Under Warranty",
        compute="_compute_covered",
        store=True,
        readonly=False,
        precompute=True,
    )
    name = fields.Char(
        string="Description", compute="_compute_name", store=True, readonly=False, precompute=True
    )
    list_price = fields.Float(
        string="Price",
        digits="Product Price",
        compute="_compute_list_price",
        store=True,
        help="The unit price from the customer's pricelist.",
    )
    price_unit = fields.Float(
        string="Unit Price", digits="Product Price", compute="_compute_price", store=True
    )
    price_subtotal = fields.Monetary(
        string="Subtotal", compute="_compute_price", store=True, currency_field="currency_id"
    )

    _quantity_positive = models.Constraint(
        "CHECK(quantity > 0)", "The quantity of a settlement line must be positive."
    )

    @api.depends("settlement_id.warranty_state")
    def _compute_covered(self):
        for line in self:
            line.covered = line.settlement_id.warranty_state == "in"

    @api.depends("product_id", "covered", "settlement_id.warranty_end_date")
    def _compute_name(self):
        for line in self:
            name = line.product_id.display_name or ""
            if line.covered:
                until = line.settlement_id.warranty_end_date
                reason = (
                    self.env._("Under warranty until %(date)s", date=fields.Date.to_string(until))
                    if until
                    else self.env._("Under warranty")
                )
                name = f"{name} ({reason})"
            line.name = name

    @api.depends("product_id", "quantity", "settlement_id.pricelist_id")
    def _compute_list_price(self):
        for line in self:
            pricelist = line.settlement_id.pricelist_id
            if not line.product_id:
                line.list_price = 0.0
            elif pricelist:
                line.list_price = pricelist._get_product_price(
                    line.product_id, line.quantity or 1.0, uom=line.product_id.uom_id
                )
            else:
                line.list_price = line.product_id.lst_price

    @api.depends("list_price", "quantity", "covered")
    def _compute_price(self):
        for line in self:
            line.price_unit = 0.0 if line.covered else line.list_price
            line.price_subtotal = line.price_unit * line.quantity

    def _sale_line_vals(self):
        return {
            "product_id": self.product_id.id,
            "name": self.name,
            "product_uom_qty": self.quantity,
            "product_uom_id": self.product_id.uom_id.id,
            "price_unit": self.price_unit,
        }
