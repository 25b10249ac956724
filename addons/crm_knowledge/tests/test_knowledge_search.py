from unittest.mock import patch

from markupsafe import Markup

from odoo.tests import tagged, users
from odoo.tools import config

from .common import KnowledgeCommon


@tagged("post_install", "-at_install")
class TestKnowledgeSearch(KnowledgeCommon):
    def answers(self, question, user=None, **kw):
        Article = self.env["crm.knowledge.article"]
        if user:
            Article = Article.with_user(user)
        return Article.search_answers(question, **kw)

    def ids(self, result):
        return [a["id"] for a in result["answers"]]

    def test_chinese_question_finds_the_segmented_article_first(self):
        result = self.answers("我的手机开不了机，无法开机怎么办？")  # noqa: RUF001
        self.assertEqual(self.ids(result)[0], self.art_boot.id)
        self.assertIn(Markup("如果<mark>手机无法开机</mark>"), result["answers"][0]["snippet"])

    def test_english_question_and_prefix_match(self):
        result = self.answers("returns refunds")
        self.assertEqual(self.ids(result)[0], self.art_return.id)
        self.assertIn("<mark>", result["answers"][0]["snippet"])

    def test_title_match_and_popularity_rank_higher(self):
        # both mention 退货; the one titled with it ranks first
        result = self.answers("退货")
        self.assertEqual(self.ids(result)[:1], [self.art_return_cn.id])
        self.assertIn(self.art_return.id, self.ids(result))
        # popularity: many helpful votes lift the other article above
        self.env.cr.execute(
            "UPDATE crm_knowledge_article SET helpful_count = 10000 WHERE id = %s",
            [self.art_return.id],
        )
        self.env.invalidate_all()
        self.assertEqual(self.ids(self.answers("退货"))[:1], [self.art_return.id])

    def test_draft_archived_and_invisible_articles_are_never_answers(self):
        found = set(self.ids(self.answers("battery recall warranty internal price engineering")))
        self.assertFalse(found & set((self.art_draft | self.art_archived).ids))
        employee_found = set(
            self.ids(self.answers("internal price engineering escalation", user=self.employee))
        )
        self.assertIn(self.art_internal.id, employee_found)
        self.assertNotIn(self.art_restricted.id, employee_found)

    def test_partial_matches_of_a_rare_word_are_not_crowded_out(self):
        """No article holds every word: each word brings its share of the candidates,
        so the one article of a rare word competes with the many of a common one."""
        values = {"category_id": self.cat_repair.id, "audience": "public", "state": "published"}
        Article = self.env["crm.knowledge.article"]
        common = Article.create(
            [
                dict(values, name=f"Printer guide {i}", body="<p>Printer paper tray.</p>")
                for i in range(6)
            ]
        )
        rare = Article.create(dict(values, name="Toner", body="<p>The xerographic drum.</p>"))
        with patch("odoo.addons.crm_knowledge.models.crm_knowledge_article.PARTIAL_CANDIDATES", 4):
            found = self.ids(self.answers("printer xerographic"))
        # Two candidates per word: two of the printer guides, and the toner article.
        self.assertEqual(len(found), 3)
        self.assertIn(rare.id, found)
        self.assertLessEqual(set(found) - set(rare.ids), set(common.ids))
        self.assertEqual(len(self.ids(self.answers("printer xerographic"))), 7)

    def test_trigram_fallback_for_typos(self):
        result = self.answers("How do I retrun a prodcut")
        self.assertEqual(self.ids(result)[:1], [self.art_return.id])

    def test_hostile_questions_never_raise(self):
        Query = self.env["crm.knowledge.query"]
        before = Query.search_count([])
        for question in [
            "",
            "   ",
            None,
            "&|!():*'\"",
            "'; DROP TABLE crm_knowledge_article; --",
            "开机 & | ! ( ) : * ' \" \\",
            "a" * 10000,
            "手机" * 5000,
            "<script>alert(1)</script>",
        ]:
            with self.subTest(question=(question or "")[:30]):
                result = self.answers(question)
                self.assertIsInstance(result["answers"], list)
                for answer in result["answers"]:
                    self.assertNotIn("<script>", answer["snippet"])
                    self.assertNotIn("<script>", answer["title"])
        # empty questions are not logged; the other six are
        self.assertEqual(Query.search_count([]) - before, 6)
        self.assertEqual(len(Query.search([("question", "=like", "aaaa%")]).question), 500)

    def test_search_logs_the_question(self):
        result = self.answers("退货", user=self.portal)
        query = result["query"].sudo()
        self.assertRecordValues(
            query,
            [
                {
                    "question": "退货",
                    "question_norm": "退货",
                    "user_id": self.portal.id,
                    "partner_id": self.portal.partner_id.id,
                    "channel": "backend",
                    "result_count": len(result["answers"]),
                    "category_id": self.cat_returns.id,
                    "article_id": False,
                }
            ],
        )
        public = self.answers("退货", user=self.public, channel="public", session_key="abc")
        self.assertRecordValues(
            public["query"].sudo(),
            [{"user_id": False, "partner_id": False, "session_key": "abc", "channel": "public"}],
        )

    @users("kn_employee")
    def test_search_screen(self):
        search = self.env["crm.knowledge.search"].create({"question": "手机无法开机"})
        search.action_search()
        self.assertEqual(search.answer_ids[0].article_id, self.art_boot)
        self.assertEqual(search.category_id, self.cat_phone)
        self.assertEqual(search.most_asked_ids.mapped("question"), ["手机无法开机"])
        self.assertEqual(search.latest_ids.mapped("question"), ["手机无法开机"])
        search.answer_ids[0].action_open()
        self.assertEqual(search.query_id.sudo().article_id, self.art_boot)
        self.assertEqual(self.art_boot.view_count, 1)
        search.latest_ids[0].action_ask()
        self.assertEqual(search.most_asked_ids[0].count, 2)

    def test_query_count_does_not_grow_with_the_answers(self):
        Article = self.env["crm.knowledge.article"].with_user(self.employee)
        Article.search_answers("warm up")  # classifier and caches
        for question in ["退货", "手机无法开机 电源 退货 repair"]:
            self.env.invalidate_all()
            with self.subTest(question=question), self.assertQueryCount(8):
                Article.search_answers(question)

    def test_workers_load_the_dictionary_before_they_fork(self):
        Article = self.env["crm.knowledge.article"]
        loads = []
        path = "odoo.addons.crm_knowledge.models.knowledge_text.jieba.initialize"
        with patch(path, side_effect=lambda: loads.append("load")):
            with patch.dict(config.options, {"workers": 0}):
                Article._register_hook()
            self.assertEqual(loads, [], "the threaded server loads it at the first search")
            with patch.dict(config.options, {"workers": 4}):
                Article._register_hook()
        self.assertEqual(loads, ["load"])
