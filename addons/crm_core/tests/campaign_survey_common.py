from odoo import Command
from odoo.tests import new_test_user

from .campaign_common import CampaignCommon


class CampaignSurveyCommon(CampaignCommon):
    """CampaignCommon's campaign with members a, b, c and contact a, a portal user
    for contact a, and a quiz of two questions (one point each) on the campaign."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.members = cls.invite(cls.records("customers", "abc") | cls.contacts["a"])
        cls.portal_a = new_test_user(
            cls.env,
            login="portal_a",
            groups="base.group_portal",
            partner_id=cls.contacts["a"].id,
            name=cls.contacts["a"].name,
        )
        cls.quiz = cls.make_quiz("Spring Quiz")

    @classmethod
    def make_quiz(cls, title, campaign=None, **vals):
        return cls.env["survey.survey"].create(
            {
                "title": title,
                "campaign_id": (campaign or cls.campaign).id,
                "crm_kind": "quiz",
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": f"{title} question {n}",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create(
                                    {"value": "Right", "is_correct": True, "answer_score": 1}
                                ),
                                Command.create({"value": "Wrong", "answer_score": 0}),
                            ],
                        }
                    )
                    for n in (1, 2)
                ],
                **vals,
            }
        )

    @classmethod
    def answer(cls, survey, partner, rights, done=True):
        """An answer of partner with `rights` right choices (0 to the number of
        questions), completed unless done=False."""
        user_input = survey._create_answer(partner=partner, check_attempts=False)
        for n, question in enumerate(survey.question_ids):
            choice = question.suggested_answer_ids.filtered(
                lambda a, right=n < rights: a.is_correct == right
            )
            user_input._save_lines(question, choice.id)
        if done:
            user_input._mark_done()
        return user_input
