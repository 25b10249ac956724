from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmLead(models.Model):
    _inherit = "crm.lead"

    lost_competitor_id = fields.Many2one(
        "crm.competitor",
        string="Lost To",
        index=True,
        tracking=True,
        copy=False,
        check_company=True,
        help="The competitor who won the deal when the opportunity was lost.",
    )
    competition_ids = fields.One2many(
        "crm.lead.competition", "lead_id", string="Competitors", copy=False
    )

    @api.constrains("lost_reason_id", "lost_competitor_id")
    def _check_lost_competitor(self):
        for lead in self:
            if lead.lost_reason_id.is_competitor and not lead.lost_competitor_id:
                raise ValidationError(
                    self.env._(
                        "Opportunity %(lead)s was lost for the reason %(reason)s: say which"
                        " competitor it was lost to.",
                        lead=lead.name,
                        reason=lead.lost_reason_id.name,
                    )
                )

    def _handle_won_lost(self, old_status_by_lead, new_status_by_lead):
        res = super()._handle_won_lost(old_status_by_lead, new_status_by_lead)
        self._sync_competition_outcome(old_status_by_lead, new_status_by_lead)
        return res

    def _sync_competition_outcome(self, old_status_by_lead, new_status_by_lead):
        """Close the competitions of won / lost opportunities and reopen those of
        restored ones; the competitor a lead was lost to becomes the winner."""
        pending = {"is_won": False, "is_lost": False}
        won, lost, reopened = self.browse(), self.browse(), self.browse()
        for lead in self:
            old = old_status_by_lead.get(lead.id, pending)
            new = new_status_by_lead.get(lead.id, pending)
            if new == old:
                continue
            if new["is_won"]:
                won |= lead
            elif new["is_lost"]:
                lost |= lead
            else:
                reopened |= lead
        if not (won or lost or reopened):
            return
        Competition = self.env["crm.lead.competition"]
        competitions = Competition.search([("lead_id", "in", (won | lost | reopened).ids)])
        competitions.filtered(lambda c: c.lead_id in won).write(
            {"outcome": "won", "is_winner": False}
        )
        lost_competitions = competitions.filtered(lambda c: c.lead_id in lost)
        winners = lost_competitions.filtered(
            lambda c: c.competitor_id == c.lead_id.lost_competitor_id
        )
        (lost_competitions - winners).write({"outcome": "lost", "is_winner": False})
        winners.write({"outcome": "lost", "is_winner": True})
        Competition.create(
            [
                {
                    "lead_id": lead.id,
                    "competitor_id": lead.lost_competitor_id.id,
                    "outcome": "lost",
                    "is_winner": True,
                }
                for lead in lost.filtered("lost_competitor_id")
                if lead.lost_competitor_id
                not in winners.filtered(lambda c, lead=lead: c.lead_id == lead).competitor_id
            ]
        )
        competitions.filtered(lambda c: c.lead_id in reopened).write(
            {"outcome": "open", "is_winner": False}
        )
        # A reopened opportunity was lost to nobody (Odoo clears its lost reason too).
        reopened.filtered("lost_competitor_id").write(
            {"lost_competitor_id": False, "lost_reason_id": False}
        )
