from odoo import api, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # Price policy: without a pricelist of the customer's own, a new quotation uses
    # the salesperson's pricelist.
    @api.depends("user_id")
    def _compute_pricelist_id(self):
        result = super()._compute_pricelist_id()
        for order in self:
            if order.state != "draft" or not order.partner_id:
                continue
            company = order.company_id or self.env.company
            order.pricelist_id = (order.user_id or self.env.user)._crm_get_pricelist(
                order.partner_id, company
            )
        return result
