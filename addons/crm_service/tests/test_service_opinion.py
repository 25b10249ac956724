from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import AGENT, CrmServiceCommon


@tagged("post_install", "-at_install")
class TestServiceOpinion(CrmServiceCommon):
    """A campaign's opinion collection: a completed answer becomes a suggestion or a
    complaint of the customer, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="opinion_agent",
            groups=f"base.group_user,{AGENT},survey.group_survey_user",
        )
        cls.survey_only = new_test_user(
            cls.env, login="survey_only", groups="base.group_user,survey.group_survey_user"
        )
        cls.campaign = cls.env["utm.campaign"].create({"title": "Opinion Week"})
        cls.member = cls.env["crm.campaign.member"].create(
            {"campaign_id": cls.campaign.id, "partner_id": cls.customer_a.id}
        )
        cls.opinion = cls.env["survey.survey"].create(
            {
                "title": "Your Opinion",
                "campaign_id": cls.campaign.id,
                "crm_kind": "opinion",
                "question_and_page_ids": [
                    Command.create(
                        {"title": "What should we improve", "question_type": "text_box"}
                    ),
                    Command.create({"title": "Anything else", "question_type": "char_box"}),
                ],
            }
        )

    def answer(self, partner, texts, done=True):
        user_input = self.opinion._create_answer(partner=partner, check_attempts=False)
        for question, text in zip(self.opinion.question_ids, texts, strict=True):
            user_input._save_lines(question, text)
        if done:
            user_input._mark_done()
        return user_input

    def test_suggestion_and_complaint(self):
        suggestion = self.answer(self.contact_a, ["Faster delivery", "Nice staff"])
        complaint = self.answer(self.customer_b, ["Broken box", ""])
        self.assertEqual(suggestion.campaign_member_id, self.member)
        action = suggestion.with_user(self.officer).action_create_service_request()
        ticket = suggestion.service_ticket_id
        self.assertEqual(action["res_id"], ticket.id)
        self.assertRecordValues(
            ticket,
            [
                {
                    "name": "Suggestion: Your Opinion (Acme Ltd, Alice Acme)",
                    "partner_id": self.contact_a.id,
                    "request_type_id": self.env.ref("crm_service.request_type_suggestion").id,
                }
            ],
        )
        self.assertIn(
            "<strong>What should we improve</strong>: Faster delivery", ticket.description
        )
        self.assertIn("<strong>Anything else</strong>: Nice staff", ticket.description)
        complaint.with_user(self.officer).with_context(
            crm_request_kind="complaint"
        ).action_create_service_request()
        self.assertRecordValues(
            complaint.service_ticket_id,
            [
                {
                    "name": "Complaint: Your Opinion (Bolt Inc)",
                    "partner_id": self.customer_b.id,
                    "request_type_id": self.env.ref("crm_service.request_type_complaint").id,
                }
            ],
        )
        count = self.env["helpdesk.ticket"].search_count([])
        with self.assertRaisesRegex(UserError, "already became the service request"):
            suggestion.action_create_service_request()
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), count)

    def test_refusals(self):
        pending = self.answer(self.customer_b, ["Later", "x"], done=False)
        with self.assertRaisesRegex(
            UserError, "The answer of Bolt Inc to Your Opinion is not completed yet."
        ):
            pending.action_create_service_request()
        with self.assertRaisesRegex(UserError, "a suggestion or a complaint, not praise"):
            pending.action_create_service_request("praise")
        quiz = self.env["survey.survey"].create(
            {"title": "Not Opinions", "campaign_id": self.campaign.id, "crm_kind": "market"}
        )
        market = self.env["survey.user_input"].create(
            {"survey_id": quiz.id, "partner_id": self.customer_a.id, "state": "done"}
        )
        with self.assertRaisesRegex(UserError, "Not Opinions is not one"):
            market.action_create_service_request()
        done = self.answer(self.customer_a, ["Ok", "Ok"])
        with self.assertRaises(AccessError):
            done.with_user(self.survey_only).action_create_service_request()
        self.assertFalse((pending | market | done).service_ticket_id)
