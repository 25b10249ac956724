import email
import re
import socket
from datetime import timedelta
from unittest.mock import patch

import aiosmtpd.controller
from freezegun import freeze_time

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import config

from odoo.addons.base.models.ir_mail_server import IrMail_Server

from .approval_common import ApprovalCommon

LINK_RE = re.compile(r'href="[^"]*(/crm/approval/[\w-]+)"')
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


class _Inbox:
    """aiosmtpd handler keeping every message received."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


@tagged("post_install", "-at_install")
@patch.dict(config.options, {"smtp_server": ""})
class TestApprovalMail(HttpCase, ApprovalCommon):
    def setUp(self):
        super().setUp()
        self.inbox = _Inbox()
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", 0))
            self.smtp_port = sock.getsockname()[1]
        self.smtpd = aiosmtpd.controller.Controller(
            self.inbox, hostname="127.0.0.1", port=self.smtp_port
        )
        self.smtpd.start()
        self.addCleanup(self.smtpd.stop)
        self.env["ir.mail_server"].create(
            {
                "name": "Test inbox",
                "smtp_host": "127.0.0.1",
                "smtp_port": self.smtp_port,
                "smtp_encryption": "none",
                "sequence": 1,
            }
        )

    def _send_review_mails(self):
        """Really send the review mails to the local SMTP server. Odoo never sends
        mail while tests run (IrMail_Server._disable_send); lifting that switch,
        only here, is what lets the test read the message a reviewer gets."""
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "tier.review"), ("res_id", "in", self.order.review_ids.ids)])
        )
        self.assertEqual(len(mails), 1)
        with patch.object(IrMail_Server, "_disable_send", return_value=False):
            mails.send(raise_exception=True)
        self.assertEqual(len(self.inbox.messages), 1)
        message = self.inbox.messages[0]
        self.assertIn("manager", message["To"].lower())
        html = next(
            part.get_payload(decode=True).decode()
            for part in message.walk()
            if part.get_content_type() == "text/html"
        )
        self.assertIn(self.order.name, html)
        approve, reject = LINK_RE.findall(html)
        return approve, reject

    def test_approve_by_mail_link_then_replay(self):
        self._request()
        approve, reject = self._send_review_mails()

        page = self.url_open(approve)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.order.name, page.text)
        self.assertIn("o_crm_approval_submit", page.text)
        self.assertRecordValues(self.order.review_ids, [{"status": "pending"}])

        csrf = CSRF_RE.search(page.text).group(1)
        done = self.url_open(approve, data={"csrf_token": csrf})
        self.assertEqual(done.status_code, 200)
        self.assertIn("o_crm_approval_done", done.text)
        self.assertRecordValues(
            self.order.review_ids, [{"status": "approved", "done_by": self.manager.id}]
        )
        self.assertRecordValues(self.order, [{"validation_status": "validated"}])
        self.order.with_user(self.salesman_a).action_confirm()
        self.assertEqual(self.order.state, "sale")

        replay = self.url_open(approve)
        self.assertEqual(replay.status_code, 410)
        self.assertIn("already used", replay.text)
        replay_post = self.url_open(approve, data={"csrf_token": csrf})
        self.assertEqual(replay_post.status_code, 410)
        # The reject link of the same mail died with the approval.
        self.assertEqual(self.url_open(reject, data={"csrf_token": csrf}).status_code, 410)
        self.assertRecordValues(self.order.review_ids, [{"status": "approved"}])

    def test_reject_by_link_with_reason(self):
        self._request()
        _approve, reject = self._send_review_mails()
        page = self.url_open(reject)
        csrf = CSRF_RE.search(page.text).group(1)
        done = self.url_open(reject, data={"csrf_token": csrf, "reason": "Too cheap"})
        self.assertEqual(done.status_code, 200)
        self.assertRecordValues(
            self.order.review_ids,
            [{"status": "rejected", "reject_reason": "Too cheap", "done_by": self.manager.id}],
        )

    def test_unknown_expired_foreign_links_change_nothing(self):
        self._request()
        review = self.order.review_ids
        Token = self.env["crm.approval.token"]
        self.assertEqual(self.url_open("/crm/approval/nope").status_code, 404)

        url = Token._crm_create_link(review, self.manager, "approve")
        path = url[url.index("/crm/approval/") :]
        with freeze_time(fields.Datetime.now() + timedelta(days=8)):
            page = self.url_open(path)
        self.assertEqual(page.status_code, 410)
        self.assertIn("expired", page.text)

        self.authenticate("salesman_b", "salesman_b")
        page = self.url_open(path)
        self.assertEqual(page.status_code, 403)
        self.assertIn("belongs to Manager", page.text)
        self.assertRecordValues(review, [{"status": "pending"}])
        self.assertEqual(
            Token.sudo().search([("review_id", "=", review.id)]).mapped("used_date"), [False] * 3
        )

    def test_old_links_are_vacuumed(self):
        self._request()
        Token = self.env["crm.approval.token"].sudo()
        tokens = Token.search([("review_id", "=", self.order.review_ids.id)])
        self.assertEqual(len(tokens), 2)
        with freeze_time(fields.Datetime.now() + timedelta(days=40)):
            Token._gc_old_links()
        self.assertFalse(tokens.exists())

    def test_link_of_a_decided_review(self):
        self._request()
        review = self.order.review_ids
        url = self.env["crm.approval.token"]._crm_create_link(review, self.manager, "approve")
        self.order.with_user(self.manager).validate_tier()
        page = self.url_open(url[url.index("/crm/approval/") :])
        self.assertEqual(page.status_code, 409)
        self.assertIn("no longer awaits a decision", page.text)
