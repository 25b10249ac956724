from odoo import models


class SaleOrder(models.Model):
    """The one ``write`` and ``action_confirm`` of sale.order in crm_core. The
    features do not override them: they implement the hooks called here.

    - quotation/sale_order.py: ``_quotation_check_frozen(vals)`` before a write,
      ``_quotation_before_confirm()`` before the confirmation (versions);
    - approval/sale_order.py: ``_approval_check_discount_authority()`` before the
      confirmation (discount approval);
    - below: ``_customer_promote_to_deal()`` after it (customer lifecycle).
    """

    _inherit = "sale.order"

    def write(self, vals):
        self._quotation_check_frozen(vals)
        return super().write(vals)

    def action_confirm(self):
        self._quotation_before_confirm()
        self._approval_check_discount_authority()
        res = super().action_confirm()
        self._customer_promote_to_deal()
        return res

    def _customer_promote_to_deal(self):
        """A first confirmed order makes a prospect a customer with a deal."""
        customers = self.partner_id.commercial_partner_id.filtered(
            lambda p: p.lifecycle_stage in ("potential", "intention")
        )
        if customers:
            customers.sudo().write({"lifecycle_stage": "deal"})
