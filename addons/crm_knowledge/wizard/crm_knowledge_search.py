from odoo import Command, api, fields, models


class CrmKnowledgeSearch(models.TransientModel):
    _name = "crm.knowledge.search"
    _description = "Ask the Knowledge Base"

    question = fields.Char()
    query_id = fields.Many2one("crm.knowledge.query", readonly=True)
    category_id = fields.Many2one(
        "crm.knowledge.category", string="Suggested Category", readonly=True
    )
    searched = fields.Boolean(readonly=True)
    line_ids = fields.One2many("crm.knowledge.search.line", "search_id", readonly=True)
    answer_ids = fields.One2many(
        "crm.knowledge.search.line", "search_id", domain=[("kind", "=", "answer")], readonly=True
    )
    most_asked_ids = fields.One2many(
        "crm.knowledge.search.line",
        "search_id",
        domain=[("kind", "=", "most_asked")],
        readonly=True,
    )
    latest_ids = fields.One2many(
        "crm.knowledge.search.line", "search_id", domain=[("kind", "=", "latest")], readonly=True
    )
    top_article_ids = fields.One2many(
        "crm.knowledge.search.line",
        "search_id",
        domain=[("kind", "=", "top_article")],
        readonly=True,
    )

    def _compute_display_name(self):
        for search in self:
            search.display_name = self.env._("Ask the Knowledge Base")

    @api.model_create_multi
    def create(self, vals_list):
        searches = super().create(vals_list)
        searches._fill_lists()
        return searches

    def _fill_lists(self):
        Query = self.env["crm.knowledge.query"]
        most_asked = Query.get_most_asked(limit=10)
        latest = Query.get_latest(limit=10)
        top_articles = Query.get_most_opened_articles(limit=10)
        for search in self:
            search.line_ids.filtered(lambda line: line.kind != "answer").unlink()
            search.line_ids = (
                [
                    Command.create(
                        {"kind": "most_asked", "sequence": i, "question": q, "count": count}
                    )
                    for i, (q, count) in enumerate(most_asked)
                ]
                + [
                    Command.create({"kind": "latest", "sequence": i, "question": q})
                    for i, q in enumerate(latest)
                ]
                + [
                    Command.create(
                        {"kind": "top_article", "sequence": i, "article_id": a.id, "count": count}
                    )
                    for i, (a, count) in enumerate(top_articles)
                ]
            )

    def action_search(self):
        self.ensure_one()
        result = self.env["crm.knowledge.article"].search_answers(self.question, limit=10)
        self.line_ids.filtered(lambda line: line.kind == "answer").unlink()
        self.write(
            {
                "searched": True,
                "query_id": result["query"].id,
                "category_id": result["category"].id,
                "line_ids": [
                    Command.create(
                        {
                            "kind": "answer",
                            "sequence": i,
                            "article_id": answer["id"],
                            "snippet": answer["snippet"],
                            "score": answer["score"],
                        }
                    )
                    for i, answer in enumerate(result["answers"])
                ],
            }
        )
        self._fill_lists()
        # nothing to return: the form reloads this record with the answers
        return True
