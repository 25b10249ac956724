"""The loan portal under abuse: the feedback form's per-client limit (crm_core's
tools/rate_limit.py) and malformed requests that must never give a 500."""

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.crm_core.tests.test_public_abuse import HUGE_ID, PublicAbuseMixin

from .common import CrmLoanCommon


@tagged("post_install", "-at_install")
class TestCrmLoanAbuse(PublicAbuseMixin, CrmLoanCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shipped = cls._shipped_loan("a", {cls.kit: 1}, purpose="Abuse trial")
        new_test_user(
            cls.env,
            login="loan_portal_abuse",
            groups="base.group_portal",
            partner_id=cls.contacts["a"].id,
        )

    def setUp(self):
        super().setUp()
        self.authenticate("loan_portal_abuse", "loan_portal_abuse")

    def test_feedback_posts_are_limited(self):
        self.env["ir.config_parameter"].set_param("crm_core.rate_limit.form", "2/60")
        statuses = [
            self.url_open(
                f"/my/loans/{self.shipped.id}/feedback",
                data={
                    "csrf_token": http.Request.csrf_token(self),
                    "problems": f"Issue {n}",
                    "rating": "4",
                },
                allow_redirects=False,
            ).status_code
            for n in range(3)
        ]
        self.assertEqual(statuses, [303, 303, 429])
        self.assertEqual(
            self.env["crm.loan.feedback"].search([]).mapped("problems"), ["Issue 1", "Issue 0"]
        )

    def test_burst_of_bad_input(self):
        csrf = http.Request.csrf_token(self)
        loan = self.shipped.id
        bad = [
            ("GET", f"/my/loans/{HUGE_ID}", None),
            ("GET", "/my/loans/-3", None),
            ("GET", f"/my/loans/{loan}?access_token=" + "%ff" * 400, None),
            ("GET", f"/my/loans/page/{HUGE_ID}", None),
            ("POST", f"/my/loans/{HUGE_ID}/feedback", {"csrf_token": csrf}),
            ("POST", f"/my/loans/{loan}/feedback", {"csrf_token": csrf, "rating": HUGE_ID}),
            ("POST", f"/my/loans/{loan}/feedback", {"csrf_token": csrf, "problems": "%00\x00"}),
            ("POST", f"/my/loans/{loan}/feedback", {"csrf_token": csrf, "problems": "p" * 9000}),
        ]
        statuses = self.burst(bad * 2)
        self.assertEqual(statuses[0], 303, "an unknown loan sends the customer home")
        self.assertEqual(self.env["crm.loan.feedback"].search_count([]), 0)
