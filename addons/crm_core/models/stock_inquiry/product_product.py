from odoo import models
from odoo.exceptions import UserError


class ProductProduct(models.Model):
    _inherit = "product.product"

    def action_crm_stock_lookup(self):
        """Open the stock inquiry for this product (from an opportunity product
        line, a quotation line or anywhere else a product is at hand)."""
        self.ensure_one()
        if not self.is_storable:
            raise UserError(
                self.env._("%(product)s is not tracked in stock.", product=self.display_name)
            )
        inquiry = self.env["crm.stock.inquiry"].create({"product_id": self.id})
        return inquiry._get_action()
