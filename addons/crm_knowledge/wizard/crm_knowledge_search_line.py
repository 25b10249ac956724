from odoo import fields, models


class CrmKnowledgeSearchLine(models.TransientModel):
    _name = "crm.knowledge.search.line"
    _description = "Knowledge Search Result"
    _order = "sequence, id"

    search_id = fields.Many2one("crm.knowledge.search", required=True, ondelete="cascade")
    kind = fields.Selection(
        [
            ("answer", "Answer"),
            ("most_asked", "Most Asked"),
            ("latest", "Latest"),
            ("top_article", "Most Opened"),
        ],
        required=True,
    )
    sequence = fields.Integer()
    article_id = fields.Many2one("crm.knowledge.article", string="Article", ondelete="cascade")
    category_id = fields.Many2one(related="article_id.category_id")
    question = fields.Char()
    snippet = fields.Html(sanitize=True)
    score = fields.Float(digits=(16, 4))
    count = fields.Integer("Times")

    def action_open(self):
        """Open the article; the question's log remembers which answer was opened."""
        self.ensure_one()
        self.article_id.check_access("read")
        if self.kind == "answer" and self.search_id.query_id:
            self.search_id.query_id._record_open(self.article_id)
        self.article_id.sudo()._increment("view_count")
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.knowledge.article",
            "res_id": self.article_id.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_ask(self):
        """Ask a most-asked or latest question again, in one click."""
        self.ensure_one()
        search = self.search_id
        search.question = self.question
        return search.action_search()
