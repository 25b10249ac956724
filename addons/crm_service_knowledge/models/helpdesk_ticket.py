from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.crm_knowledge.models import knowledge_text as kt

# Articles suggested on a request: enough to choose from, few enough to read.
SUGGESTIONS = 5


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    knowledge_suggestion_ids = fields.Many2many(
        "crm.knowledge.article",
        string="Suggested Articles",
        compute="_compute_knowledge_suggestion_ids",
        help="Published articles the reader may see, ranked against the request's "
        "subject and description.",
    )
    solved_article_id = fields.Many2one(
        "crm.knowledge.article",
        string="Solved by Article",
        tracking=True,
        index="btree_not_null",
        ondelete="set null",
        domain=[("state", "=", "published")],
        help="The knowledge article that solved this request: articles that solved "
        "more requests rank higher in every knowledge search.",
    )

    @api.constrains("solved_article_id")
    def _check_solved_article_published(self):
        for ticket in self:
            article = ticket.solved_article_id.sudo()
            if article and article.state != "published":
                raise ValidationError(
                    self.env._(
                        "The article “%(article)s” is not published: only a published "
                        "article can be recorded as the one that solved “%(request)s”.",
                        article=article.name,
                        request=ticket.display_name,
                    )
                )

    @api.depends("name", "description")
    @api.depends_context("uid")
    def _compute_knowledge_suggestion_ids(self):
        # The ranking of crm_knowledge without search_answers(): opening a request is
        # not a question a reader asked, so nothing goes into the query log.
        Article = self.env["crm.knowledge.article"]
        for ticket in self:
            question = kt.clean_text(
                " ".join(filter(None, [ticket.name, kt.html_to_text(ticket.description or "")]))
            )
            terms = kt.query_terms(question)
            ranked = Article._fulltext_ranked(terms, "|", SUGGESTIONS) if terms else []
            if not ranked and ticket.name:
                ranked = Article._trigram_ranked(ticket.name, SUGGESTIONS)
            ticket.knowledge_suggestion_ids = Article.browse([row[0] for row in ranked])
