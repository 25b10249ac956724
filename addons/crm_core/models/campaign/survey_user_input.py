from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SurveyUserInput(models.Model):
    """An answer to a campaign's survey belongs to the campaign member who gave it, so
    that it shows on the member, on the customer's 360 timeline and in the quiz
    leaderboard."""

    _inherit = "survey.user_input"

    campaign_id = fields.Many2one(
        related="survey_id.campaign_id", store=True, string="Campaign", index="btree_not_null"
    )
    crm_kind = fields.Selection(related="survey_id.crm_kind", string="Campaign Survey Kind")
    campaign_member_id = fields.Many2one(
        "crm.campaign.member",
        string="Campaign Member",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, string="Customer", index=True
    )
    # Stored so that a partial unique index can back the rule up against two answers
    # started at the same instant; the Python check gives the readable message.
    crm_one_answer_per_partner = fields.Boolean(
        related="survey_id.crm_one_answer_per_partner", store=True
    )

    _crm_one_answer_per_partner_uniq = models.UniqueIndex(
        "(survey_id, partner_id) WHERE crm_one_answer_per_partner AND NOT test_entry",
        "This partner already answered this survey.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        self._crm_check_one_answer(vals_list)
        answers = super().create(vals_list)
        answers.filtered("campaign_id")._crm_link_members()
        return answers

    def write(self, vals):
        if "partner_id" in vals or "test_entry" in vals or "survey_id" in vals:
            self._crm_check_one_answer(
                [
                    {
                        "survey_id": vals.get("survey_id", answer.survey_id.id),
                        "partner_id": vals.get("partner_id", answer.partner_id.id),
                        "test_entry": vals.get("test_entry", answer.test_entry),
                    }
                    for answer in self
                ],
                exclude=self,
            )
        res = super().write(vals)
        if "partner_id" in vals or "survey_id" in vals:
            self.filtered("campaign_id")._crm_link_members()
        return res

    @api.model
    def _crm_check_one_answer(self, vals_list, exclude=None):
        """Refuse a second answer of a partner to a survey that allows one, naming the
        partner and the survey, before anything is written. One query for the batch."""
        pairs = [
            (vals.get("survey_id"), vals.get("partner_id"))
            for vals in vals_list
            if vals.get("survey_id") and vals.get("partner_id") and not vals.get("test_entry")
        ]
        if not pairs:
            return
        surveys = self.env["survey.survey"].sudo().browse({s for s, _p in pairs})
        strict = set(surveys.filtered("crm_one_answer_per_partner").ids)
        pairs = [pair for pair in pairs if pair[0] in strict]
        if not pairs:
            return
        seen, twice = set(), []
        for pair in pairs:
            if pair in seen:
                twice.append(pair)
            seen.add(pair)
        domain = [
            ("survey_id", "in", list(strict)),
            ("partner_id", "in", list({p for _s, p in pairs})),
            ("test_entry", "=", False),
        ]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        existing = self.sudo().search_fetch(domain, ["survey_id", "partner_id"])
        twice += [
            (a.survey_id.id, a.partner_id.id)
            for a in existing
            if (a.survey_id.id, a.partner_id.id) in seen
        ]
        if twice:
            survey_id, partner_id = twice[0]
            raise ValidationError(
                self.env._(
                    "%(partner)s already answered the survey %(survey)s, which takes one "
                    "answer per partner.",
                    partner=self.env["res.partner"].sudo().browse(partner_id).display_name,
                    survey=self.env["survey.survey"].sudo().browse(survey_id).title,
                )
            )

    def _crm_link_members(self):
        """The member of the answer's campaign who is its partner, or else its
        customer: one search for the whole batch."""
        members = (
            self.env["crm.campaign.member"]
            .sudo()
            .search_fetch(
                [
                    ("campaign_id", "in", self.campaign_id.ids),
                    (
                        "partner_id",
                        "in",
                        (self.partner_id | self.partner_id.commercial_partner_id).ids,
                    ),
                ],
                ["campaign_id", "partner_id"],
            )
        )
        by_pair = {(m.campaign_id.id, m.partner_id.id): m.id for m in members}
        todo = {}
        for answer in self:
            partner = answer.partner_id
            member_id = by_pair.get((answer.campaign_id.id, partner.id)) or by_pair.get(
                (answer.campaign_id.id, partner.commercial_partner_id.id), False
            )
            if member_id != answer.campaign_member_id.id:
                todo.setdefault(member_id, []).append(answer.id)
        for member_id, ids in todo.items():
            self.browse(ids).sudo().write({"campaign_member_id": member_id})
