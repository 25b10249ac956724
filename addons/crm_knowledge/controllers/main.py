import secrets
from urllib.parse import urlencode

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.crm_core.tools import rate_limit
from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models import knowledge_text as kt

SESSION_KEY = "crm_knowledge_key"


def _readonly_without_question(controller, rule, args):
    # Browsing the lists only reads; asking a question writes the question log.
    return not request.httprequest.args.get("q")


class KnowledgeController(http.Controller):
    """The public /knowledge pages and the portal's /my/knowledge; website-free."""

    def _session_key(self):
        """A random key that identifies an anonymous asker across requests
        (never the session id itself, which is a credential)."""
        if not request.env.user._is_public():
            return None
        if not request.session.get(SESSION_KEY):
            request.session[SESSION_KEY] = secrets.token_hex(16)
        return request.session[SESSION_KEY]

    def _channel(self):
        user = request.env.user
        if user._is_public():
            return "public"
        return "backend" if user._is_internal() else "portal"

    def _page_values(self, q, base_url):
        Article = request.env["crm.knowledge.article"]
        Query = request.env["crm.knowledge.query"]
        result = None
        # What the visitor typed comes back in the search box: cleaned like the
        # question that was searched (no control characters, length capped).
        question = kt.clean_text(q)
        if question:
            result = Article.search_answers(
                question, limit=10, channel=self._channel(), session_key=self._session_key()
            )
        return {
            "question": question,
            "result": result,
            "base_url": base_url,
            "most_asked": Query.get_most_asked(limit=10),
            "latest": Query.get_latest(limit=10),
            "top_articles": Query.get_most_opened_articles(limit=5),
            "recent_articles": Article.search(
                [("state", "=", "published")], order="write_date desc, id desc", limit=10
            ),
            "page_name": "knowledge",
            # a question cut for the list is searched without its ellipsis
            "q_url": lambda text: f"{base_url}?{urlencode({'q': text.removesuffix(kt.ELLIPSIS)})}",
        }

    @http.route(
        "/knowledge",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        readonly=_readonly_without_question,
    )
    def knowledge(self, q=None, **kwargs):
        if response := rate_limit.limited("knowledge"):
            return response
        return request.render(
            "crm_knowledge.knowledge_public_page", self._page_values(q, "/knowledge")
        )

    @http.route(
        "/my/knowledge",
        type="http",
        auth="user",
        methods=["GET"],
        website=True,
        readonly=_readonly_without_question,
    )
    def my_knowledge(self, q=None, **kwargs):
        if response := rate_limit.limited("knowledge"):
            return response
        return request.render(
            "crm_knowledge.knowledge_portal_page", self._page_values(q, "/my/knowledge")
        )

    def _readable_article(self, article_id):
        """The article if the visitor may read it; a 404 otherwise, so that a
        guessed id tells nothing about what exists."""
        article = request.env["crm.knowledge.article"].browse(article_id).exists()
        if not article or not article.has_access("read"):
            raise NotFound()
        return article

    def _query(self, qid):
        try:
            return request.env["crm.knowledge.query"].browse(int(qid)) if qid else None
        except (TypeError, ValueError):
            return None

    @http.route(
        "/knowledge/article/<int:article_id>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
    )
    def knowledge_article(self, article_id, qid=None, feedback=None, **kwargs):
        if response := rate_limit.limited("knowledge"):
            return response
        article = self._readable_article(article_id)
        article.sudo()._increment("view_count")
        query = self._query(qid)
        if query:
            query._record_open(article, session_key=self._session_key())
        attachments = article.sudo().attachment_ids
        for attachment in attachments.filtered(lambda a: not a.access_token):
            attachment.generate_access_token()
        values = self._page_values(
            None, "/my/knowledge" if self._channel() != "public" else "/knowledge"
        )
        values.update(
            {
                "article": article,
                "attachments": attachments,
                "comments": article.sudo().feedback_ids.filtered(
                    lambda f: f.state == "approved" and f.comment
                ),
                "qid": query.id if query else "",
                "feedback_sent": bool(feedback),
            }
        )
        return request.render("crm_knowledge.knowledge_article_page", values)

    @http.route(
        "/knowledge/article/<int:article_id>/feedback",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def knowledge_feedback(self, article_id, helpful=None, comment=None, qid=None, **kwargs):
        if response := rate_limit.limited("form"):
            return response
        article = self._readable_article(article_id)
        if helpful not in ("yes", "no"):
            raise NotFound()
        user = request.env.user
        public = user._is_public()
        comment = kt.clean_text(comment, limit=2000, multiline=True)
        request.env["crm.knowledge.feedback"].sudo().create(
            {
                "article_id": article.id,
                "helpful": helpful == "yes",
                "comment": comment or False,
                "partner_id": False if public else user.partner_id.id,
                "author_name": request.env._("Visitor") if public else user.partner_id.name,
                "session_key": self._session_key(),
            }
        )
        query = self._query(qid)
        if query:
            query._record_helped(helpful == "yes", session_key=self._session_key())
        return request.redirect(f"/knowledge/article/{article.id}?feedback=1")


class KnowledgeCustomerPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "knowledge_count" in counters:
            values["knowledge_count"] = request.env["crm.knowledge.article"].search_count(
                [("state", "=", "published")]
            )
        return values
