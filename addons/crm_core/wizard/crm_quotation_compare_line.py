from odoo import fields, models


class CrmQuotationCompareLine(models.TransientModel):
    _name = "crm.quotation.compare.line"
    _description = "Quotation Version Difference"
    _order = "id"

    compare_id = fields.Many2one("crm.quotation.compare", required=True, ondelete="cascade")
    change = fields.Selection(
        [("added", "Added"), ("removed", "Removed"), ("changed", "Changed")],
        required=True,
    )
    product_id = fields.Many2one("product.product", string="Product")
    name = fields.Text(string="Description")
    old_qty = fields.Float(string="Old Quantity", digits="Product Unit")
    new_qty = fields.Float(string="New Quantity", digits="Product Unit")
    old_price_unit = fields.Float(string="Old Unit Price", digits="Product Price")
    new_price_unit = fields.Float(string="New Unit Price", digits="Product Price")
    old_discount = fields.Float(string="Old Discount (%)", digits="Discount")
    new_discount = fields.Float(string="New Discount (%)", digits="Discount")
