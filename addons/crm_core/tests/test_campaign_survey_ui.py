from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .campaign_common import MARKETING


@tagged("post_install", "-at_install")
class TestCampaignSurveyUi(HttpCase):
    """A campaign member answers its quiz from the portal; marketing staff read the
    leaderboard; an invitee who answered a one-answer survey gets a clear page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        new_test_user(cls.env, login="tour_marketing", groups=MARKETING, name="Tour Marketing")
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create({"name": "Tour Quiz Customer", "is_company": True})
        cls.portal = new_test_user(
            cls.env,
            login="tour_quiz_portal",
            groups="base.group_portal",
            name="Tour Quiz Portal",
            email="quiz.portal@example.com",
        )
        cls.portal.partner_id.parent_id = cls.customer
        cls.other = Partner.create({"name": "Tour Quiz Rival", "email": "rival@example.com"})
        cls.campaign = cls.env["utm.campaign"].create({"title": "Tour Quiz Fair"})
        cls.member = cls.env["crm.campaign.member"].create(
            {"campaign_id": cls.campaign.id, "partner_id": cls.customer.id}
        )
        cls.quiz = cls.env["survey.survey"].create(
            {
                "title": "Tour Quiz",
                "campaign_id": cls.campaign.id,
                "crm_kind": "quiz",
                "questions_layout": "one_page",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": title,
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create(
                                    {"value": right, "is_correct": True, "answer_score": 1}
                                ),
                                Command.create({"value": wrong, "answer_score": 0}),
                            ],
                        }
                    )
                    for title, right, wrong in (
                        ("Which hall is the fair in", "Hall 3", "Hall 9"),
                        ("Which day does it open", "Monday", "Sunday"),
                    )
                ],
            }
        )

    def test_portal_member_answers_quiz(self):
        self.start_tour(
            f"/survey/start/{self.quiz.access_token}",
            "crm_core_campaign_quiz_portal",
            login="tour_quiz_portal",
        )
        answer = self.env["survey.user_input"].search([("survey_id", "=", self.quiz.id)])
        self.assertRecordValues(
            answer,
            [
                {
                    "partner_id": self.portal.partner_id.id,
                    "state": "done",
                    "scoring_percentage": 50.0,
                    "scoring_total": 1.0,
                    "campaign_member_id": self.member.id,
                    "campaign_id": self.campaign.id,
                }
            ],
        )

    def test_leaderboard_tour(self):
        for partner, rights in ((self.customer, 1), (self.other, 2)):
            user_input = self.quiz._create_answer(partner=partner, check_attempts=False)
            for n, question in enumerate(self.quiz.question_ids):
                choice = question.suggested_answer_ids.filtered(
                    lambda a, right=n < rights: a.is_correct == right
                )
                user_input._save_lines(question, choice.id)
            user_input._mark_done()
        action = self.env.ref("crm_core.crm_campaign_survey_rank_action")
        self.start_tour(
            f"/odoo/action-{action.id}", "crm_core_campaign_leaderboard", login="tour_marketing"
        )

    def test_invitee_sees_only_own_answer(self):
        self.quiz.crm_one_answer_per_partner = True
        rival = self.quiz._create_answer(partner=self.other, check_attempts=False)
        mine = self.quiz._create_answer(partner=self.portal.partner_id, check_attempts=False)
        self.authenticate("tour_quiz_portal", "tour_quiz_portal")
        # someone else's answer: survey's access error page, nothing of theirs shown
        response = self.url_open(
            f"/survey/start/{self.quiz.access_token}?answer_token={rival.access_token}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("Tour Quiz Rival", response.text)
        self.assertIn("Survey Access Error", response.text)
        # a second start resumes the partner's own answer instead of creating one
        response = self.url_open(f"/survey/start/{self.quiz.access_token}")
        self.assertIn(mine.access_token, response.url)
        mine._mark_done()
        response = self.url_open(f"/survey/start/{self.quiz.access_token}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("already answered this survey", response.text)
        self.assertEqual(
            self.env["survey.user_input"].search_count([("survey_id", "=", self.quiz.id)]), 2
        )
        # public visitors are sent to log in, never shown an answer
        self.logout()
        response = self.url_open(
            f"/survey/start/{self.quiz.access_token}?answer_token={mine.access_token}"
        )
        self.assertNotIn("Tour Quiz Portal", response.text)
