import base64
import re
from unittest.mock import patch
from urllib.parse import parse_qs, urlsplit

from odoo import fields, http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CrmLoanCommon

PORTAL = "odoo.addons.crm_loan.controllers.portal"


@tagged("post_install", "-at_install")
class TestCrmLoanPortal(CrmLoanCommon, HttpCase):
    """The customer's loan pages: the list, the loan and its trial feedback form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shipped = cls._shipped_loan("a", {cls.kit: 2}, purpose="Field trial")
        cls.approved = cls._approve(cls._new_loan("a", {cls.kit: 1}))
        cls.draft = cls._new_loan("a", {cls.kit: 1})
        cls.other = cls._shipped_loan("b", {cls.kit: 1})
        cls.portal_user = new_test_user(
            cls.env,
            login="loan_portal_web",
            groups="base.group_portal",
            partner_id=cls.contacts["a"].id,
        )
        cls.portal_partner = cls.contacts["a"]

    def setUp(self):
        super().setUp()
        self.authenticate("loan_portal_web", "loan_portal_web")

    def feedbacks(self):
        return self.env["crm.loan.feedback"].search([])

    def post_feedback(self, loan, data=None, files=None):
        return self.url_open(
            f"/my/loans/{loan.id}/feedback",
            data={"csrf_token": http.Request.csrf_token(self), **(data or {})},
            files=files,
        )

    def test_my_loans_lists_exactly_mine(self):
        response = self.url_open("/my/loans")
        self.assertEqual(response.status_code, 200)
        ids = {int(loan_id) for loan_id in re.findall(r'href="/my/loans/(\d+)\?', response.text)}
        self.assertEqual(ids, set((self.shipped | self.approved).ids))
        for loan in self.shipped | self.approved:
            self.assertIn(loan.name, response.text)
        for loan in self.draft | self.other:
            self.assertNotIn(loan.name, response.text)

    def test_own_loan_page(self):
        response = self.url_open(f"/my/loans/{self.shipped.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(urlsplit(response.url).path, f"/my/loans/{self.shipped.id}")
        self.assertIn(self.shipped.name, response.text)
        self.assertIn("Sample Kit", response.text)
        self.assertIn("Field trial", response.text)
        self.assertIn(f'action="/my/loans/{self.shipped.id}/feedback"', response.text)

    def test_other_and_draft_loans_redirect(self):
        for loan in self.other | self.draft:
            with self.subTest(loan=loan.name):
                response = self.url_open(f"/my/loans/{loan.id}")
                self.assertEqual(urlsplit(response.url).path, "/my")
                self.assertNotIn(loan.name, response.text)
                response = self.post_feedback(loan, {"problems": "Broken", "rating": "1"})
                self.assertEqual(urlsplit(response.url).path, "/my")
        response = self.url_open("/my/loans/999999999")
        self.assertEqual(urlsplit(response.url).path, "/my")
        self.assertEqual(self.feedbacks(), self.env["crm.loan.feedback"])

    def test_access_token_opens_the_loan(self):
        url = self.other.get_portal_url()
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(urlsplit(response.url).path, f"/my/loans/{self.other.id}")
        self.assertIn(self.other.name, response.text)

    def test_feedback_with_attachment(self):
        content = b"\x89PNG\r\n\x1a\n fake picture"
        response = self.post_feedback(
            self.shipped,
            {"problems": "  The lid cracks  ", "requirements": "A longer cable", "rating": "4"},
            files=[("attachments", ("lid.png", content, "image/png"))],
        )
        feedback = self.feedbacks()
        self.assertRecordValues(
            feedback,
            [
                {
                    "loan_id": self.shipped.id,
                    "source": "portal",
                    "author_id": self.portal_partner.id,
                    "rating": "4",
                    "problems": "The lid cracks",
                    "requirements": "A longer cable",
                    "date": fields.Date.context_today(feedback),
                    "partner_id": self.customers["a"].id,
                    "user_id": self.salesman_a.id,
                }
            ],
        )
        self.assertRecordValues(
            feedback.attachment_ids,
            [{"name": "lid.png", "res_model": "crm.loan.feedback", "res_id": feedback.id}],
        )
        self.assertEqual(base64.b64decode(feedback.attachment_ids.datas), content)
        self.assertTrue(self.shipped.has_feedback)
        url = urlsplit(response.url)
        self.assertEqual(url.path, f"/my/loans/{self.shipped.id}")
        self.assertEqual(parse_qs(url.query)["feedback"], ["sent"])
        self.assertEqual(
            self.shipped.message_ids[:1].body,
            f"<p>Trial feedback from {self.portal_partner.display_name}, rated Good.</p>",
        )

    def test_feedback_limits_are_inclusive(self):
        with patch(f"{PORTAL}.MAX_FILE_SIZE", 10):
            self.post_feedback(
                self.shipped,
                {"problems": "x" * 5000, "rating": "1"},
                files=[
                    ("attachments", (f"f{n}.txt", b"0123456789", "text/plain")) for n in range(5)
                ],
            )
        feedback = self.feedbacks()
        self.assertEqual(len(feedback), 1)
        self.assertEqual(len(feedback.problems), 5000)
        self.assertEqual(
            sorted(feedback.attachment_ids.mapped("name")), [f"f{n}.txt" for n in range(5)]
        )

    def test_feedback_errors(self):
        one_file = [("attachments", ("a.txt", b"a", "text/plain"))]
        cases = [
            ({"problems": "   ", "requirements": "", "rating": "3"}, None, "Describe the problems"),
            ({"problems": "Fine", "rating": "9"}, None, "Choose a rating from 1 to 5."),
            ({"problems": "Fine"}, None, "Choose a rating from 1 to 5."),
            (
                {"problems": "x" * 5001, "rating": "3"},
                None,
                "Keep each answer under 5000 characters.",
            ),
            (
                {"problems": "Fine", "requirements": "y" * 5001, "rating": "3"},
                None,
                "Keep each answer under 5000 characters.",
            ),
            (
                {"problems": "Fine", "rating": "3"},
                [("attachments", (f"p{n}.txt", b"p", "text/plain")) for n in range(6)],
                "Attach at most 5 files.",
            ),
            (
                {"problems": "Fine", "rating": "3"},
                [("attachments", ("big.bin", b"0123456789X", "application/octet-stream"))],
                "big.bin is larger than 10 MB.",
            ),
        ]
        attachments = self.env["ir.attachment"].search_count([])
        with patch(f"{PORTAL}.MAX_FILE_SIZE", 10):
            for data, files, message in cases:
                with self.subTest(message=message, data=sorted(data)):
                    response = self.post_feedback(self.shipped, data, files=files or one_file)
                    self.assertEqual(response.status_code, 200)
                    self.assertEqual(
                        urlsplit(response.url).path, f"/my/loans/{self.shipped.id}/feedback"
                    )
                    self.assertIn(message, response.text)
                    self.assertEqual(self.feedbacks(), self.env["crm.loan.feedback"])
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)
        self.assertFalse(self.shipped.has_feedback)

    def test_feedback_on_a_loan_not_shipped(self):
        response = self.post_feedback(self.approved, {"problems": "Not here yet", "rating": "3"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(urlsplit(response.url).path, f"/my/loans/{self.approved.id}/feedback")
        self.assertIn(self.approved.name, response.text)
        self.assertEqual(self.feedbacks(), self.env["crm.loan.feedback"])

    def test_feedback_needs_the_csrf_token(self):
        response = self.url_open(
            f"/my/loans/{self.shipped.id}/feedback", data={"problems": "Broken", "rating": "1"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.feedbacks(), self.env["crm.loan.feedback"])

    def test_home_counter(self):
        def count():
            return self.make_jsonrpc_request("/my/counters", {"counters": ["crm_loan_count"]})

        self.assertEqual(count(), {"crm_loan_count": 2})
        self._ship(self.approved)
        self.assertEqual(count(), {"crm_loan_count": 2})
        self.draft.action_submit()
        self.assertEqual(count(), {"crm_loan_count": 3})
        # a customer without loans
        lonely = self.env["res.partner"].create({"name": "Loan-less Customer"})
        new_test_user(
            self.env, login="loan_portal_none", groups="base.group_portal", partner_id=lonely.id
        )
        self.authenticate("loan_portal_none", "loan_portal_none")
        self.assertEqual(count(), {"crm_loan_count": 0})
        response = self.url_open("/my/loans")
        self.assertIn("Nothing has been lent to your account yet.", response.text)
