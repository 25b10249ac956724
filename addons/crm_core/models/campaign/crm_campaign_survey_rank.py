from odoo import fields, models
from odoo.tools import SQL


class CrmCampaignSurveyRank(models.Model):
    """The leaderboard of a campaign's quizzes: each partner's best completed answer,
    ranked by total score then percentage (ties share a rank), in one SQL query."""

    _name = "crm.campaign.survey.rank"
    _description = "Quiz Leaderboard"
    _auto = False
    _order = "survey_id, rank, partner_id"
    _rec_name = "partner_id"
    _depends = {
        "survey.user_input": [
            "survey_id",
            "partner_id",
            "campaign_id",
            "campaign_member_id",
            "state",
            "test_entry",
            "scoring_percentage",
            "scoring_total",
            "end_datetime",
        ],
        "survey.survey": ["campaign_id", "scoring_type"],
    }

    rank = fields.Integer(readonly=True)
    survey_id = fields.Many2one("survey.survey", string="Quiz", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", string="Campaign", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Participant", readonly=True)
    campaign_member_id = fields.Many2one(
        "crm.campaign.member", string="Campaign Member", readonly=True
    )
    user_input_id = fields.Many2one("survey.user_input", string="Answer", readonly=True)
    scoring_percentage = fields.Float(string="Score (%)", readonly=True)
    scoring_total = fields.Float(string="Total Score", readonly=True, digits=(10, 2))
    end_datetime = fields.Datetime(string="Completed On", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            WITH best AS (
                SELECT DISTINCT ON (ui.survey_id, ui.partner_id)
                       ui.id, ui.survey_id, ui.campaign_id, ui.partner_id,
                       ui.campaign_member_id, ui.scoring_percentage, ui.scoring_total,
                       ui.end_datetime
                  FROM survey_user_input ui
                  JOIN survey_survey s ON s.id = ui.survey_id
                 WHERE ui.state = 'done'
                   AND NOT COALESCE(ui.test_entry, FALSE)
                   AND ui.partner_id IS NOT NULL
                   AND s.campaign_id IS NOT NULL
                   AND s.scoring_type != 'no_scoring'
                 ORDER BY ui.survey_id, ui.partner_id, ui.scoring_total DESC,
                          ui.scoring_percentage DESC, ui.end_datetime, ui.id
            )
            SELECT id, id AS user_input_id, survey_id, campaign_id, partner_id,
                   campaign_member_id, scoring_percentage, scoring_total, end_datetime,
                   RANK() OVER (
                       PARTITION BY survey_id
                       ORDER BY scoring_total DESC, scoring_percentage DESC
                   ) AS rank
              FROM best
            """
        )
