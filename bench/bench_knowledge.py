"""Knowledge base: ranked full-text answers vs Odoo's default ilike search.

Generates BENCH_ARTICLES articles (default 100,000) whose words are drawn by
frequency from jieba's own dictionary (top 40,000 words) mixed with English
terms, and BENCH_QUERIES logged questions (default 1,000,000), in bulk SQL. The
tsvector column is then filled through the product's own batch method, and
every measured search goes through `crm.knowledge.article.search_answers`
(segmentation, ranking, record rules, snippets, classification and the log
line included), run as a salesperson so that the record rules apply.
"""

import random
import time
from collections import Counter
from datetime import timedelta

import jieba

from odoo import fields
from odoo.tools import SQL

DICT_WORDS = 40000
BATCH = 10000
EN_TERMS = (
    "battery screen charger warranty refund return repair invoice delivery order "
    "bluetooth wifi router printer scanner laptop tablet phone camera speaker headset "
    "firmware update reset password account login install driver cable adapter fan "
    "compressor filter leak noise error code display sensor motor pump valve remote "
    "replacement exchange shipping courier tracking receipt discount coupon membership "
    "installation maintenance inspection overheating freeze crash restart backup sync "
    "storage memory keyboard mouse monitor projector fridge washer dryer oven heater"
).split()
CATEGORIES = [
    "手机",
    "电脑",
    "家电",
    "维修",
    "退换货",
    "配送",
    "发票",
    "账户",
    "Networking",
    "Accessories",
    "Installation",
    "Warranty",
]


def _dictionary():
    """The top words of jieba's dict.txt with their frequencies."""
    entries = []
    with open(jieba.get_dict_file().name, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                entries.append((parts[0], int(parts[1])))
    entries.sort(key=lambda e: -e[1])
    entries = entries[:DICT_WORDS]
    return [w for w, _f in entries], [f for _w, f in entries]


class TextGenerator:
    def __init__(self, seed=19):
        self.rng = random.Random(seed)
        words, freqs = _dictionary()
        # English terms get the weight of mid-frequency Chinese words: common
        # enough to be asked about, rare enough to be discriminating.
        en_weight = freqs[len(freqs) // 50]
        self.words = words + EN_TERMS
        weights = freqs + [en_weight] * len(EN_TERMS)
        total, cum = 0, []
        for w in weights:
            total += w
            cum.append(total)
        self.cum = cum

    def draw(self, k):
        return self.rng.choices(self.words, cum_weights=self.cum, k=k)

    @staticmethod
    def join(words):
        out = []
        for word in words:
            if word.isascii():
                out.append(f" {word} ")
            else:
                out.append(word)
        return " ".join("".join(out).split())


def _insert_articles(env, gen, count, category_ids, uid):
    """Bulk INSERT ... SELECT unnest(...) in batches; returns a sample of word lists."""
    rng = gen.rng
    samples = []
    now = fields.Datetime.now()
    audiences = ["public"] * 7 + ["partner"] * 2 + ["internal"]
    for start in range(0, count, BATCH):
        size = min(BATCH, count - start)
        names, bodies, keywords, cats, auds, states, views, helpful, dates = ([] for _i in range(9))
        for _i in range(size):
            title_words = gen.draw(rng.randint(3, 6))
            body_words = gen.draw(rng.randint(40, 120))
            names.append(gen.join(title_words)[:200])
            bodies.append(f"<p>{gen.join(body_words)}</p>")
            keywords.append(", ".join(gen.draw(2)))
            cats.append(category_ids[min(int(rng.paretovariate(1.2)) - 1, len(category_ids) - 1)])
            auds.append(rng.choice(audiences))
            states.append("published" if rng.random() < 0.95 else "draft")
            views.append(min(int(rng.paretovariate(1.1)) - 1, 100000))
            helpful.append(min(int(rng.paretovariate(1.5)) - 1, 10000))
            dates.append(now - timedelta(days=rng.randint(0, 730)))
            if len(samples) < 5000 and rng.random() < 0.2:
                samples.append(title_words + body_words)
        env.cr.execute(
            SQL(
                """
                INSERT INTO crm_knowledge_article
                    (name, body, keywords, category_id, audience, state, view_count,
                     helpful_count, unhelpful_count, create_uid, write_uid, create_date,
                     write_date)
                SELECT n, b, k, c, a, s, v, h, 0, %(uid)s, %(uid)s, d, d
                  FROM unnest(%(n)s::varchar[], %(b)s::text[], %(k)s::varchar[], %(c)s::int[],
                              %(a)s::varchar[], %(s)s::varchar[], %(v)s::int[], %(h)s::int[],
                              %(d)s::timestamp[]) AS t(n, b, k, c, a, s, v, h, d)
                """,
                uid=uid,
                n=names,
                b=bodies,
                k=keywords,
                c=cats,
                a=auds,
                s=states,
                v=views,
                h=helpful,
                d=dates,
            )
        )
    return samples


def _questions(gen, samples, count, misses):
    """2-3 consecutive words cut from random documents, plus misses."""
    rng = gen.rng
    questions = []
    for _i in range(count - misses):
        words = rng.choice(samples)
        n = rng.randint(2, 3)
        start = rng.randint(0, len(words) - n)
        questions.append(gen.join(words[start : start + n]))
    for i in range(misses):
        questions.append(rng.choice([f"zqx{i}vbk", f"qwfp{i} ynnr", f"кошка{i}", f"xj{i}"]))
    rng.shuffle(questions)
    return questions


def _insert_queries(env, questions, count, first_article, n_articles):
    """1,000,000 log lines in SQL; a few questions very often, most rarely."""
    env.cr.execute(
        SQL(
            """
            INSERT INTO crm_knowledge_query
                (question, question_norm, date, channel, result_count, article_id, helped,
                 create_uid, write_uid, create_date, write_date)
            SELECT q, lower(q), d, 'public', r,
                   CASE WHEN r > 0 AND random() < 0.6
                        THEN %(first)s + floor(random() * %(n)s)::int END,
                   CASE WHEN random() < 0.2 THEN 'yes' WHEN random() < 0.1 THEN 'no' END,
                   1, 1, d, d
              FROM (
                SELECT (%(pool)s::text[])[1 + floor(pow(random(), 3) * %(size)s)::int] AS q,
                       now() at time zone 'utc' - random() * interval '730 days' AS d,
                       (CASE WHEN random() < 0.15 THEN 0 ELSE 1 + floor(random() * 10) END)::int
                           AS r
                  FROM generate_series(1, %(count)s)
              ) AS s
            """,
            first=first_article,
            n=n_articles,
            pool=questions,
            size=len(questions),
            count=count,
        )
    )


def run(env, bench):
    n_articles = bench.size("BENCH_ARTICLES", 100000)
    n_queries = bench.size("BENCH_QUERIES", 1000000)
    Article = env["crm.knowledge.article"]
    Query = env["crm.knowledge.query"]

    started = time.perf_counter()
    gen = TextGenerator()
    categories = env["crm.knowledge.category"].create([{"name": n} for n in CATEGORIES])
    env.flush_all()
    env.cr.execute("SELECT coalesce(max(id), 0) FROM crm_knowledge_article")
    first_article = env.cr.fetchone()[0] + 1
    samples = _insert_articles(env, gen, n_articles, categories.ids, env.uid)
    pool = _questions(gen, samples, 5000, 500)
    _insert_queries(env, pool, n_queries, first_article, n_articles)
    generated = time.perf_counter() - started

    fill, _r = bench.timed(lambda: Article._rebuild_all_search_vectors(batch_size=2000))
    env.cr.execute("ANALYZE crm_knowledge_article; ANALYZE crm_knowledge_query")
    bench.line(
        f"knowledge data: {n_articles:,} articles and {n_queries:,} logged questions "
        f"generated in {bench.ms(generated)}; jieba tsvector fill (batches of 2,000) "
        f"{bench.ms(fill)}"
    )

    user = bench.users[1]  # a salesperson: the employee record rule applies
    UserArticle = Article.with_user(user)
    train, _r = bench.timed(lambda: Article._naive_bayes_model())
    asked = _questions(gen, samples, 60, 5)
    for question in asked[:3]:  # warm-up: jieba dictionary, caches
        UserArticle.search_answers(question)

    found = Counter()
    it = iter(asked)

    def ours():
        result = UserArticle.search_answers(next(it))
        found["ours"] += bool(result["answers"])

    stats = bench.measure(ours, runs=len(asked))

    it_base = iter(asked)

    def baseline():
        q = next(it_base)
        records = UserArticle.search(["|", ("name", "ilike", q), ("body", "ilike", q)], limit=10)
        found["ilike"] += bool(records)

    base = bench.measure(baseline, runs=len(asked))

    from odoo.addons.crm_knowledge.models import knowledge_text

    it_sql = iter(asked)

    def ranked_sql_only():
        terms = knowledge_text.query_terms(next(it_sql))
        if terms:
            UserArticle._fulltext_ranked(terms, "&", 10)

    sql_only = bench.measure(ranked_sql_only, runs=len(asked))
    with bench.queries(env) as q:
        UserArticle.search_answers(asked[0])
    bench.line(
        f"knowledge search {n_articles:,} articles via search_answers: p50 {bench.ms(stats.p50)}, "
        f"p95 {bench.ms(stats.p95)} ({q.count} queries incl. the log line; targets 20 ms / "
        f"50 ms); ilike name|body p50 {bench.ms(base.p50)}, p95 {bench.ms(base.p95)}; "
        f"ratio {bench.ratio(base.p50, stats.p50)}; found {found['ours']}/{len(asked)} vs "
        f"{found['ilike']}/{len(asked)}; ranked SQL alone (AND pass, record rules) "
        f"p50 {bench.ms(sql_only.p50)}, p95 {bench.ms(sql_only.p95)}; classifier trained "
        f"in {bench.ms(train)}"
    )

    most = bench.measure(lambda: Query.with_user(user).get_most_asked(), runs=20)
    since = fields.Datetime.now() - timedelta(days=30)

    def most_baseline():
        counter = Counter(
            Query.search_fetch(
                [("date", ">=", since), ("result_count", ">", 0)], ["question_norm"]
            ).mapped("question_norm")
        )
        return counter.most_common(10)

    base_most = bench.measure(most_baseline, runs=3)
    latest = bench.measure(lambda: Query.with_user(user).get_latest(), runs=20)
    bench.line(
        f"knowledge most-asked (30 days of {n_queries:,} logged questions): "
        f"p50 {bench.ms(most.p50)}, p95 {bench.ms(most.p95)}; ORM read + Python count "
        f"p50 {bench.ms(base_most.p50)} (3 runs); ratio {bench.ratio(base_most.p50, most.p50)}; "
        f"latest questions p50 {bench.ms(latest.p50)}"
    )
