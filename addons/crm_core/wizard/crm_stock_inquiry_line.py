from odoo import fields, models


class CrmStockInquiryLine(models.TransientModel):
    _name = "crm.stock.inquiry.line"
    _description = "Stock Inquiry per Warehouse"
    _order = "id"

    inquiry_id = fields.Many2one("crm.stock.inquiry", required=True, ondelete="cascade")
    product_id = fields.Many2one("product.product", readonly=True)
    warehouse_id = fields.Many2one("stock.warehouse", string="Warehouse", readonly=True)
    uom_id = fields.Many2one(related="product_id.uom_id")
    on_hand = fields.Float(string="On Hand", digits="Product Unit", readonly=True)
    forecast = fields.Float(string="Forecast", digits="Product Unit", readonly=True)
    free_qty = fields.Float(string="Free to Use", digits="Product Unit", readonly=True)
    next_incoming_date = fields.Datetime(string="Next Incoming", readonly=True)
