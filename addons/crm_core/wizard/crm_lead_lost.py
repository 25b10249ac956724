from odoo import fields, models
from odoo.exceptions import UserError


class CrmLeadLost(models.TransientModel):
    _inherit = "crm.lead.lost"

    is_competitor = fields.Boolean(related="lost_reason_id.is_competitor")
    lost_competitor_id = fields.Many2one("crm.competitor", string="Lost To")

    def action_lost_reason_apply(self):
        self.ensure_one()
        if self.lost_reason_id.is_competitor and not self.lost_competitor_id:
            raise UserError(
                self.env._(
                    "The lost reason %(reason)s means a competitor won: choose the competitor"
                    " the opportunity was lost to.",
                    reason=self.lost_reason_id.name,
                )
            )
        companies = self.lead_ids.company_id
        if self.lost_competitor_id and companies - self.lost_competitor_id.company_id:
            raise UserError(
                self.env._(
                    "Competitor %(competitor)s belongs to another company than the"
                    " opportunities being marked lost.",
                    competitor=self.lost_competitor_id.name,
                )
            )
        # Written before the loss so that the competitions of the leads see the winner
        # when Odoo marks them lost (crm.lead._handle_won_lost).
        self.lead_ids.lost_competitor_id = self.lost_competitor_id
        return super().action_lost_reason_apply()
