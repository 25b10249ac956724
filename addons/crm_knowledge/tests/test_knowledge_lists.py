from odoo.tests import tagged

from odoo.addons.crm_core.tests.common import FrozenTodayMixin

from ..models import knowledge_text as kt
from .common import LONG_QUESTION, LONG_QUESTION_LABEL, KnowledgeCommon


@tagged("post_install", "-at_install")
class TestKnowledgeLists(FrozenTodayMixin, KnowledgeCommon):
    """Each audience's most-asked and latest lists: the back office sees every
    question; visitors and portal users only listable questions of their channels
    whose best answer they may read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ask_on_every_channel()

    def lists(self, user):
        Query = self.env["crm.knowledge.query"].with_user(user)
        return Query.get_most_asked(), Query.get_latest()

    def test_best_answer_is_logged(self):
        queries = self.env["crm.knowledge.query"].search([])
        by_question = {q.question: q.answer_id for q in queries}
        self.assertEqual(by_question["Internal price list for repair parts"], self.art_internal)
        self.assertEqual(by_question["维修站 主板"], self.art_partner)
        self.assertEqual(by_question["手机无法开机"], self.art_boot)
        self.assertEqual(by_question["退货流程"], self.art_return_cn)

    def test_public_lists(self):
        most_asked, latest = self.lists(self.public)
        self.assertEqual(
            most_asked,
            [("手机无法开机", 3), (LONG_QUESTION_LABEL, 2), ("how do i return a product?", 1)],
        )
        self.assertEqual(
            latest, ["how do i return a product?", LONG_QUESTION_LABEL, "手机无法开机"]
        )

    def test_portal_lists_add_portal_questions(self):
        most_asked, latest = self.lists(self.portal)
        self.assertEqual(
            most_asked,
            [
                ("退货流程", 5),
                ("维修站 主板", 4),
                ("手机无法开机", 3),
                (LONG_QUESTION_LABEL, 2),
                ("how do i return a product?", 1),
            ],
        )
        self.assertEqual(
            latest,
            [
                "how do i return a product?",
                LONG_QUESTION_LABEL,
                "手机无法开机",
                "维修站 主板",
                "退货流程",
            ],
        )

    def test_back_office_lists_show_everything(self):
        junk = "退货 " + "qwer" * 124
        for user in (self.employee, self.manager):
            with self.subTest(user=user.login):
                most_asked, latest = self.lists(user)
                self.assertEqual(most_asked[0], ("internal price list for repair parts", 6))
                self.assertCountEqual(
                    most_asked,
                    [
                        ("internal price list for repair parts", 6),
                        ("退货流程", 5),
                        ("维修站 主板", 4),
                        ("手机无法开机", 3),
                        (LONG_QUESTION.lower(), 2),
                        ("退货<script>alert(1)</script>", 2),
                        ("how do i return a product?", 1),
                        (junk[:200], 1),
                    ],
                )
                self.assertEqual(
                    latest,
                    [
                        junk,
                        "退货<script>alert(1)</script>",
                        "How do I return a product?",
                        LONG_QUESTION,
                        "手机无法开机",
                        "维修站 主板",
                        "退货流程",
                        "Internal price list for repair parts",
                    ],
                )

    def test_a_question_leaves_the_lists_of_who_may_not_read_its_answer(self):
        # The best answer of the visitors' "手机无法开机" becomes partner-only.
        self.art_boot.audience = "partner"
        self.assertEqual(
            self.lists(self.public),
            (
                [(LONG_QUESTION_LABEL, 2), ("how do i return a product?", 1)],
                ["how do i return a product?", LONG_QUESTION_LABEL],
            ),
        )
        self.assertIn(("手机无法开机", 3), self.lists(self.portal)[0])
        # Archived, nobody outside the back office may read it any more.
        self.art_boot.state = "archived"
        self.assertNotIn("手机无法开机", self.lists(self.portal)[1])
        self.assertIn("手机无法开机", self.lists(self.employee)[1])

    def test_lists_do_not_grow_with_the_log(self):
        users = (self.public, self.portal, self.employee)

        def assert_query_counts():
            for user in users:
                Query = self.env["crm.knowledge.query"].with_user(user)
                self.env.invalidate_all()
                with self.subTest(user=user.login), self.assertQueryCount(1):
                    Query.get_most_asked()
                # the back office reads the newest wording of each question too
                with (
                    self.subTest(user=user.login),
                    self.assertQueryCount(2 if user == self.employee else 1),
                ):
                    Query.get_latest()

        for user in users:  # record rules and caches
            self.lists(user)
        assert_query_counts()
        Article = self.env["crm.knowledge.article"].with_user(self.public)
        for question in ["退货", "手机 开机", "How do I return a product", "充电", "电源键"]:
            for _i in range(3):
                Article.search_answers(question, channel="public", session_key="s2")
        assert_query_counts()
        self.assertEqual(len(self.lists(self.public)[0]), 8)

    def test_listable_questions(self):
        listable = {
            "手机无法开机": True,
            "How do I return a product?": True,
            "退货要多少钱? 200 元": True,
            "退货<script>alert(1)</script>": False,
            "&lt;b&gt;退货": False,
            "{{ 7*7 }} 退货": False,
            "退货 http://spam.example": False,
            "退货 www.spam.example": False,
            "退货 buy-now.com": False,
            "退货 write to me@example.com": False,
            "退货 call 13800138000": False,
            "退货!!!!": False,
            "退货 aaaa": False,
            "???": False,
            "": False,
            "退货 " + "qwer" * 37: False,  # 151 characters
            "退货 " + "qwer" * 36: True,  # 147 characters
        }
        self.assertEqual({text: kt.listable_question(text) for text in listable}, listable)
        self.assertEqual(kt.list_label("x" * 80), "x" * 80)
        self.assertEqual(kt.list_label("x" * 81), "x" * 79 + "…")
