from odoo import models


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "crm.expense.document"]

    def _crm_expense_defaults(self):
        return {
            **super()._crm_expense_defaults(),
            "partner_id": self.partner_id.commercial_partner_id.id,
            "lead_id": self.opportunity_id.id,
            "campaign_id": self.campaign_id.id,
        }
