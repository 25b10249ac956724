from odoo.tests import tagged

from .common import KnowledgeCommon


@tagged("post_install", "-at_install")
class TestKnowledgeClassify(KnowledgeCommon):
    def classify(self, question):
        return self.env["crm.knowledge.article"]._classify_question(question)

    def test_keyword_rules_win(self):
        self.assertEqual(self.classify("我的电视需要维修"), self.cat_repair)
        self.assertEqual(self.classify("Where is the REPAIR desk?"), self.cat_repair)

    def test_naive_bayes_learns_from_published_articles(self):
        self.assertEqual(self.classify("申请退款"), self.cat_returns)
        self.assertEqual(self.classify("receipt refund card"), self.cat_returns)
        self.assertEqual(self.classify("电源键 充电"), self.cat_phone)

    def test_unknown_words_give_no_category(self):
        self.assertFalse(self.classify("zzzz qqqq"))
        self.assertFalse(self.classify(""))

    def test_publishing_retrains(self):
        self.assertFalse(self.classify("蓝牙耳机配对"))
        self.env["crm.knowledge.article"].create(
            {
                "name": "蓝牙耳机配对",
                "body": "<p>打开蓝牙，长按耳机按钮三秒配对。</p>",  # noqa: RUF001
                "category_id": self.cat_phone.id,
                "state": "published",
            }
        )
        self.assertEqual(self.classify("蓝牙耳机配对"), self.cat_phone)
