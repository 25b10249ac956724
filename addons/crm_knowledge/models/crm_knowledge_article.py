import math

from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import SQL, split_every

from . import knowledge_text as kt

# Text searches rank at most this many matching rows: a question made of very
# common words must not rank half of the knowledge base.
RANK_CANDIDATES = 2000
# Candidates of the partial-match pass, shared among the question's terms.
PARTIAL_CANDIDATES = 300
# The classifier learns from at most this many published articles.
TRAINING_SAMPLE = 20000


class CrmKnowledgeArticle(models.Model):
    _name = "crm.knowledge.article"
    _description = "Knowledge Article"
    _inherit = ["mail.thread"]
    _order = "helpful_count desc, view_count desc, id desc"

    name = fields.Char("Title", required=True, tracking=True, index="trigram")
    body = fields.Html(sanitize=True, sanitize_overridable=False, sanitize_attributes=True)
    keywords = fields.Char(tracking=True, help="Words readers may search for, comma-separated.")
    category_id = fields.Many2one(
        "crm.knowledge.category", tracking=True, index=True, ondelete="restrict"
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")
    product_ids = fields.Many2many("product.product", string="Related Products")
    audience = fields.Selection(
        [("internal", "Internal"), ("partner", "Partners"), ("public", "Public")],
        default="internal",
        required=True,
        tracking=True,
        index=True,
        help="Internal: employees only; Partners: also portal users (service partners, "
        "repair agencies); Public: everyone, including visitors who are not logged in.",
    )
    group_ids = fields.Many2many(
        "res.groups",
        string="Restricted to Groups",
        help="Internal articles with groups are visible only to members of these groups.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published"), ("archived", "Archived")],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    view_count = fields.Integer("Views", readonly=True, copy=False, default=0)
    helpful_count = fields.Integer("Helpful", readonly=True, copy=False, default=0)
    unhelpful_count = fields.Integer("Not Helpful", readonly=True, copy=False, default=0)
    feedback_ids = fields.One2many("crm.knowledge.feedback", "article_id", string="Feedback")
    source_query_id = fields.Many2one(
        "crm.knowledge.query", string="Created from Question", readonly=True, copy=False
    )

    # -- CRUD ---------------------------------------------------------------

    def init(self):
        # The weighted tsvector is not an ORM field: it is built from jieba
        # lexemes in Python (_refresh_search_vector) and read only by SQL.
        self.env.cr.execute(
            SQL(
                "ALTER TABLE crm_knowledge_article ADD COLUMN IF NOT EXISTS search_vector tsvector;"
                "CREATE INDEX IF NOT EXISTS crm_knowledge_article_search_vector_idx"
                " ON crm_knowledge_article USING gin (search_vector)"
            )
        )

    def _register_hook(self):
        super()._register_hook()
        # jieba reads its dictionary at the first segmentation: seconds. Under
        # workers the registry loads in the server before it forks them, so loading
        # it here pays once instead of making the first search of every worker wait.
        if tools.config["workers"]:
            kt.load_dictionary()

    @api.model_create_multi
    def create(self, vals_list):
        articles = super().create(vals_list)
        articles._refresh_search_vector()
        if any(article.state == "published" for article in articles):
            self.env.registry.clear_cache()
        return articles

    def write(self, vals):
        if "body" in vals and not self.env.context.get("tracking_disable"):
            for article in self:
                article.message_post(body=self.env._("The article text was changed."))
        result = super().write(vals)
        if {"name", "keywords", "body"} & set(vals):
            self._refresh_search_vector()
        if {"name", "keywords", "body", "state", "category_id"} & set(vals):
            # the classifier is trained on published articles
            self.env.registry.clear_cache()
        return result

    # -- actions ------------------------------------------------------------

    def action_publish(self):
        for article in self:
            if article.state == "published":
                raise UserError(
                    self.env._("The article “%(title)s” is already published.", title=article.name)
                )
            if not kt.html_to_text(article.body):
                raise UserError(
                    self.env._(
                        "The article “%(title)s” has no text; write it before publishing.",
                        title=article.name,
                    )
                )
        self.state = "published"

    def action_set_draft(self):
        self.state = "draft"

    def action_archive_article(self):
        self.state = "archived"

    # -- search -------------------------------------------------------------

    def _refresh_search_vector(self, batch_size=1000):
        """Rebuild the tsvector of these articles, one UPDATE per batch."""
        if not self:
            return
        self.flush_model(["name", "keywords", "body"])
        for ids in split_every(batch_size, self.ids):
            rows = self.env.execute_query(
                SQL(
                    "SELECT id, name, keywords, body FROM crm_knowledge_article WHERE id IN %s",
                    tuple(ids),
                )
            )
            ids_, vectors = [], []
            for id_, name, keywords, body in rows:
                ids_.append(id_)
                vectors.append(kt.tsvector_literal(name, keywords, kt.html_to_text(body)))
            self.env.cr.execute(
                SQL(
                    "UPDATE crm_knowledge_article a SET search_vector = v.vec::tsvector"
                    " FROM unnest(%s::int[], %s::text[]) AS v(id, vec) WHERE a.id = v.id",
                    ids_,
                    vectors,
                )
            )

    @api.model
    def _rebuild_all_search_vectors(self, batch_size=2000):
        ids = [
            row[0]
            for row in self.env.execute_query(
                SQL("SELECT id FROM crm_knowledge_article ORDER BY id")
            )
        ]
        self.browse(ids)._refresh_search_vector(batch_size=batch_size)
        self.env.registry.clear_cache()

    def _rank_sql(self, alias, tsquery):
        vector = SQL.identifier(alias, "search_vector")
        return SQL(
            "ts_rank_cd(%(v)s, %(q)s)"
            " * (CASE WHEN ts_filter(%(v)s, '{a}') @@ %(q)s THEN 2 ELSE 1 END)"
            " * (1 + ln(1 + coalesce(%(views)s, 0) + 3 * coalesce(%(helpful)s, 0)))",
            v=vector,
            q=tsquery,
            views=SQL.identifier(alias, "view_count"),
            helpful=SQL.identifier(alias, "helpful_count"),
        )

    def _fulltext_ranked(self, terms, operator, limit, exclude_ids=()):
        """[(id, rank)] of readable published articles matching the terms."""
        domain = [("state", "=", "published")]
        if exclude_ids:
            domain.append(("id", "not in", list(exclude_ids)))
        if operator == "|" and len(terms) > 1:
            candidates = self._partial_candidates_sql(domain, terms)
        else:
            candidates = self._full_candidates_sql(domain, terms)
        return self.env.execute_query(
            SQL(
                "SELECT id, rank FROM (%s) AS candidates ORDER BY rank DESC, id DESC LIMIT %s",
                candidates,
                limit,
            )
        )

    def _full_candidates_sql(self, domain, terms):
        """(id, rank) of at most RANK_CANDIDATES articles of ``domain`` holding every term."""
        tsquery = SQL("%s::tsquery", kt.tsquery_literal(terms, "&"))
        query = self._fulltext_query(domain, terms, "&", RANK_CANDIDATES)
        return query.select(
            SQL.identifier(query.table, "id"),
            SQL("%s AS rank", self._rank_sql(query.table, tsquery)),
        )

    def _partial_candidates_sql(self, domain, terms, exclude_full=False):
        """(id, rank) of articles of ``domain`` holding some of the terms.

        Partial matches only fill the list after the full ones. Ranking every article
        that shares one common word with the question cost 20 ms on 100,000 articles;
        each term brings at most its share of candidates, so all the articles of a
        rare term compete and a common one cannot crowd them out. Each candidate is
        ranked in its term's scan, where its row already is; the record rules are
        read once for all the terms."""
        query = self._search(domain)
        vector = SQL.identifier(query.table, "search_vector")
        if exclude_full:
            full = SQL("%s::tsquery", kt.tsquery_literal(terms, "&"))
            query.add_where(SQL("NOT (%s @@ %s)", vector, full))
        tsquery = SQL("%s::tsquery", kt.tsquery_literal(terms, "|"))
        rank = self._rank_sql(query.table, tsquery)
        per_term = max(1, PARTIAL_CANDIDATES // len(terms))
        selects = [
            SQL(
                "(SELECT %s AS id, %s AS rank FROM %s WHERE %s AND %s @@ %s::tsquery LIMIT %s)",
                SQL.identifier(query.table, "id"),
                rank,
                query.from_clause,
                query.where_clause,
                vector,
                kt.tsquery_literal([term], "&"),
                per_term,
            )
            for term in terms
        ]
        return SQL(
            "SELECT DISTINCT ON (id) id, rank FROM (%s) AS per_term",
            SQL(" UNION ALL ").join(selects),
        )

    def _ranked_answers(self, terms, limit):
        """[(id, rank)]: the articles holding every term, then, when they are fewer
        than ``limit``, those holding some. One query: the partial pass runs only when
        the full one came short (a one-time filter in PostgreSQL's plan)."""
        full = self._full_candidates_sql([("state", "=", "published")], terms)
        if len(terms) < 2:
            return self.env.execute_query(
                SQL(
                    "SELECT id, rank FROM (%s) AS c ORDER BY rank DESC, id DESC LIMIT %s",
                    full,
                    limit,
                )
            )
        partial = self._partial_candidates_sql(
            [("state", "=", "published")], terms, exclude_full=True
        )
        return self.env.execute_query(
            SQL(
                """WITH full_match AS MATERIALIZED (
                        SELECT id, rank FROM (%(full)s) AS c
                         ORDER BY rank DESC, id DESC LIMIT %(limit)s),
                   partial_match AS (
                        SELECT id, rank FROM (%(partial)s) AS c
                         WHERE (SELECT count(*) FROM full_match) < %(limit)s
                         ORDER BY rank DESC, id DESC LIMIT %(limit)s)
                   SELECT id, rank FROM (
                        SELECT id, rank, 1 AS full_rank FROM full_match
                        UNION ALL
                        SELECT id, rank, 0 FROM partial_match) AS answers
                    ORDER BY full_rank DESC, rank DESC, id DESC LIMIT %(limit)s""",
                full=full,
                partial=partial,
                limit=limit,
            )
        )

    def _fulltext_query(self, domain, terms, operator, count):
        """At most ``count`` readable articles of ``domain`` matching the terms."""
        query = self._search(domain)
        tsquery = SQL("%s::tsquery", kt.tsquery_literal(terms, operator))
        query.add_where(SQL("%s @@ %s", SQL.identifier(query.table, "search_vector"), tsquery))
        query.limit = count
        return query

    def _trigram_ranked(self, question, limit):
        """Title similarity: short or unsegmented terms and typos."""
        text = question.strip()[:100]
        if not text:
            return []
        query = self._search([("state", "=", "published")])
        name = SQL.identifier(query.table, "name")
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query.add_where(SQL("(%s %% %s OR %s ILIKE %s)", name, text, name, like))
        query.order = SQL("similarity(%s, %s) DESC", name, text)
        query.limit = limit
        return self.env.execute_query(
            query.select(SQL.identifier(query.table, "id"), SQL("similarity(%s, %s)", name, text))
        )

    @api.model
    def search_answers(self, question, limit=10, channel="backend", session_key=None):
        """Ranked answers to a question; every entry point goes through here.

        Returns a dict: the logged query, the suggested category and the answers
        (article, rank, title and snippet as escaped Markup with <mark> on the
        matched terms). Never raises on user input: control characters are dropped and
        the question is cut to kt.MAX_QUESTION_CHARS before anything else sees it."""
        question = kt.clean_text(question)
        limit = max(1, min(int(limit or 10), 50))
        terms = kt.query_terms(question)
        ranked = []
        if terms:
            ranked = list(self._ranked_answers(terms, limit))
        if not ranked and question:
            ranked = list(self._trigram_ranked(question, limit))
        articles = self.browse([r[0] for r in ranked])
        scores = dict(ranked)
        category = self.env["crm.knowledge.category"]
        query = self.env["crm.knowledge.query"]
        if question:
            category = self._classify_question(question, terms)
            query = self.env["crm.knowledge.query"]._log_question(
                question, len(articles), category, channel, session_key, answer=articles[:1]
            )
        highlight_terms = terms or ([question[:100]] if question else [])
        answers = []
        # The ranking query applied the record rules: read the texts without them again.
        for article, shown in zip(articles, articles.sudo(), strict=True):
            answers.append(
                {
                    "article": article,
                    "id": article.id,
                    "title": kt.highlight(shown.name, highlight_terms, width=200),
                    "snippet": kt.highlight(kt.html_to_text(shown.body), highlight_terms),
                    "score": scores[article.id],
                    "category": shown.category_id.display_name or "",
                }
            )
        return {
            "question": question,
            "terms": terms,
            "query": query,
            "category": category,
            "answers": answers,
        }

    # -- classification -----------------------------------------------------

    @api.model
    def _classify_question(self, question, terms=None):
        """Keyword rules of the categories first, then naive Bayes."""
        Category = self.env["crm.knowledge.category"]
        text = question.lower()[: kt.MAX_QUESTION_CHARS]
        best, best_hits = False, 0
        for category_id, keywords in Category._keyword_rules():
            hits = sum(1 for kw in keywords if kw in text)
            if hits > best_hits:
                best, best_hits = category_id, hits
        if best:
            return Category.browse(best)
        terms = terms if terms is not None else kt.query_terms(question)
        category_id = self._naive_bayes_classify(terms)
        return self.env["crm.knowledge.category"].browse(category_id)

    @api.model
    def _naive_bayes_classify(self, terms):
        model = self._naive_bayes_model()
        if not model or not terms:
            return False
        priors, term_counts, totals, vocabulary = model
        if not any(term in term_counts for term in terms):
            return False
        best, best_score = False, -math.inf
        for category_id, prior in priors.items():
            denominator = totals[category_id] + vocabulary
            score = prior
            for term in terms:
                count = term_counts.get(term, {}).get(category_id, 0)
                score += math.log((count + 1) / denominator)
            if score > best_score:
                best, best_score = category_id, score
        return best

    @tools.ormcache()
    def _naive_bayes_model(self):
        """Multinomial naive Bayes trained on the published articles' lexemes.

        Cached per registry; publishing or editing an article clears it. Trained
        in SQL from the stored tsvectors, so no article is segmented again."""
        docs = self.env.execute_query(
            SQL(
                "SELECT category_id, count(*) FROM crm_knowledge_article"
                " WHERE state = 'published' AND category_id IS NOT NULL GROUP BY category_id"
            )
        )
        if len(docs) < 2:
            return None
        total_docs = sum(count for _cat, count in docs)
        priors = {cat: math.log(count / total_docs) for cat, count in docs}
        # Retraining follows every edit of a published article: a sample of the
        # most read articles keeps it around a second on a large knowledge base.
        rows = self.env.execute_query(
            SQL(
                "SELECT a.category_id, t.lexeme, sum(coalesce(array_length(t.positions, 1), 1))"
                " FROM (SELECT category_id, search_vector FROM crm_knowledge_article"
                "        WHERE state = 'published' AND category_id IS NOT NULL"
                "        ORDER BY view_count DESC, id DESC LIMIT %s) a,"
                " unnest(a.search_vector) t"
                " GROUP BY a.category_id, t.lexeme",
                TRAINING_SAMPLE,
            )
        )
        term_counts, totals = {}, dict.fromkeys(priors, 0)
        for category_id, lexeme, count in rows:
            term_counts.setdefault(lexeme, {})[category_id] = count
            totals[category_id] += count
        return priors, term_counts, totals, len(term_counts)

    # -- counters -----------------------------------------------------------

    def _increment(self, field):
        """Atomic counter update, without write access, tracking or write_date."""
        assert field in ("view_count", "helpful_count", "unhelpful_count")
        if not self:
            return
        self.env.cr.execute(
            SQL(
                "UPDATE crm_knowledge_article SET %s = coalesce(%s, 0) + 1 WHERE id IN %s",
                SQL.identifier(field),
                SQL.identifier(field),
                tuple(self.ids),
            )
        )
        self.invalidate_recordset([field])
