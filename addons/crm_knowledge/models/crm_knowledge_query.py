from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from . import knowledge_text as kt


class CrmKnowledgeQuery(models.Model):
    _name = "crm.knowledge.query"
    _description = "Knowledge Question Log"
    _order = "date desc, id desc"
    _rec_name = "question"

    question = fields.Char(required=True, readonly=True)
    question_norm = fields.Char(
        "Normalised Question", readonly=True, help="Lower-cased, spaces collapsed; grouped on."
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True, index=True)
    user_id = fields.Many2one("res.users", string="Asked by", readonly=True, index="btree_not_null")
    partner_id = fields.Many2one("res.partner", string="Partner", readonly=True)
    session_key = fields.Char(
        readonly=True, index="btree_not_null", help="Hash of an anonymous visitor's session."
    )
    channel = fields.Selection(
        [("backend", "Back Office"), ("portal", "Portal"), ("public", "Public Page")],
        required=True,
        default="backend",
        readonly=True,
    )
    result_count = fields.Integer("Results", readonly=True, aggregator="avg")
    category_id = fields.Many2one(
        "crm.knowledge.category", string="Suggested Category", readonly=True
    )
    article_id = fields.Many2one(
        "crm.knowledge.article", string="Opened Article", readonly=True, index="btree_not_null"
    )
    helped = fields.Selection(
        [("yes", "Helped"), ("no", "Did Not Help")], readonly=True, string="Helped?"
    )
    draft_article_id = fields.Many2one(
        "crm.knowledge.article", string="Draft Article", readonly=True, copy=False
    )

    # most-asked lists: the last days of answered questions, grouped by question
    _date_question_idx = models.Index("(date, question_norm) WHERE result_count > 0")

    # -- actions ------------------------------------------------------------

    def action_create_draft_article(self):
        """A knowledge gap becomes a draft article titled with the question."""
        self.ensure_one()
        if self.draft_article_id:
            raise UserError(
                self.env._(
                    "The question “%(question)s” already has the draft article “%(title)s”.",
                    question=self.question,
                    title=self.draft_article_id.name,
                )
            )
        article = self.env["crm.knowledge.article"].create(
            {
                "name": self.question[:200],
                "category_id": self.category_id.id,
                "keywords": ", ".join(kt.query_terms(self.question)),
                "source_query_id": self.id,
            }
        )
        # Every log line asking the same question is answered by this draft.
        self.search(
            [("question_norm", "=", self.question_norm), ("draft_article_id", "=", False)]
        ).draft_article_id = article
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.knowledge.article",
            "res_id": article.id,
            "view_mode": "form",
            "target": "current",
        }

    # -- business -----------------------------------------------------------

    @api.model
    def _normalise(self, question):
        return " ".join((question or "").lower().split())[:200]

    @api.model
    def _log_question(self, question, result_count, category, channel, session_key=None):
        question = kt.clean_text(question)
        user = self.env.user
        public = user._is_public()
        return (
            self.sudo()
            .create(
                {
                    "question": question,
                    "question_norm": self._normalise(question),
                    "user_id": False if public else user.id,
                    "partner_id": False if public else user.partner_id.id,
                    "session_key": session_key if public else False,
                    "channel": channel,
                    "result_count": result_count,
                    "category_id": category.id,
                }
            )
            .with_env(self.env)
        )

    def _record_open(self, article, session_key=None):
        """The asker opened an answer: remember the first article opened."""
        query = self._owned_by_caller(session_key)
        if query and not query.article_id:
            query.sudo().article_id = article

    def _record_helped(self, helped, session_key=None):
        query = self._owned_by_caller(session_key)
        if query:
            query.sudo().helped = "yes" if helped else "no"

    def _owned_by_caller(self, session_key=None):
        """This query if the current user (or anonymous session) asked it."""
        query = self.sudo().exists()
        if not query:
            return query
        user = self.env.user
        if user._is_public():
            return query if session_key and query.session_key == session_key else query.browse()
        return query if query.user_id == user else query.browse()

    @api.model
    def get_most_asked(self, limit=10, days=30):
        """[(question, count)] most asked with a result over the last days."""
        since = fields.Datetime.now() - timedelta(days=days)
        groups = self.sudo()._read_group(
            [("date", ">=", since), ("result_count", ">", 0)],
            ["question_norm"],
            ["__count"],
            order="__count desc, question_norm",
            limit=limit,
        )
        return [(question, count) for question, count in groups if question]

    @api.model
    def get_most_opened_articles(self, limit=10, days=30):
        """Articles the caller may read, most opened from answers over the last days."""
        since = fields.Datetime.now() - timedelta(days=days)
        groups = self.sudo()._read_group(
            [("date", ">=", since), ("article_id", "!=", False)],
            ["article_id"],
            ["__count"],
            order="__count desc",
            limit=limit * 3,
        )
        articles = self.env["crm.knowledge.article"].browse([a.id for a, _c in groups])
        readable = articles._filtered_access("read").filtered(lambda a: a.state == "published")
        counts = {a.id: c for a, c in groups}
        return [(article, counts[article.id]) for article in readable[:limit]]

    @api.model
    def get_latest(self, limit=10):
        """The newest distinct questions that found an answer."""
        latest = []
        for query in self.sudo().search_fetch(
            [("result_count", ">", 0)], ["question", "question_norm"], limit=limit * 5
        ):
            if query.question_norm not in [q[1] for q in latest]:
                latest.append((query.question, query.question_norm))
                if len(latest) == limit:
                    break
        return [question for question, _norm in latest]
