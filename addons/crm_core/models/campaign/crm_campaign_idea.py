from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class CrmCampaignIdea(models.Model):
    """An idea submitted to a campaign's idea contest (a survey of kind idea):
    participants submit while the contest is open, others vote once each and never on
    their own idea, and the organiser picks winners once it is closed. Portal users
    reach these through the checked methods below, never by writing records."""

    _name = "crm.campaign.idea"
    _description = "Campaign Idea"
    _order = "vote_count desc, id"
    _check_company_auto = True

    name = fields.Char(string="Idea", required=True)
    description = fields.Text()
    survey_id = fields.Many2one(
        "survey.survey",
        string="Idea Contest",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("crm_kind", "=", "idea")],
    )
    campaign_id = fields.Many2one(
        related="survey_id.campaign_id", store=True, string="Campaign", index=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    contest_state = fields.Selection(related="survey_id.crm_contest_state", string="Contest")
    partner_id = fields.Many2one(
        "res.partner",
        string="Submitted By",
        required=True,
        index=True,
        default=lambda self: self.env.user.partner_id,
    )
    vote_ids = fields.One2many("crm.campaign.idea.vote", "idea_id", string="Votes")
    vote_count = fields.Integer(compute="_compute_vote_count", store=True, string="Vote Count")
    is_winner = fields.Boolean(string="Winner", readonly=True, index=True)

    @api.depends("vote_ids")
    def _compute_vote_count(self):
        counts = dict(
            self.env["crm.campaign.idea.vote"]
            .sudo()
            ._read_group([("idea_id", "in", self.ids)], ["idea_id"], ["__count"])
        )
        for idea in self:
            idea.vote_count = counts.get(idea, 0)

    @api.model_create_multi
    def create(self, vals_list):
        ideas = super().create(vals_list)
        closed = ideas.filtered(lambda idea: idea.survey_id.crm_contest_state != "open")
        if closed:
            raise UserError(
                self.env._(
                    "The idea contest %(contest)s is closed: no more ideas.",
                    contest=closed[0].survey_id.title,
                )
            )
        return ideas

    @api.model
    def crm_submit_idea(self, survey_id, name, description=""):
        """A participant's idea: the caller must be a member of the contest's campaign
        (or an employee), the contest open and the idea named."""
        survey = self.env["survey.survey"].sudo().browse(int(survey_id)).exists()
        if not survey or survey.crm_kind != "idea" or not survey.campaign_id:
            raise UserError(self.env._("There is no such idea contest."))
        name = (name or "").strip()
        if not name:
            raise UserError(self.env._("Give your idea a title."))
        if len(name) > 200:
            raise UserError(self.env._("An idea's title has at most 200 characters."))
        partner = self.env.user.partner_id
        if not self.env.user._is_internal():
            survey._crm_ensure_participant(partner)
        idea = (
            self.sudo()
            .with_company(survey.campaign_id.company_id or self.env.company)
            .create(
                {
                    "survey_id": survey.id,
                    "name": name,
                    "description": (description or "").strip(),
                    "partner_id": partner.id,
                }
            )
        )
        return idea.id

    def action_vote(self):
        """One vote of the current user's partner, checked: the contest open, not
        their own idea, not twice. Portal members may call it on ideas they can read."""
        self.ensure_one()
        self.check_access("read")
        partner = self.env.user.partner_id
        if self.survey_id.crm_contest_state != "open":
            raise UserError(
                self.env._(
                    "The idea contest %(contest)s is closed: votes are no longer taken.",
                    contest=self.survey_id.title,
                )
            )
        if self.partner_id.commercial_partner_id == partner.commercial_partner_id:
            raise UserError(
                self.env._("You cannot vote for your own idea %(idea)s.", idea=self.name)
            )
        if not self.env.user._is_internal():
            self.survey_id.sudo()._crm_ensure_participant(partner)
        Vote = self.env["crm.campaign.idea.vote"].sudo()
        if Vote.search_count([("idea_id", "=", self.id), ("partner_id", "=", partner.id)]):
            raise UserError(self.env._("You already voted for the idea %(idea)s.", idea=self.name))
        Vote.create({"idea_id": self.id, "partner_id": partner.id})
        return True

    def action_mark_winner(self):
        self._ensure_can_pick_winners()
        still_open = self.filtered(lambda idea: idea.survey_id.crm_contest_state != "closed")
        if still_open:
            raise UserError(
                self.env._(
                    "Close the idea contest %(contest)s before picking its winners.",
                    contest=still_open[0].survey_id.title,
                )
            )
        self.write({"is_winner": True})

    def action_unmark_winner(self):
        self._ensure_can_pick_winners()
        self.write({"is_winner": False})

    def _ensure_can_pick_winners(self):
        if not self.env.user.has_group("crm_core.group_crm_campaign_user"):
            raise AccessError(self.env._("Only marketing staff pick the winning ideas."))
