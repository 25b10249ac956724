from odoo import models
from odoo.exceptions import UserError


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def action_crm_stock_lookup(self):
        self.ensure_one()
        if not self.product_id:
            raise UserError(self.env._("This line has no product to look up."))
        return self.product_id.action_crm_stock_lookup()
