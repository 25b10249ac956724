from odoo import models


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.expense.document"]

    def _crm_expense_defaults(self):
        return {
            **super()._crm_expense_defaults(),
            "partner_id": self.partner_id.commercial_partner_id.id,
            "lead_id": self.id,
            "campaign_id": self.campaign_id.id,
        }
