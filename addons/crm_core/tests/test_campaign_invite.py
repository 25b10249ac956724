from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.sms.tests.common import SMSCase

from .campaign_common import CampaignCommon

REPLY = """From: Matrix Customer a <customer.a@example.com>
To: {to}
Subject: Re: Spring Fair
Message-ID: <reply-1@example.com>
In-Reply-To: {parent}
References: {parent}
Content-Type: text/plain

We will come with two people.
"""

BOUNCE = """From: MAILER-DAEMON@example.com
To: fair@example.com
Subject: Undelivered Mail Returned to Sender
Message-ID: <dsn-1@example.com>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="XX"

--XX
Content-Type: text/plain

Mailbox unavailable

--XX
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.com

Final-Recipient: rfc822; customer.b@example.com
Action: failed
Status: 5.1.1

--XX
Content-Type: text/rfc822-headers

Message-ID: {parent}
To: customer.b@example.com
Subject: Spring Fair

--XX--
"""


@tagged("post_install", "-at_install")
class TestCampaignInvite(SMSCase, CampaignCommon):
    def invite_by_filter(self, domain, channel="email"):
        form = Form(
            self.env["crm.campaign.invite"]
            .with_user(self.marketing)
            .with_context(default_campaign_id=self.campaign.id)
        )
        form.channel = channel
        form.partner_domain = repr(domain)
        wizard = form.save()
        wizard.action_invite()
        return wizard

    def test_invite_by_filter_lists_and_skips(self):
        self.contacts["b"].email = False
        self.invite(self.customers["c"])
        matrix = [("name", "=like", "Matrix %"), ("id", "!=", self.vendor.id)]
        wizard = self.invite_by_filter(matrix)
        self.assertEqual(wizard.partner_count, 8)
        self.assertEqual(wizard.added_count, 6)
        self.assertEqual(
            {(line.partner_id, line.reason) for line in wizard.skip_ids},
            {(self.contacts["b"], "no_email"), (self.customers["c"], "member")},
        )
        members = self.campaign.member_ids
        self.assertEqual(len(members), 7)
        self.assertEqual(set(members.mapped("trace_status")), {"to_send"})
        self.assertEqual(len(set(members.sudo().mapped("access_token"))), 7)
        with self.assertRaisesRegex(UserError, "already sent"):
            wizard.action_invite()

    def test_invite_refusals(self):
        with self.assertRaisesRegex(UserError, "No customer or contact matches the filter"):
            self.invite_by_filter([("name", "=", "Nobody at all")])
        with self.assertRaisesRegex(UserError, "The filter of customers and contacts is not valid"):
            self.invite_by_filter("[('name', '=',")
        self.campaign.write({"date_start": "2020-01-01", "date_end": "2020-01-02"})
        with self.assertRaisesRegex(UserError, "Spring Fair ended on 2020-01-02"):
            self.invite_by_filter([("id", "=", self.customers["a"].id)])
        self.assertFalse(self.campaign.member_ids)

    def test_salesperson_cannot_invite(self):
        wizard = self.env["crm.campaign.invite"].with_user(self.salesman_a)
        self.assertFalse(wizard.has_access("create"))

    def test_mails_are_queued_then_tracked(self):
        self.invite_by_filter([("id", "in", self.records("customers", "ab").ids)])
        members = self.campaign.member_ids.sorted("id")
        self.env["crm.campaign.member"]._cron_send_invitations()
        mails = members.mail_mail_id
        self.assertEqual(len(mails), 2)
        self.assertEqual(set(mails.mapped("state")), {"outgoing"})
        self.assertEqual(members.mapped("trace_status"), ["outgoing", "outgoing"])
        self.assertEqual(members.mapped("message_id"), mails.mapped("message_id"))
        self.assertIn(members[0]._campaign_invitation_url("accept"), mails[0].body_html)
        self.assertIn(members[0]._campaign_invitation_url("pixel.png"), mails[0].body_html)
        self.assertEqual(mails[0].recipient_ids, self.customers["a"])

        # Handed to the SMTP server, then the bounce of b's and the reply of a's.
        mails._postprocess_sent_message(success_pids=mails.recipient_ids, success_emails=[])
        self.assertEqual(members.mapped("trace_status"), ["sent", "sent"])
        self.env["mail.thread"].message_process(False, BOUNCE.format(parent=members[1].message_id))
        self.env["mail.thread"].message_process(
            False, REPLY.format(to="fair@example.com", parent=members[0].message_id)
        )
        self.assertRecordValues(
            members,
            [
                {"trace_status": "reply", "reply_datetime": self.now(), "failure_reason": False},
                {
                    "trace_status": "bounce",
                    "reply_datetime": False,
                    "failure_reason": "Mailbox unavailable",
                },
            ],
        )
        self.assertIn("two people", members[0].message_ids[0].body)

    def test_sms_invitations_through_odoo_sms(self):
        self.customers["b"].phone = False
        wizard = self.invite_by_filter(
            [("id", "in", self.records("customers", "abc").ids)], channel="sms"
        )
        self.assertEqual(
            [(line.partner_id, line.reason) for line in wizard.skip_ids],
            [(self.customers["b"], "no_phone")],
        )
        members = self.campaign.member_ids.sorted("id")
        with self.mockSMSGateway():
            self.env["crm.campaign.member"]._cron_send_invitations()
            self.assertEqual(members.mapped("trace_status"), ["outgoing", "outgoing"])
            for member in members:
                self.assertSMSOutgoing(
                    member.partner_id, None, content=member._campaign_invitation_url()
                )
            self.env["sms.sms"].sudo().search([("uuid", "in", members.mapped("sms_uuid"))]).send()
        self.assertSMSIapSent(
            [m.partner_id._phone_format() for m in members],
            content="You are invited to Spring Fair",
        )
        self.assertEqual(members.mapped("trace_status"), ["sent", "sent"])

    def test_sending_is_batched(self):
        partners = self.env["res.partner"].create(
            [{"name": f"Bulk {n}", "email": f"bulk{n}@example.com"} for n in range(30)]
        )
        self.invite_by_filter([("id", "in", partners.ids)])
        Member = self.env["crm.campaign.member"]
        Member._cron_send_invitations(batch_size=7)
        self.assertEqual(Member.search_count([("trace_status", "=", "to_send")]), 0)
        self.assertEqual(len(self.campaign.member_ids.mail_mail_id), 30)

    def test_invite_queries_do_not_grow_with_the_partners(self):
        counts = []
        # The first round warms the caches (the cron, the template's records).
        for size in (3, 5, 25):
            partners = self.env["res.partner"].create(
                [
                    {"name": f"Grow {size} {n}", "email": f"g{size}.{n}@example.com"}
                    for n in range(size)
                ]
            )
            wizard = self.env["crm.campaign.invite"].create(
                {
                    "campaign_id": self.campaign.id,
                    "partner_domain": repr([("id", "in", partners.ids)]),
                }
            )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            wizard.action_invite()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(wizard.added_count, size)
        self.assertEqual(counts[1], counts[2])

    def now(self):
        from odoo import fields

        return fields.Datetime.now()
