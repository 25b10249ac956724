from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .campaign_survey_common import CampaignSurveyCommon
from .common import TEST_TODAY


@tagged("post_install", "-at_install")
class TestCampaignSurvey(CampaignSurveyCommon):
    def test_kind_defaults(self):
        Survey = self.env["survey.survey"]
        market, live, quiz = Survey.create(
            [
                {"title": "Market", "campaign_id": self.campaign.id, "crm_kind": "market"},
                {"title": "Live", "campaign_id": self.campaign.id, "crm_kind": "live"},
                {
                    "title": "Quiz kept one page",
                    "campaign_id": self.campaign.id,
                    "crm_kind": "quiz",
                    "questions_layout": "one_page",
                },
            ]
        )
        fields = [
            "questions_layout",
            "crm_one_answer_per_partner",
            "scoring_type",
            "users_login_required",
            "survey_type",
            "session_available",
        ]
        self.assertEqual(
            (market | live | quiz).read(fields),
            [
                {
                    "id": market.id,
                    "questions_layout": "page_per_question",
                    "crm_one_answer_per_partner": True,
                    "scoring_type": "no_scoring",
                    "users_login_required": True,
                    "survey_type": "survey",
                    "session_available": False,
                },
                {
                    "id": live.id,
                    "questions_layout": "page_per_question",
                    "crm_one_answer_per_partner": False,
                    "scoring_type": "scoring_with_answers",
                    "users_login_required": False,
                    "survey_type": "live_session",
                    "session_available": True,
                },
                {
                    "id": quiz.id,
                    "questions_layout": "one_page",
                    "crm_one_answer_per_partner": False,
                    "scoring_type": "scoring_with_answers",
                    "users_login_required": True,
                    "survey_type": "custom",
                    "session_available": True,
                },
            ],
        )
        self.assertEqual(self.campaign.survey_count, 4)
        self.assertEqual(self.campaign.survey_ids, self.quiz | market | live | quiz)

    def test_answers_link_members_in_one_batch(self):
        partners = self.customers["a"] | self.contacts["a"] | self.customers["b"]
        outsider = self.customers["pool"]
        answers = self.env["survey.user_input"].create(
            [{"survey_id": self.quiz.id, "partner_id": p.id} for p in partners | outsider]
        )
        by_partner = {m.partner_id: m for m in self.members}
        self.assertRecordValues(
            answers,
            [
                {
                    "campaign_id": self.campaign.id,
                    "campaign_member_id": by_partner[self.customers["a"]].id,
                    "commercial_partner_id": self.customers["a"].id,
                },
                {
                    "campaign_id": self.campaign.id,
                    "campaign_member_id": by_partner[self.contacts["a"]].id,
                    "commercial_partner_id": self.customers["a"].id,
                },
                {
                    "campaign_id": self.campaign.id,
                    "campaign_member_id": by_partner[self.customers["b"]].id,
                    "commercial_partner_id": self.customers["b"].id,
                },
                {
                    "campaign_id": self.campaign.id,
                    "campaign_member_id": False,
                    "commercial_partner_id": outsider.id,
                },
            ],
        )
        # the contact of c is no member: it answers for its customer's membership
        answer_c = self.env["survey.user_input"].create(
            {"survey_id": self.quiz.id, "partner_id": self.contacts["c"].id}
        )
        self.assertEqual(answer_c.campaign_member_id, by_partner[self.customers["c"]])

    def test_one_answer_per_partner(self):
        market = self.make_quiz("Market Once", crm_kind="market")
        self.assertTrue(market.crm_one_answer_per_partner)
        first = self.answer(market, self.customers["b"], 1)
        count = self.env["survey.user_input"].search_count([])
        message = (
            "Matrix Customer b already answered the survey Market Once, which takes one "
            "answer per partner."
        )
        with self.assertRaisesRegex(ValidationError, message):
            market._create_answer(partner=self.customers["b"], check_attempts=False)
        with self.assertRaisesRegex(ValidationError, message):
            self.env["survey.user_input"].create(
                {"survey_id": market.id, "partner_id": self.customers["b"].id}
            )
        # twice in one batch: nothing of the batch is created
        with self.assertRaisesRegex(ValidationError, "Matrix Customer c already answered"):
            self.env["survey.user_input"].create(
                [
                    {"survey_id": market.id, "partner_id": self.customers["c"].id},
                    {"survey_id": market.id, "partner_id": self.customers["c"].id},
                ]
            )
        with self.assertRaisesRegex(ValidationError, message):
            self.answer(market, self.customers["a"], 0, done=False).partner_id = self.customers["b"]
        self.assertEqual(self.env["survey.user_input"].search_count([]), count + 1)
        self.assertEqual(first.state, "done")
        # test entries and surveys without the rule take any number of answers
        market._create_answer(partner=self.customers["b"], test_entry=True)
        self.answer(self.quiz, self.customers["b"], 1)
        self.answer(self.quiz, self.customers["b"], 2)

    def test_rule_refused_where_partners_answered_twice(self):
        self.answer(self.quiz, self.customers["b"], 1)
        self.answer(self.quiz, self.customers["b"], 2)
        with self.assertRaisesRegex(
            ValidationError, "Matrix Customer b already answered survey Spring Quiz more"
        ):
            self.quiz.crm_one_answer_per_partner = True
        self.assertFalse(self.quiz.crm_one_answer_per_partner)

    def test_leaderboard(self):
        self.answer(self.quiz, self.customers["a"], 1)
        self.answer(self.quiz, self.customers["b"], 2)
        self.answer(self.quiz, self.customers["c"], 1)
        self.answer(self.quiz, self.customers["a"], 2)  # a's better second attempt
        self.answer(self.quiz, self.contacts["a"], 0)
        self.answer(self.quiz, self.customers["pool"], 2, done=False)
        other = self.make_quiz("Other Quiz")
        self.answer(other, self.customers["c"], 2)
        Rank = self.env["crm.campaign.survey.rank"]
        rows = Rank.search([("survey_id", "=", self.quiz.id)])
        self.assertRecordValues(
            rows,
            [
                {
                    "rank": 1,
                    "partner_id": self.customers["a"].id,
                    "scoring_total": 2.0,
                    "scoring_percentage": 100.0,
                },
                {
                    "rank": 1,
                    "partner_id": self.customers["b"].id,
                    "scoring_total": 2.0,
                    "scoring_percentage": 100.0,
                },
                {
                    "rank": 3,
                    "partner_id": self.customers["c"].id,
                    "scoring_total": 1.0,
                    "scoring_percentage": 50.0,
                },
                {
                    "rank": 4,
                    "partner_id": self.contacts["a"].id,
                    "scoring_total": 0.0,
                    "scoring_percentage": 0.0,
                },
            ],
        )
        self.assertEqual(rows[2].campaign_member_id.partner_id, self.customers["c"])
        self.assertRecordValues(
            Rank.search([("survey_id", "=", other.id)]),
            [{"rank": 1, "partner_id": self.customers["c"].id, "scoring_total": 2.0}],
        )
        action = self.quiz.action_crm_open_leaderboard()
        self.assertEqual(Rank.search(action["domain"]), rows)
        with self.assertQueryCount(1):
            Rank.search_fetch([("survey_id", "=", self.quiz.id)], ["rank", "scoring_total"])

    def test_answer_access_per_role(self):
        answers = {key: self.answer(self.quiz, self.customers[key], 1) for key in ("a", "b", "c")}
        answers["co:a"] = self.answer(self.quiz, self.contacts["a"], 1)
        UserInput = self.env["survey.user_input"]
        expected = {
            self.salesman_a: ["a", "co:a"],
            self.salesman_b: ["b"],
            self.marketing: ["a", "b", "c", "co:a"],
        }
        for user, keys in expected.items():
            with self.subTest(user=user.login):
                self.assertEqual(
                    UserInput.with_user(user).search([("survey_id", "=", self.quiz.id)]),
                    UserInput.union(*(answers[k] for k in keys)),
                )
        with self.assertRaises(AccessError):
            answers["a"].with_user(self.salesman_a).write({"scoring_total": 9})
        with self.assertRaises(AccessError):
            UserInput.with_user(self.portal_a).search([])

    def test_timeline_shows_completed_campaign_answers(self):
        done = self.answer(self.quiz, self.contacts["a"], 1)
        self.answer(self.quiz, self.customers["a"], 1, done=False)
        plain = self.make_quiz("No Campaign", campaign=self.campaign)
        plain.campaign_id = False
        self.answer(plain, self.customers["a"], 2)
        items = [
            item
            for item in self.customers["a"].with_user(self.salesman_a).get_crm_timeline()
            if item["kind"] == "survey"
        ]
        self.assertEqual(
            items,
            [
                {
                    "kind": "survey",
                    "kind_label": "Survey Answer",
                    "icon": "fa-check-square-o",
                    "date": f"{TEST_TODAY} 10:00:00",
                    "model": "survey.user_input",
                    "res_id": done.id,
                    "title": "Spring Quiz",
                    "body_preview": "Spring Fair: score 50.0%",
                    "author": "",
                }
            ],
        )
