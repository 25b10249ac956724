from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged, users

from odoo.addons.crm_core.tests.common import FrozenTodayMixin

from .common import KnowledgeCommon


@tagged("post_install", "-at_install")
class TestKnowledgeQueryLog(FrozenTodayMixin, KnowledgeCommon):
    """Most-asked and latest questions count back from today: a frozen day."""

    def test_most_asked_and_latest(self):
        Article = self.env["crm.knowledge.article"]
        with freeze_time(fields.Datetime.now() - timedelta(days=40)):
            for _i in range(5):
                Article.search_answers("退货流程")
        for question in ["手机无法开机", "退货", "手机无法开机", "Return a product", "zzzz qqqq"]:
            Article.search_answers(question)
        Query = self.env["crm.knowledge.query"]
        self.assertEqual(
            Query.get_most_asked(), [("手机无法开机", 2), ("return a product", 1), ("退货", 1)]
        )
        self.assertEqual(Query.get_latest(limit=3), ["Return a product", "手机无法开机", "退货"])

    def test_questions_are_cleaned_before_search_and_log(self):
        Article = self.env["crm.knowledge.article"]
        result = Article.search_answers("手机\x00无法开机\x1f\u200b")
        self.assertEqual(result["question"], "手机 无法开机")
        self.assertEqual(result["query"].question, "手机 无法开机")
        self.assertIn(self.art_boot, [answer["article"] for answer in result["answers"]])
        # Nothing left once the control characters are gone: nothing searched or logged.
        empty = Article.search_answers("\x00\x01\x02 \x7f")
        self.assertEqual((empty["question"], empty["answers"]), ("", []))
        self.assertFalse(empty["query"])
        self.assertEqual(len(Article.search_answers("维修" * 3000)["query"].question), 500)

    def test_most_opened_articles_only_readable(self):
        Article = self.env["crm.knowledge.article"]
        query = Article.search_answers("维修站 主板")["query"]
        query.article_id = self.art_partner
        query2 = Article.search_answers("退货")["query"]
        query2.article_id = self.art_return_cn
        Query = self.env["crm.knowledge.query"]
        portal_articles = {a for a, _c in Query.with_user(self.portal).get_most_opened_articles()}
        self.assertEqual(portal_articles, {self.art_partner, self.art_return_cn})
        public_articles = {a for a, _c in Query.with_user(self.public).get_most_opened_articles()}
        self.assertEqual(public_articles, {self.art_return_cn})

    def test_open_and_helped_recorded_only_for_the_asker(self):
        Article = self.env["crm.knowledge.article"]
        query = Article.with_user(self.public).search_answers(
            "退货", channel="public", session_key="s1"
        )["query"]
        query.with_user(self.public)._record_open(self.art_return_cn, session_key="other")
        self.assertFalse(query.sudo().article_id)
        query.with_user(self.public)._record_open(self.art_return_cn, session_key="s1")
        query.with_user(self.public)._record_helped(True, session_key="s1")
        self.assertRecordValues(
            query.sudo(), [{"article_id": self.art_return_cn.id, "helped": "yes"}]
        )
        query.with_user(self.employee)._record_helped(False)
        self.assertEqual(query.sudo().helped, "yes")

    @users("kn_manager")
    def test_knowledge_gap_becomes_draft_article(self):
        Article = self.env["crm.knowledge.article"]
        first = Article.search_answers("洗衣机漏水怎么办")["query"]
        second = Article.search_answers("洗衣机漏水怎么办")["query"]
        self.assertEqual(first.result_count, 0)
        gaps = self.env["crm.knowledge.query"].search(
            [
                "|",
                ("result_count", "=", 0),
                ("article_id", "=", False),
                ("id", "in", (first | second).ids),
            ]
        )
        self.assertEqual(gaps, first | second)
        action = first.action_create_draft_article()
        draft = Article.browse(action["res_id"])
        self.assertRecordValues(
            draft,
            [
                {
                    "name": "洗衣机漏水怎么办",
                    "state": "draft",
                    "source_query_id": first.id,
                    "keywords": "洗衣, 洗衣机, 漏水",
                }
            ],
        )
        self.assertEqual(second.draft_article_id, draft)
        with self.assertRaisesRegex(UserError, "already has the draft article"):
            second.action_create_draft_article()
