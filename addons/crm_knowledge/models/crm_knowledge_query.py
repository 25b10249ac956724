from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL

from . import knowledge_text as kt

# The channels whose questions the lists of each audience outside the back office
# show; the back office (employees) sees the questions of every channel.
LIST_CHANNELS = {"public": ["public"], "portal": ["public", "portal"]}


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
    answer_id = fields.Many2one(
        "crm.knowledge.article",
        string="Best Answer",
        readonly=True,
        help="The first answer found. The public and portal lists show a question only "
        "while their readers may read this article.",
    )
    listable = fields.Boolean(
        "Fit to List",
        compute="_compute_listable",
        store=True,
        help="Short plain text with a search term: no markup, link, e-mail address, long "
        "number or repeated key. Only such questions appear in the public and portal lists.",
    )

    # most-asked lists: the last days of answered questions, grouped by question
    _date_question_idx = models.Index("(date, question_norm) WHERE result_count > 0")
    # the public and portal lists: listable answered questions of their channels
    _listed_channel_date_idx = models.Index(
        "(channel, date) WHERE result_count > 0 AND listable IS TRUE"
    )

    @api.depends("question")
    def _compute_listable(self):
        for query in self:
            query.listable = kt.listable_question(query.question)

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
    def _log_question(
        self, question, result_count, category, channel, session_key=None, answer=None
    ):
        question = kt.clean_text(question)
        user = self.env.user
        public = user._is_public()
        now = self.env.cr.now()
        # Every search logs its question: one INSERT, without the ORM's create (the
        # log has no other stored computed field than ``listable``, computed here).
        [[query_id]] = self.env.execute_query(
            SQL(
                """INSERT INTO crm_knowledge_query (
                        question, question_norm, date, user_id, partner_id, session_key,
                        channel, result_count, category_id, answer_id, listable,
                        create_uid, write_uid, create_date, write_date)
                   VALUES (%(question)s, %(norm)s, %(date)s, %(user)s, %(partner)s,
                           %(session)s, %(channel)s, %(count)s, %(category)s, %(answer)s,
                           %(listable)s, %(uid)s, %(uid)s, %(now)s, %(now)s)
                   RETURNING id""",
                question=question,
                norm=self._normalise(question),
                date=fields.Datetime.now(),
                user=None if public else user.id,
                partner=None if public else user.partner_id.id,
                session=(session_key or None) if public else None,
                channel=channel,
                count=result_count,
                category=category.id or None,
                answer=answer.id if answer else None,
                listable=kt.listable_question(question),
                uid=self.env.uid,
                now=now,
            )
        )
        return self.browse(query_id)

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
    def _list_audience(self):
        """Whose lists the caller sees: "public", "portal" or "internal"."""
        user = self.env.user
        if user._is_public():
            return "public"
        return "internal" if user._is_internal() else "portal"

    @api.model
    def _list_domain(self, days):
        """The questions the caller's lists may show, asked over the last days.

        The back office sees every answered question. Visitors and portal users see
        the listable questions of their channels whose best answer is a published
        article they may read (their record rules, as a subquery: no row is read)."""
        since = fields.Datetime.now() - timedelta(days=days)
        domain = Domain(
            [("date", ">=", since), ("result_count", ">", 0), ("question_norm", "!=", False)]
        )
        audience = self._list_audience()
        if audience != "internal":
            readable = self.env["crm.knowledge.article"]._search([("state", "=", "published")])
            domain &= Domain(
                [
                    ("channel", "in", LIST_CHANNELS[audience]),
                    ("listable", "=", True),
                    ("answer_id", "in", readable),
                ]
            )
        return domain, audience

    @api.model
    def get_most_asked(self, limit=10, days=30):
        """[(question, count)] most asked with an answer over the last days; outside
        the back office, normalised questions cut to kt.LIST_LABEL_CHARS."""
        domain, audience = self._list_domain(days)
        groups = self.sudo()._read_group(
            domain,
            ["question_norm"],
            ["__count"],
            order="__count desc, question_norm",
            limit=limit,
        )
        if audience == "internal":
            return groups
        return [(kt.list_label(question), count) for question, count in groups]

    @api.model
    def get_most_opened_articles(self, limit=10, days=30):
        """Articles the caller may read, most opened from answers over the last days."""
        since = fields.Datetime.now() - timedelta(days=days)
        readable = self.env["crm.knowledge.article"]._search([("state", "=", "published")])
        groups = self.sudo()._read_group(
            [("date", ">=", since), ("article_id", "in", readable)],
            ["article_id"],
            ["__count"],
            order="__count desc",
            limit=limit,
        )
        return [(article.with_env(self.env), count) for article, count in groups]

    @api.model
    def get_latest(self, limit=10, days=30):
        """The newest distinct questions with an answer over the last days: as asked in
        the back office, normalised and cut to kt.LIST_LABEL_CHARS outside it."""
        domain, audience = self._list_domain(days)
        groups = self.sudo()._read_group(
            domain,
            ["question_norm"],
            ["date:max", "id:max"],
            order="date:max desc, id:max desc",
            limit=limit,
        )
        if audience == "internal":
            # the newest wording of each question, read in one query
            return self.sudo().browse([id_ for _q, _d, id_ in groups]).mapped("question")
        return [kt.list_label(question) for question, _date, _id in groups]
