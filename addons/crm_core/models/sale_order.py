from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        res = super().action_confirm()
        # A first confirmed order makes a prospect a customer with a deal.
        customers = self.partner_id.commercial_partner_id.filtered(
            lambda p: p.lifecycle_stage in ("potential", "intention")
        )
        if customers:
            customers.sudo().write({"lifecycle_stage": "deal"})
        return res
