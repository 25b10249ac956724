from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

CRM_KINDS = [
    ("market", "Market Survey"),
    ("quiz", "Quiz"),
    ("idea", "Idea Contest"),
    ("opinion", "Opinion Collection"),
    ("live", "Live Session"),
]

# What each kind sets when a survey of that kind is created, unless given. A market
# survey shows one question a page (its conditional questions are survey's
# triggering answers), a quiz is scored, a live session is Odoo's session mode.
KIND_DEFAULTS = {
    "market": {
        "survey_type": "survey",
        "questions_layout": "page_per_question",
        "scoring_type": "no_scoring",
        "users_login_required": True,
        "crm_one_answer_per_partner": True,
    },
    "quiz": {
        "survey_type": "custom",
        "scoring_type": "scoring_with_answers",
        "users_login_required": True,
    },
    "idea": {"survey_type": "survey", "scoring_type": "no_scoring", "users_login_required": True},
    "opinion": {
        "survey_type": "survey",
        "scoring_type": "no_scoring",
        "users_login_required": True,
    },
    "live": {
        "survey_type": "live_session",
        "access_mode": "public",
        "is_attempts_limited": False,
        "is_time_limited": False,
        "progression_mode": "percent",
        "questions_layout": "page_per_question",
        "questions_selection": "all",
        "scoring_type": "scoring_with_answers",
        "users_can_go_back": False,
    },
}


class SurveySurvey(models.Model):
    """Surveys a campaign carries: what kind of interaction they are, and whether a
    partner may answer only once."""

    _inherit = "survey.survey"

    campaign_id = fields.Many2one("utm.campaign", string="Campaign", index="btree_not_null")
    crm_kind = fields.Selection(CRM_KINDS, string="Campaign Survey Kind")
    crm_one_answer_per_partner = fields.Boolean(
        string="One Answer per Partner",
        help="A customer or contact who already answered cannot start a second answer.",
    )
    crm_contest_state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        string="Contest",
        default="open",
        help="Idea contests: ideas are submitted and voted on while open; winners are "
        "picked once closed.",
    )
    crm_idea_ids = fields.One2many("crm.campaign.idea", "survey_id", string="Ideas")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            kind = vals.get("crm_kind") or self.env.context.get("default_crm_kind")
            for key, value in KIND_DEFAULTS.get(kind, {}).items():
                vals.setdefault(key, value)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("crm_one_answer_per_partner"):
            self._crm_check_no_second_answers()
        return super().write(vals)

    @api.onchange("crm_kind")
    def _onchange_crm_kind(self):
        for survey in self:
            survey.update(KIND_DEFAULTS.get(survey.crm_kind, {}))

    def _crm_check_no_second_answers(self):
        """Switching the rule on where a partner already answered twice would leave it
        broken from the start: refuse, naming them."""
        twice = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [
                    ("survey_id", "in", self.ids),
                    ("partner_id", "!=", False),
                    ("test_entry", "=", False),
                ],
                ["survey_id", "partner_id"],
                having=[("__count", ">", 1)],
            )
        )
        if twice:
            raise ValidationError(
                self.env._(
                    "%(partner)s already answered survey %(survey)s more than once; "
                    "one answer per partner cannot be required.",
                    partner=twice[0][1].display_name,
                    survey=twice[0][0].title,
                )
            )

    def _check_answer_creation(
        self, user, partner, email, test_entry=False, check_attempts=True, invite_token=False
    ):
        # survey's controllers create answers through _create_answer, which calls this
        # first and shows its UserError as a page: the portal gets a clear refusal,
        # not a server error, and nothing is created.
        result = super()._check_answer_creation(
            user,
            partner,
            email,
            test_entry=test_entry,
            check_attempts=check_attempts,
            invite_token=invite_token,
        )
        partner = partner or (user and not user._is_public() and user.partner_id)
        if not test_entry and partner and self.crm_one_answer_per_partner:
            self.env["survey.user_input"]._crm_check_one_answer(
                [{"survey_id": self.id, "partner_id": partner.id}]
            )
        return result

    def _crm_ensure_participant(self, partner):
        """Portal participants are the campaign's members (or their contacts)."""
        self.ensure_one()
        member = (
            self.env["crm.campaign.member"]
            .sudo()
            .search_count(
                [
                    ("campaign_id", "=", self.campaign_id.id),
                    ("partner_id", "in", (partner | partner.commercial_partner_id).ids),
                ],
                limit=1,
            )
        )
        if not member:
            raise AccessError(
                self.env._(
                    "%(partner)s is not a member of the campaign %(campaign)s.",
                    partner=partner.display_name,
                    campaign=self.campaign_id.title,
                )
            )

    def action_crm_close_contest(self):
        if self.filtered(lambda s: s.crm_kind != "idea" or s.crm_contest_state != "open"):
            raise UserError(self.env._("Only open idea contests can be closed."))
        self.crm_contest_state = "closed"

    def action_crm_reopen_contest(self):
        if self.filtered(lambda s: s.crm_kind != "idea" or s.crm_contest_state != "closed"):
            raise UserError(self.env._("Only closed idea contests can be reopened."))
        self.crm_contest_state = "open"

    def action_crm_open_leaderboard(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_core.crm_campaign_survey_rank_action"
        )
        action["domain"] = [("survey_id", "=", self.id)]
        return action

    def action_crm_open_ideas(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_core.crm_campaign_idea_action")
        action.update(domain=[("survey_id", "=", self.id)], context={"default_survey_id": self.id})
        return action
