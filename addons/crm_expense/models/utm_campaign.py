from odoo import models


class UtmCampaign(models.Model):
    _name = "utm.campaign"
    _inherit = ["utm.campaign", "crm.expense.document"]

    def _crm_expense_defaults(self):
        return {**super()._crm_expense_defaults(), "campaign_id": self.id}
