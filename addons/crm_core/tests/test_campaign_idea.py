from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .campaign_survey_common import CampaignSurveyCommon


@tagged("post_install", "-at_install")
class TestCampaignIdea(CampaignSurveyCommon):
    """An idea contest of the campaign: portal contact a and portal customer b are
    members; portal outsider (customer pool) is not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_b = new_test_user(
            cls.env,
            login="portal_b",
            groups="base.group_portal",
            partner_id=cls.customers["b"].id,
            name=cls.customers["b"].name,
        )
        cls.portal_out = new_test_user(
            cls.env,
            login="portal_out",
            groups="base.group_portal",
            partner_id=cls.customers["pool"].id,
            name=cls.customers["pool"].name,
        )
        cls.contest = cls.env["survey.survey"].create(
            {"title": "Idea Prize", "campaign_id": cls.campaign.id, "crm_kind": "idea"}
        )
        cls.other_campaign = cls.env["utm.campaign"].create({"title": "Other Fair"})
        cls.other_contest = cls.env["survey.survey"].create(
            {"title": "Other Prize", "campaign_id": cls.other_campaign.id, "crm_kind": "idea"}
        )

    def submit(self, user, title, contest=None):
        Idea = self.env["crm.campaign.idea"].with_user(user)
        return Idea.browse(Idea.crm_submit_idea((contest or self.contest).id, title, "Why"))

    def test_submit_vote_and_win(self):
        idea_a = self.submit(self.portal_a, "  Free coffee  ")
        idea_b = self.submit(self.portal_b, "Bigger stand")
        self.assertRecordValues(
            idea_a.sudo(),
            [
                {
                    "name": "Free coffee",
                    "partner_id": self.contacts["a"].id,
                    "campaign_id": self.campaign.id,
                    "vote_count": 0,
                }
            ],
        )
        idea_a.with_user(self.portal_b).action_vote()
        with self.assertRaisesRegex(UserError, "You already voted for the idea Free coffee."):
            idea_a.with_user(self.portal_b).action_vote()
        with self.assertRaisesRegex(UserError, "You cannot vote for your own idea Free coffee."):
            idea_a.with_user(self.portal_a).action_vote()
        idea_b.with_user(self.portal_a).action_vote()
        idea_b.with_user(self.marketing).action_vote()
        self.assertRecordValues(idea_a | idea_b, [{"vote_count": 1}, {"vote_count": 2}])
        self.assertEqual(
            self.env["crm.campaign.idea"].search([("survey_id", "=", self.contest.id)]),
            idea_b | idea_a,
        )
        with self.assertRaisesRegex(UserError, "Close the idea contest Idea Prize before"):
            idea_b.with_user(self.marketing).action_mark_winner()
        with self.assertRaisesRegex(AccessError, "Only marketing staff pick"):
            idea_b.with_user(self.portal_a).action_mark_winner()
        self.contest.with_user(self.marketing).action_crm_close_contest()
        with self.assertRaisesRegex(UserError, "The idea contest Idea Prize is closed: votes"):
            idea_a.with_user(self.portal_b).action_vote()
        with self.assertRaisesRegex(UserError, "The idea contest Idea Prize is closed: no more"):
            self.submit(self.portal_b, "Too late")
        idea_b.with_user(self.marketing).action_mark_winner()
        self.assertRecordValues(
            idea_a | idea_b,
            [{"is_winner": False, "vote_count": 1}, {"is_winner": True, "vote_count": 2}],
        )

    def test_bad_submissions(self):
        with self.assertRaisesRegex(UserError, "Give your idea a title."):
            self.submit(self.portal_a, "   ")
        with self.assertRaisesRegex(UserError, "There is no such idea contest."):
            self.submit(self.portal_a, "Quiz idea", contest=self.quiz)
        with self.assertRaisesRegex(
            AccessError, "Matrix Customer pool is not a member of the campaign Spring Fair."
        ):
            self.submit(self.portal_out, "Outsider idea")
        self.assertFalse(self.env["crm.campaign.idea"].search([]))

    def test_portal_sees_ideas_of_own_campaigns_only(self):
        mine = self.submit(self.portal_a, "Free coffee")
        self.env["crm.campaign.member"].create(
            {"campaign_id": self.other_campaign.id, "partner_id": self.customers["c"].id}
        )
        other = self.env["crm.campaign.idea"].create(
            {
                "survey_id": self.other_contest.id,
                "name": "Elsewhere",
                "partner_id": self.customers["c"].id,
            }
        )
        Idea = self.env["crm.campaign.idea"]
        self.assertEqual(Idea.with_user(self.portal_b).search([]), mine)
        self.assertEqual(Idea.with_user(self.portal_out).search([]), Idea)
        self.assertEqual(Idea.with_user(self.marketing).search([]), mine | other)
        with self.assertRaises(AccessError):
            other.with_user(self.portal_b).action_vote()
        with self.assertRaises(AccessError):
            mine.with_user(self.portal_b).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            Idea.with_user(self.portal_b).create({"survey_id": self.contest.id, "name": "X"})
        self.assertFalse(other.vote_ids)
