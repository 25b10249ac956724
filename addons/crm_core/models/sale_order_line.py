from odoo import api, models
from odoo.exceptions import UserError


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        order_ids = {vals["order_id"] for vals in vals_list if vals.get("order_id")}
        self.browse()._check_version_frozen(self.env["sale.order"].browse(order_ids))
        return super().create(vals_list)

    def write(self, vals):
        self._check_version_frozen()
        # An approval covers the discounts it was asked for: raising one afterwards
        # sends the quotation back through the discount authority check.
        raised = self.browse()
        if "discount" in vals:
            raised = self.filtered(
                lambda line: (
                    (vals["discount"] or 0.0) > line.discount
                    and line.order_id.review_ids
                    and line.order_id.state in ("draft", "sent")
                )
            )
        result = super().write(vals)
        if raised:
            raised.order_id._crm_reset_discount_approval()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_version_frozen(self):
        self._check_version_frozen()

    def action_crm_stock_lookup(self):
        self.ensure_one()
        if not self.product_id:
            raise UserError(self.env._("This line has no product to look up."))
        return self.product_id.action_crm_stock_lookup()

    def _check_version_frozen(self, orders=None):
        # Snapshot versions are copied with the context key set; otherwise the
        # lines of a saved (superseded or obsolete) version never change.
        if self.env.context.get("crm_version_write"):
            return
        orders = self.order_id if orders is None else orders
        frozen = orders.filtered(lambda o: o.version_state != "current")
        if frozen:
            raise UserError(
                self.env._(
                    "%(name)s is a read-only version of a quotation: its lines cannot change. "
                    "Edit the live quotation instead.",
                    name=frozen[0].name,
                )
            )
