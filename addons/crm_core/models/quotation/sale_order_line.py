from odoo import api, models
from odoo.exceptions import UserError


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_version_frozen(self):
        self._quotation_check_lines_frozen()

    def _quotation_check_lines_frozen(self, orders=None):
        """Hook of the base ``create`` / ``write``: the lines of a saved
        (superseded or obsolete) version never change."""
        # Snapshot versions are copied with the context key set.
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
