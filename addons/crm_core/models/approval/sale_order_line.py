from odoo import models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    def _approval_lines_raising_discount(self, vals):
        """Hook of the base ``write``: the lines whose discount ``vals`` raises
        while their quotation has an approval request. An approval covers the
        discounts it was asked for: raising one afterwards sends the quotation
        back through the discount authority check (the base write then calls
        ``_crm_reset_discount_approval`` on their orders)."""
        if "discount" not in vals:
            return self.browse()
        return self.filtered(
            lambda line: (
                (vals["discount"] or 0.0) > line.discount
                and line.order_id.review_ids
                and line.order_id.state in ("draft", "sent")
            )
        )
