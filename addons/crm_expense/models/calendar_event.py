from odoo import models


class CalendarEvent(models.Model):
    _name = "calendar.event"
    _inherit = ["calendar.event", "crm.expense.document"]

    def _crm_expense_defaults(self):
        lead = self.opportunity_id
        return {
            **super()._crm_expense_defaults(),
            "partner_id": lead.partner_id.commercial_partner_id.id,
            "lead_id": lead.id,
            "campaign_id": lead.campaign_id.id,
        }
