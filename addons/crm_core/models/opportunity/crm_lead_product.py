from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmLeadProduct(models.Model):
    _name = "crm.lead.product"
    _description = "Opportunity Product Line"
    _order = "lead_id, sequence, id"
    _check_company_auto = True

    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    # Access follows the opportunity: its owner, team and company.
    user_id = fields.Many2one(related="lead_id.user_id", store=True, index="btree_not_null")
    team_id = fields.Many2one(related="lead_id.team_id", store=True, index="btree_not_null")
    company_id = fields.Many2one(related="lead_id.company_id", store=True, index=True)
    product_id = fields.Many2one(
        "product.product",
        string="Product",
        required=True,
        check_company=True,
        domain=[("sale_ok", "=", True)],
        ondelete="restrict",
    )
    name = fields.Text(string="Description", compute="_compute_name", store=True, readonly=False)
    product_uom_qty = fields.Float(string="Quantity", digits="Product Unit", default=1.0)
    product_uom_id = fields.Many2one(
        "uom.uom",
        string="Unit",
        compute="_compute_product_uom_id",
        store=True,
        readonly=False,
        ondelete="restrict",
    )
    pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Pricelist",
        compute="_compute_pricelist_id",
        store=True,
        help="The customer's pricelist, else the salesperson's, else the company default.",
    )
    currency_id = fields.Many2one(
        "res.currency", compute="_compute_currency_id", store=True, string="Currency"
    )
    price_unit = fields.Float(
        string="Unit Price",
        digits="Product Price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
    )
    discount = fields.Float(string="Discount (%)", digits="Discount")
    price_subtotal = fields.Monetary(
        string="Subtotal",
        compute="_compute_price_subtotal",
        store=True,
        currency_field="currency_id",
        aggregator="sum",
    )

    _qty_positive = models.Constraint(
        "CHECK(product_uom_qty > 0)", "The quantity of a product line must be positive."
    )
    _discount_range = models.Constraint(
        "CHECK(discount >= 0 AND discount <= 100)",
        "The discount of a product line must be between 0 and 100%.",
    )

    @api.depends("product_id")
    def _compute_name(self):
        for line in self:
            line.name = line.product_id.get_product_multiline_description_sale()

    @api.depends("product_id")
    def _compute_product_uom_id(self):
        for line in self:
            if not line.product_uom_id or line.product_uom_id != line.product_id.uom_id:
                line.product_uom_id = line.product_id.uom_id

    @api.depends("lead_id.partner_id", "lead_id.user_id", "lead_id.company_id")
    def _compute_pricelist_id(self):
        for line in self:
            line.pricelist_id = line.lead_id._crm_get_pricelist()

    @api.depends("pricelist_id", "lead_id.company_id")
    def _compute_currency_id(self):
        for line in self:
            line.currency_id = (
                line.pricelist_id.currency_id
                or (line.lead_id.company_id or self.env.company).currency_id
            )

    @api.depends("product_id", "product_uom_qty", "product_uom_id", "pricelist_id")
    def _compute_price_unit(self):
        today = fields.Date.context_today(self)
        for line in self:
            product = line.product_id
            if not product:
                line.price_unit = 0.0
                continue
            company = line.lead_id.company_id or self.env.company
            product = product.with_company(company)
            uom = line.product_uom_id or product.uom_id
            if line.pricelist_id:
                # Odoo's rules (customer, category, volume) decide the price.
                line.price_unit = line.pricelist_id._get_product_price(
                    product,
                    line.product_uom_qty or 1.0,
                    currency=line.currency_id,
                    uom=uom,
                    date=today,
                )
            else:
                price = product.uom_id._compute_price(product.lst_price, uom)
                line.price_unit = product.currency_id._convert(
                    price, line.currency_id or company.currency_id, company, today
                )

    @api.depends("product_uom_qty", "price_unit", "discount", "currency_id")
    def _compute_price_subtotal(self):
        for line in self:
            subtotal = line.product_uom_qty * line.price_unit * (1 - (line.discount or 0.0) / 100)
            line.price_subtotal = line.currency_id.round(subtotal) if line.currency_id else subtotal

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_quantity_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_quantity_vals(vals)
        return super().write(vals)

    @api.model
    def _check_quantity_vals(self, vals):
        # A clear message before the database constraint refuses the row.
        if "product_uom_qty" in vals and (vals["product_uom_qty"] or 0.0) <= 0:
            product = self.env["product.product"].browse(vals.get("product_id"))
            raise ValidationError(
                self.env._(
                    "The quantity of %(product)s must be positive, not %(qty)s.",
                    product=product.display_name or self.product_id[:1].display_name,
                    qty=vals["product_uom_qty"],
                )
            )

    def action_crm_stock_lookup(self):
        self.ensure_one()
        return self.product_id.action_crm_stock_lookup()

    def _prepare_sale_order_line(self):
        self.ensure_one()
        return {
            "sequence": self.sequence,
            "product_id": self.product_id.id,
            "name": self.name,
            "product_uom_qty": self.product_uom_qty,
            "product_uom_id": self.product_uom_id.id,
            "price_unit": self.price_unit,
            "discount": self.discount,
        }
