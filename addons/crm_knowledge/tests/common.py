from odoo import Command
from odoo.tests import TransactionCase, new_test_user

EMPLOYEE = "sales_team.group_sale_salesman"
MANAGER = "sales_team.group_sale_manager"
PORTAL = "base.group_portal"

# 120 characters: listed outside the back office, cut to 80 there
LONG_QUESTION = (
    "How do I return a product that I bought online last month, "
    "and which papers and receipts must I bring along to the shop?"
)
LONG_QUESTION_LABEL = LONG_QUESTION.lower()[:79].rstrip() + "\u2026"


class KnowledgeCommon(TransactionCase):
    """Categories and articles of every audience and state, and a user of each kind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.employee = new_test_user(cls.env, login="kn_employee", groups=EMPLOYEE)
        cls.manager = new_test_user(cls.env, login="kn_manager", groups=MANAGER)
        cls.portal = new_test_user(cls.env, login="kn_portal", groups=PORTAL)
        cls.public = cls.env.ref("base.public_user")
        cls.restricted_group = cls.env["res.groups"].create({"name": "Knowledge Test Engineers"})
        cls.engineer = new_test_user(
            cls.env,
            login="kn_engineer",
            groups=f"{EMPLOYEE},base.group_user",
        )
        cls.engineer.group_ids = [Command.link(cls.restricted_group.id)]

        Category = cls.env["crm.knowledge.category"]
        cls.cat_repair = Category.create({"name": "Repair", "keywords": "维修, repair"})
        cls.cat_returns = Category.create({"name": "Returns"})
        cls.cat_phone = Category.create({"name": "Phones", "parent_id": cls.cat_repair.id})

        Article = cls.env["crm.knowledge.article"]

        def article(name, body, category, audience="public", state="published", **kw):
            return Article.create(
                {
                    "name": name,
                    "body": body,
                    "category_id": category.id,
                    "audience": audience,
                    "state": state,
                    **kw,
                }
            )

        cls.art_boot = article(
            "手机无法开机怎么办",
            "<p>如果手机无法开机，请先充电三十分钟，然后长按电源键十秒。</p>",  # noqa: RUF001
            cls.cat_phone,
            keywords="开机, 电源",
        )
        cls.art_return = article(
            "How do I return a product?",
            "<p>You can return any product within 30 days with the receipt. "
            "Refunds are paid to the original card.</p>",
            cls.cat_returns,
            keywords="refund, 退货",
        )
        cls.art_return_cn = article(
            "退货流程",
            "<p>七天无理由退货：在订单页面申请退货，快递员上门取件，退款三个工作日到账。</p>",  # noqa: RUF001
            cls.cat_returns,
        )
        cls.art_partner = article(
            "维修站更换主板的步骤",
            "<p>授权维修站更换主板前，先备份数据并记录序列号。</p>",  # noqa: RUF001
            cls.cat_repair,
            audience="partner",
        )
        cls.art_internal = article(
            "Internal price list for repair parts",
            "<p>Screen replacement parts cost 200 yuan internally.</p>",
            cls.cat_repair,
            audience="internal",
        )
        cls.art_restricted = article(
            "Engineering escalation procedure",
            "<p>Escalate board failures to the engineering team.</p>",
            cls.cat_repair,
            audience="internal",
            group_ids=[Command.link(cls.restricted_group.id)],
        )
        cls.art_draft = article(
            "Draft battery recall notice",
            "<p>Battery recall notice, not yet approved.</p>",
            cls.cat_phone,
            state="draft",
        )
        cls.art_archived = article(
            "Old warranty terms",
            "<p>Old warranty terms for phones.</p>",
            cls.cat_phone,
            state="archived",
        )
        cls.all_articles = (
            cls.art_boot
            | cls.art_return
            | cls.art_return_cn
            | cls.art_partner
            | cls.art_internal
            | cls.art_restricted
            | cls.art_draft
            | cls.art_archived
        )

    @classmethod
    def ask_on_every_channel(cls):
        """Questions from the back office, the portal and the public page, oldest
        first; counts differ so that every list has one order."""
        Article = cls.env["crm.knowledge.article"]
        asked = [
            (cls.employee, "backend", "Internal price list for repair parts", 6),
            (cls.portal, "portal", "退货流程", 5),
            (cls.portal, "portal", "维修站 主板", 4),
            (cls.public, "public", "手机无法开机", 3),
            (cls.public, "public", LONG_QUESTION, 2),
            (cls.public, "public", "How do I return a product?", 1),
            (cls.public, "public", "退货<script>alert(1)</script>", 2),
            (cls.public, "public", "退货 " + "qwer" * 124, 1),  # 500 characters of junk
        ]
        for user, channel, question, times in asked:
            for _i in range(times):
                Article.with_user(user).search_answers(
                    question, channel=channel, session_key="s1" if channel == "public" else None
                )
