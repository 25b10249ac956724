from odoo import api, models


class SaleOrderLine(models.Model):
    """The one ``create`` and ``write`` of sale.order.line in crm_core, calling
    the hooks of quotation/sale_order_line.py (``_quotation_check_lines_frozen``)
    and approval/sale_order_line.py (``_approval_lines_raising_discount``)."""

    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        order_ids = {vals["order_id"] for vals in vals_list if vals.get("order_id")}
        self.browse()._quotation_check_lines_frozen(self.env["sale.order"].browse(order_ids))
        return super().create(vals_list)

    def write(self, vals):
        self._quotation_check_lines_frozen()
        raised = self._approval_lines_raising_discount(vals)
        result = super().write(vals)
        if raised:
            raised.order_id._crm_reset_discount_approval()
        return result
