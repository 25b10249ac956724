from odoo.tests import HttpCase, tagged

from .common import ServiceKnowledgeCommon


@tagged("post_install", "-at_install")
class TestServiceKnowledgeUi(ServiceKnowledgeCommon, HttpCase):
    def test_agent_records_the_solving_article(self):
        ticket = self._new_request(name="Paper jam", description="<p>The printer jams.</p>")
        url = f"/odoo/action-crm_service.helpdesk_ticket_action/{ticket.id}"
        self.start_tour(url, "crm_service_knowledge_solve", login="agent_a")
        self.assertEqual(ticket.solved_article_id, self.art_jam)
        self.assertEqual(self.art_jam.solved_count, 1)
