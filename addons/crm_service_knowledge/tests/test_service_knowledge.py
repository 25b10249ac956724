from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ServiceKnowledgeCommon


@tagged("post_install", "-at_install")
class TestServiceKnowledge(ServiceKnowledgeCommon):
    def test_suggestions_match_the_request_text(self):
        ticket = self._new_request(name="Paper jam", description="<p>The printer jams.</p>")
        self.assertEqual(ticket.with_user(self.agent_a).knowledge_suggestion_ids, self.art_jam)
        chinese = self._new_request(name="打印机卡纸", description="<p>每一页都卡纸</p>")
        self.assertEqual(chinese.knowledge_suggestion_ids, self.art_jam_cn)

    def test_suggestions_fall_back_on_title_similarity(self):
        # misspelt words are no article's lexemes: the title's trigrams still match
        ticket = self._new_request(name="forgoten pasword", description="<p>-</p>")
        self.assertEqual(ticket.knowledge_suggestion_ids, self.art_password)

    def test_suggestions_leave_the_query_log_alone(self):
        queries = self.env["crm.knowledge.query"].search_count([])
        ticket = self._new_request(name="Paper jam", description="<p>-</p>")
        self.assertTrue(ticket.knowledge_suggestion_ids)
        self.assertEqual(self.env["crm.knowledge.query"].search_count([]), queries)

    def test_suggestions_follow_the_readers_rules(self):
        group = self.env["res.groups"].create({"name": "Printer Engineers"})
        self.art_jam.group_ids = group
        ticket = self._new_request(name="Paper jam", description="<p>-</p>")
        self.assertFalse(ticket.with_user(self.agent_a).knowledge_suggestion_ids)
        self.agent_a.group_ids = [(4, group.id)]
        ticket.invalidate_recordset(["knowledge_suggestion_ids"])
        self.assertEqual(ticket.with_user(self.agent_a).knowledge_suggestion_ids, self.art_jam)

    def test_solving_counts_requests_per_article(self):
        first = self._new_request(name="Paper jam", description="<p>-</p>")
        second = self._new_request(name="Jammed again", description="<p>-</p>")
        for ticket in first | second:
            self.art_jam.with_user(self.agent_a).with_context(
                crm_service_ticket_id=ticket.id
            ).action_solve_service_request()
        self.assertEqual((first | second).solved_article_id, self.art_jam)
        self.assertEqual(self.art_jam.solved_count, 2)
        second.solved_article_id = self.art_jam_cn
        self.assertRecordValues(
            self.art_jam | self.art_jam_cn, [{"solved_count": 1}, {"solved_count": 1}]
        )
        first.unlink()
        self.assertEqual(self.art_jam.solved_count, 0)

    def test_solved_requests_raise_the_rank(self):
        twin = self.env["crm.knowledge.article"].create(
            {
                "name": "Printer paper jam",
                "body": "<p>Open the rear cover and pull the jammed sheet out.</p>",
                "state": "published",
                "audience": "internal",
            }
        )
        Article = self.env["crm.knowledge.article"].with_user(self.agent_a)
        answers = Article.search_answers("printer paper jam")["answers"]
        # equal texts: the newer one first (rank, then id descending)
        self.assertEqual([a["id"] for a in answers[:2]], [twin.id, self.art_jam.id])
        self._new_request(name="Paper jam", solved_article_id=self.art_jam.id)
        answers = Article.search_answers("printer paper jam")["answers"]
        self.assertEqual([a["id"] for a in answers[:2]], [self.art_jam.id, twin.id])
        self.assertGreater(answers[0]["score"], answers[1]["score"])

    def test_only_published_articles_solve(self):
        ticket = self._new_request(name="Paper jam", description="<p>-</p>")
        # Odoo's assertRaises rolls the failed write back, as the request would be
        with self.assertRaises(ValidationError) as caught:
            ticket.solved_article_id = self.art_draft
        self.assertIn("“Printer paper jam (old text)” is not published", str(caught.exception))
        self.assertFalse(ticket.solved_article_id)
        self.assertEqual(self.art_draft.solved_count, 0)

    def test_solving_needs_a_request(self):
        with self.assertRaisesRegex(UserError, "Open a service request to record"):
            self.art_jam.with_user(self.agent_a).action_solve_service_request()
        gone = self._new_request(name="Paper jam", description="<p>-</p>")
        gone_id = gone.id
        gone.unlink()
        with self.assertRaisesRegex(UserError, "Open a service request"):
            self.art_jam.with_context(crm_service_ticket_id=gone_id).action_solve_service_request()

    def test_solving_needs_write_access_to_the_request(self):
        ticket = self._new_request(name="Paper jam", team=self.team_b, user=self.agent_b)
        with self.assertRaises(AccessError):
            self.art_jam.with_user(self.agent_a).with_context(
                crm_service_ticket_id=ticket.id
            ).action_solve_service_request()
        self.assertFalse(ticket.solved_article_id)

    def test_solved_requests_action(self):
        ticket = self._new_request(name="Paper jam", solved_article_id=self.art_jam.id)
        action = self.art_jam.action_view_solved_requests()
        self.assertEqual(self.env["helpdesk.ticket"].search(action["domain"]), ticket)
