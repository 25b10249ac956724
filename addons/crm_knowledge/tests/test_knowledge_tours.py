from odoo.tests import HttpCase, tagged

from .common import KnowledgeCommon


@tagged("post_install", "-at_install")
class TestKnowledgeTours(HttpCase, KnowledgeCommon):
    def test_agent_finds_an_answer_in_the_back_office(self):
        self.start_tour(
            "/odoo/action-crm_knowledge.crm_knowledge_search_action",
            "crm_knowledge_backoffice_answer",
            login="kn_employee",
        )
        query = self.env["crm.knowledge.query"].search([("user_id", "=", self.employee.id)])
        self.assertRecordValues(
            query,
            [{"question": "手机无法开机", "channel": "backend", "article_id": self.art_boot.id}],
        )

    def test_consumer_asks_on_the_public_page(self):
        self.start_tour("/knowledge", "crm_knowledge_public_answer")
        query = self.env["crm.knowledge.query"].search([("channel", "=", "public")])
        self.assertRecordValues(
            query,
            [
                {
                    "question": "手机无法开机",
                    "user_id": False,
                    "article_id": self.art_boot.id,
                    "helped": "yes",
                }
            ],
        )
        self.assertTrue(query.session_key)
        self.assertEqual(self.art_boot.helpful_count, 1)

    def test_portal_partner_sees_partner_articles(self):
        self.start_tour("/my/knowledge", "crm_knowledge_portal_partner", login="kn_portal")

    def test_knowledge_gap_becomes_a_draft_article(self):
        self.env["crm.knowledge.article"].with_user(self.manager).search_answers("洗衣机漏水怎么办")
        self.start_tour(
            "/odoo/action-crm_knowledge.crm_knowledge_query_action_gap",
            "crm_knowledge_gap_to_draft",
            login="kn_manager",
        )
        draft = self.env["crm.knowledge.article"].search([("name", "=", "洗衣机漏水怎么办")])
        self.assertRecordValues(draft, [{"state": "draft"}])
        self.assertEqual(draft.source_query_id.question, "洗衣机漏水怎么办")
