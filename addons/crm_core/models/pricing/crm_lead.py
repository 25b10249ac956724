from odoo import models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    def _crm_get_pricelist(self):
        self.ensure_one()
        company = self.company_id or self.env.company
        return (self.user_id or self.env.user)._crm_get_pricelist(self.partner_id, company)
