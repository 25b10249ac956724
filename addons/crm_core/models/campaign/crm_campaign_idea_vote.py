from odoo import fields, models


class CrmCampaignIdeaVote(models.Model):
    """One partner's vote for an idea; the unique index makes a second vote impossible
    even when two requests race."""

    _name = "crm.campaign.idea.vote"
    _description = "Campaign Idea Vote"
    _order = "id desc"

    idea_id = fields.Many2one("crm.campaign.idea", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="idea_id.company_id", store=True)

    _idea_partner_uniq = models.UniqueIndex(
        "(idea_id, partner_id)", "This partner already voted for this idea."
    )
