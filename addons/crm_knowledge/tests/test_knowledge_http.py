import html as html_lib
from urllib.parse import urlencode

from lxml import html as lxml_html

from odoo.tests import HttpCase, tagged

from .common import LONG_QUESTION, LONG_QUESTION_LABEL, KnowledgeCommon


@tagged("post_install", "-at_install")
class TestKnowledgeHttp(HttpCase, KnowledgeCommon):
    def get(self, url):
        response = self.url_open(url, allow_redirects=False)
        return response.status_code, response.text

    def test_public_page_answers_a_chinese_question(self):
        status, html = self.get("/knowledge?q=手机无法开机")
        self.assertEqual(status, 200)
        self.assertIn(f"/knowledge/article/{self.art_boot.id}?qid=", html)
        self.assertIn("<mark>手机无法开机</mark>", html)
        self.assertNotIn("维修站更换主板", html)
        status, html = self.get("/knowledge")
        self.assertEqual(status, 200)
        self.assertIn("手机无法开机", html)  # most asked / latest now list it

    def sidebar(self, url):
        status, html = self.get(url)
        self.assertEqual(status, 200)
        page = lxml_html.fromstring(html)
        most_asked = [
            (li.xpath("string(a)"), li.xpath("string(span)"))
            for li in page.xpath("//ol[contains(@class, 'o_knowledge_most_asked')]/li[a]")
        ]
        latest = page.xpath("//ul[contains(@class, 'o_knowledge_latest')]/li/a/text()")
        return html, most_asked, latest

    def test_each_audience_sees_its_own_lists(self):
        self.ask_on_every_channel()
        visitors = [
            ("手机无法开机", "3"),
            (LONG_QUESTION_LABEL, "2"),
            ("how do i return a product?", "1"),
        ]
        html, most_asked, latest = self.sidebar("/knowledge")
        self.assertEqual(most_asked, visitors)
        self.assertEqual(
            latest, ["how do i return a product?", LONG_QUESTION_LABEL, "手机无法开机"]
        )
        for leak in [
            "Internal price list",
            "维修站 主板",
            "alert(1)",
            "qwerqwer",
            LONG_QUESTION.lower(),
        ]:
            self.assertNotIn(leak, html)
        # the cut question links to a search for its text, without the ellipsis
        self.assertIn(html_lib.escape(urlencode({"q": LONG_QUESTION_LABEL[:-1]})), html)

        self.authenticate("kn_portal", "kn_portal")
        html, most_asked, latest = self.sidebar("/my/knowledge")
        self.assertEqual(most_asked, [("退货流程", "5"), ("维修站 主板", "4"), *visitors])
        for leak in ["Internal price list", "alert(1)", "qwerqwer"]:
            self.assertNotIn(leak, html)
        # the article page's lists are the reader's too
        html = self.get(f"/knowledge/article/{self.art_boot.id}")[1]
        self.assertIn("维修站 主板", html)
        self.assertNotIn("Internal price list", html)

        self.authenticate("kn_employee", "kn_employee")
        html, most_asked, latest = self.sidebar("/my/knowledge")
        self.assertEqual(most_asked[0], ("internal price list for repair parts", "6"))
        self.assertIn("Internal price list for repair parts", latest)

    def test_hostile_queries_on_the_public_page(self):
        for q in ["%26%7C!():*'%22", "a" * 10000, "<script>alert(1)</script>", ""]:
            with self.subTest(q=q[:20]):
                status, html = self.get(f"/knowledge?q={q}")
                self.assertEqual(status, 200)
                self.assertNotIn("<script>alert(1)", html)

    def test_control_characters_never_break_a_page(self):
        # PostgreSQL refuses NUL in any string: it used to answer HTTP 500.
        queries = ["%00", "%00%01abc%1f%7f", "%E6%89%8B%E6%9C%BA%00%E5%BC%80%E6%9C%BA", "%ff%fe"]
        queries.append("%00" * 300)
        for q in queries:
            with self.subTest(q=q[:20]):
                status, html = self.get(f"/knowledge?q={q}")
                self.assertEqual(status, 200)
                self.assertNotIn("\x00", html)
        self.authenticate("kn_portal", "kn_portal")
        for q in queries:
            with self.subTest(portal=q[:20]):
                self.assertEqual(self.get(f"/my/knowledge?q={q}")[0], 200)
        logged = self.env["crm.knowledge.query"].search([("channel", "in", ["public", "portal"])])
        self.assertFalse([q for q in logged.mapped("question") if "\x00" in q or "\x01" in q])
        self.assertIn("手机 开机", logged.mapped("question"))

    def test_public_guessing_ids_gets_404(self):
        for article in self.art_partner | self.art_internal | self.art_draft | self.art_archived:
            with self.subTest(article=article.name):
                self.assertEqual(self.get(f"/knowledge/article/{article.id}")[0], 404)
        self.assertEqual(self.get("/knowledge/article/999999999")[0], 404)
        self.assertEqual(self.get(f"/knowledge/article/{self.art_boot.id}")[0], 200)
        # the portal page needs a login
        self.assertEqual(self.get("/my/knowledge")[0], 303)

    def test_portal_partner_sees_partner_articles(self):
        self.authenticate("kn_portal", "kn_portal")
        status, html = self.get("/my/knowledge?q=维修站 主板")
        self.assertEqual(status, 200)
        self.assertIn(f"/knowledge/article/{self.art_partner.id}", html)
        self.assertEqual(self.get(f"/knowledge/article/{self.art_partner.id}")[0], 200)
        self.assertEqual(self.get(f"/knowledge/article/{self.art_internal.id}")[0], 404)
        self.assertEqual(self.get(f"/knowledge/article/{self.art_draft.id}")[0], 404)
        # the portal home links to the knowledge base
        status, html = self.get("/my")
        self.assertEqual(status, 200)
        self.assertIn('href="/my/knowledge"', html)

    def test_stored_script_never_reaches_the_page(self):
        self.art_boot.body = "<p>Charge it first.<script>alert('body')</script></p>"
        status, html = self.get(f"/knowledge/article/{self.art_boot.id}")
        self.assertEqual(status, 200)
        self.assertIn("Charge it first.", html)
        # feedback with a script, through the real form (CSRF token included)
        token = html.split('name="csrf_token" value="')[1].split('"')[0]
        response = self.url_open(
            f"/knowledge/article/{self.art_boot.id}/feedback",
            data={
                "csrf_token": token,
                "helpful": "no",
                "comment": "Bad <script>alert('comment')</script> &lt;script&gt;x",
            },
        )
        self.assertEqual(response.status_code, 200)
        feedback = self.art_boot.feedback_ids
        self.assertRecordValues(
            feedback, [{"helpful": False, "state": "pending", "comment": "Bad alert('comment') x"}]
        )
        self.assertEqual(self.art_boot.unhelpful_count, 1)
        feedback.action_approve()
        html = self.get(f"/knowledge/article/{self.art_boot.id}")[1]
        self.assertIn("Bad alert(&#39;comment&#39;) x", html)
        self.assertNotIn("alert('body')", html)
        self.assertNotIn("<script>alert", html)

    def test_feedback_needs_csrf_and_a_readable_article(self):
        with self.assertLogs("odoo.http", "WARNING") as logs:
            response = self.url_open(
                f"/knowledge/article/{self.art_boot.id}/feedback", data={"helpful": "yes"}
            )
        self.assertEqual(response.status_code, 400)
        self.assertIn("No CSRF validation token", logs.output[0])
        self.assertFalse(self.art_boot.feedback_ids)

    def test_attachments_reach_readers_of_the_article_only(self):
        Attachment = self.env["ir.attachment"]
        manual = Attachment.create({"name": "manual.txt", "raw": b"public manual"})
        secret = Attachment.create({"name": "board.txt", "raw": b"partner secret"})
        self.art_boot.attachment_ids = manual
        self.art_partner.attachment_ids = secret
        status, html = self.get(f"/knowledge/article/{self.art_boot.id}")
        self.assertEqual(status, 200)
        link = html_lib.unescape(html.split('href="/web/content/')[1].split('"')[0])
        self.assertEqual(self.url_open(f"/web/content/{link}").content, b"public manual")
        self.assertIn(self.url_open(f"/web/content/{secret.id}").status_code, (403, 404))
        self.assertNotIn(b"partner secret", self.url_open(f"/web/content/{secret.id}").content)
