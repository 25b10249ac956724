"""The public knowledge pages under abuse: the per-client limit of crm_core's
tools/rate_limit.py, and a burst of malformed requests (never a 500, never an
ERROR line in the server log)."""

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.crm_core.tests.test_public_abuse import HUGE_ID, PublicAbuseMixin

from .common import KnowledgeCommon


@tagged("post_install", "-at_install")
class TestKnowledgeAbuse(PublicAbuseMixin, HttpCase, KnowledgeCommon):
    def test_searches_are_limited_per_client(self):
        self.env["ir.config_parameter"].set_param("crm_core.rate_limit.knowledge", "4/60")
        Query = self.env["crm.knowledge.query"]
        logged = Query.search_count([])
        statuses = [self.url_open(f"/knowledge?q=开机{n}").status_code for n in range(6)]
        self.assertEqual(statuses, [200, 200, 200, 200, 429, 429])
        # a refused search is not searched, so it is not logged either
        self.assertEqual(Query.search_count([]) - logged, 4)
        response = self.url_open(f"/knowledge/article/{self.art_boot.id}")
        self.assertEqual(response.status_code, 429)
        self.assertIn("Too many requests", response.text)
        # the article pages and the searches share the bucket; feedback has its own
        self.assertEqual(
            self.url_open(f"/knowledge/article/{self.art_boot.id}/feedback").status_code,
            405,  # a GET on the POST-only route: refused by routing, before any count
        )

    def test_feedback_posts_are_limited(self):
        self.env["ir.config_parameter"].set_param("crm_core.rate_limit.form", "2/60")
        html = self.url_open(f"/knowledge/article/{self.art_boot.id}").text
        token = html.split('name="csrf_token" value="')[1].split('"')[0]
        url = f"/knowledge/article/{self.art_boot.id}/feedback"
        statuses = [
            self.url_open(
                url, data={"csrf_token": token, "helpful": "yes"}, allow_redirects=False
            ).status_code
            for _n in range(3)
        ]
        self.assertEqual(statuses, [303, 303, 429])
        self.assertEqual(len(self.art_boot.feedback_ids), 2)

    @mute_logger("odoo.http")  # Odoo's WARNING for the POSTs without a CSRF token
    def test_burst_of_bad_input(self):
        html = self.url_open(f"/knowledge/article/{self.art_boot.id}").text
        token = html.split('name="csrf_token" value="')[1].split('"')[0]
        feedback = f"/knowledge/article/{self.art_boot.id}/feedback"
        bad = [
            ("GET", f"/knowledge/article/{HUGE_ID}", None),
            ("GET", "/knowledge/article/-1", None),
            ("GET", f"/knowledge/article/{self.art_boot.id}?qid={HUGE_ID}", None),
            ("GET", f"/knowledge/article/{self.art_boot.id}?qid=-7", None),
            ("GET", f"/knowledge/article/{self.art_boot.id}?qid=1e3", None),
            ("GET", "/knowledge?q=" + "%e6%89%8b" * 4000, None),
            ("GET", "/knowledge?q=a&q=b&q=" + "c" * 3000, None),
            ("GET", "/knowledge?q[]=x", None),
            ("GET", "/my/knowledge?q=%00", None),
            ("POST", feedback, {"helpful": "yes"}),
            ("POST", feedback, {"csrf_token": token, "helpful": "maybe"}),
            ("POST", feedback, {"csrf_token": token, "helpful": "no", "qid": HUGE_ID}),
            ("POST", feedback, {"csrf_token": token, "helpful": "no", "comment": "x" * 200000}),
            ("POST", f"/knowledge/article/{HUGE_ID}/feedback", {"csrf_token": token}),
        ]
        statuses = self.burst(bad * 2)
        self.assertEqual(statuses[:2], [404, 404])
        comments = self.art_boot.feedback_ids.mapped("comment")
        # the oversized comment was stored cut to the page's limit, twice
        self.assertEqual([len(c or "") for c in comments if c], [2000, 2000])
