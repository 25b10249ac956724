import re
import socket
from unittest.mock import patch

import aiosmtpd.controller

from odoo.tests import HttpCase, tagged
from odoo.tools import config

from odoo.addons.base.models.ir_mail_server import IrMail_Server

from .common import CrmCoreCommon
from .test_approval_mail import _Inbox

LINK_RE = re.compile(r'href="[^"]*(/crm/campaign/invitation/[\w-]+/(?:accept|decline))"')
PIXEL_RE = re.compile(r'src="[^"]*(/crm/campaign/invitation/[\w-]+/pixel\.png)"')
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


@tagged("post_install", "-at_install")
@patch.dict(config.options, {"smtp_server": ""})
class TestCampaignLink(HttpCase, CrmCoreCommon):
    """The invitee's personal links, from the mail a local SMTP server receives."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env["utm.campaign"].create(
            {"title": "Harbour Gala", "date_start": "2031-05-20", "date_end": "2031-05-20"}
        )
        cls.customers["a"].email = "customer.a@example.com"
        cls.customers["b"].email = "customer.b@example.com"
        cls.member_a, cls.member_b = cls.env["crm.campaign.member"].create(
            [{"campaign_id": cls.campaign.id, "partner_id": cls.customers[key].id} for key in "ab"]
        )

    def setUp(self):
        super().setUp()
        self.inbox = _Inbox()
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.smtpd = aiosmtpd.controller.Controller(self.inbox, hostname="127.0.0.1", port=port)
        self.smtpd.start()
        self.addCleanup(self.smtpd.stop)
        self.env["ir.mail_server"].create(
            {
                "name": "Test inbox",
                "smtp_host": "127.0.0.1",
                "smtp_port": port,
                "smtp_encryption": "none",
                "sequence": 1,
            }
        )

    def _received_html(self, member):
        """Queue and really send the member's invitation; Odoo never sends mail while
        tests run (IrMail_Server._disable_send): lifting that, only here, lets the
        test read what the invitee gets."""
        self.env["crm.campaign.member"]._cron_send_invitations()
        with patch.object(IrMail_Server, "_disable_send", return_value=False):
            member.mail_mail_id.send(raise_exception=True)
        self.assertEqual(member.trace_status, "sent")
        message = next(m for m in self.inbox.messages if member.partner_id.email in m["To"])
        self.assertIn("Harbour Gala", message["Subject"])
        return next(
            part.get_payload(decode=True).decode()
            for part in message.walk()
            if part.get_content_type() == "text/html"
        )

    def test_accept_by_mail_link_then_replay(self):
        html = self._received_html(self.member_a)
        accept, decline = LINK_RE.findall(html)
        page = self.url_open(accept)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Harbour Gala", page.text)
        self.assertIn("Matrix Customer a", page.text)
        self.assertNotIn("Matrix Customer b", page.text)
        self.assertIn("o_crm_campaign_submit", page.text)
        self.assertEqual(self.member_a.state, "invited")  # GET only shows

        csrf = CSRF_RE.search(page.text).group(1)
        done = self.url_open(accept, data={"csrf_token": csrf})
        self.assertEqual(done.status_code, 200)
        self.assertIn("o_crm_campaign_done", done.text)
        self.assertRecordValues(self.member_a, [{"state": "accepted", "trace_status": "open"}])
        self.assertTrue(self.member_a.response_date)

        # The same link again, or the decline link of the same mail: nothing changes.
        for path, data in ((accept, None), (decline, {"csrf_token": csrf})):
            replay = self.url_open(path, data=data)
            self.assertEqual(replay.status_code, 410)
            self.assertIn("already answered", replay.text)
        self.assertRecordValues(self.member_a, [{"state": "accepted"}])
        self.assertEqual(self.member_b.state, "invited")

    def test_decline_and_pixel(self):
        html = self._received_html(self.member_b)
        pixel = PIXEL_RE.search(html).group(1)
        image = self.url_open(pixel)
        self.assertEqual(image.headers["Content-Type"], "image/gif")
        self.assertRecordValues(self.member_b, [{"trace_status": "open"}])
        self.assertTrue(self.member_b.open_datetime)
        _accept, decline = LINK_RE.findall(html)
        csrf = CSRF_RE.search(self.url_open(decline).text).group(1)
        self.url_open(decline, data={"csrf_token": csrf})
        self.assertEqual(self.member_b.state, "declined")

    def test_forged_links_change_nothing(self):
        token = self.member_a.sudo().access_token
        for path in (
            "/crm/campaign/invitation/forged-token-0123456789",
            f"/crm/campaign/invitation/{token[:-1]}x/accept",
            "/crm/campaign/invitation/short/accept",
            f"/crm/campaign/invitation/{token}/maybe",
        ):
            with self.subTest(path=path):
                page = self.url_open(path)
                self.assertEqual(page.status_code, 404)
                self.assertIn("This invitation link is not valid", page.text)
                self.assertNotIn("Matrix Customer", page.text)
        # Without the page's CSRF token the POST is refused.
        self.assertEqual(
            self.url_open(f"/crm/campaign/invitation/{token}/accept", data={"x": "1"}).status_code,
            400,
        )
        image = self.url_open("/crm/campaign/invitation/forged-token-0123456789/pixel.png")
        self.assertEqual(image.headers["Content-Type"], "image/gif")
        self.assertRecordValues(
            self.member_a | self.member_b,
            [
                {"state": "invited", "trace_status": "to_send", "open_datetime": False},
                {"state": "invited", "trace_status": "to_send", "open_datetime": False},
            ],
        )

    def test_public_and_portal_users_read_no_member(self):
        portal = self.env["res.users"].create(
            {
                "name": "Gala Portal",
                "login": "gala_portal",
                "partner_id": self.customers["a"].id,
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        public = self.env.ref("base.public_user")
        for user in (portal, public):
            Member = self.env["crm.campaign.member"].with_user(user)
            self.assertFalse(Member.has_access("read"))
        # The invitee's own page shows their invitation, and only it.
        page = self.url_open(f"/crm/campaign/invitation/{self.member_b.sudo().access_token}")
        self.assertIn("Matrix Customer b", page.text)
        self.assertNotIn("Matrix Customer a", page.text)
