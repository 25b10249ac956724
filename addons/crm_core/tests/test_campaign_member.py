from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .campaign_common import CampaignCommon


@tagged("post_install", "-at_install")
class TestCampaignMember(CampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.members = cls.invite(
            cls.records("customers", ["a", "b", "c", "pool"]) | cls.records("contacts", "ac")
        )
        cls.by_partner = {m.partner_id: m for m in cls.members}

    def expect(self, keys):
        partners = self.env["res.partner"]
        for key in keys:
            kind, who = key.split(":")
            partners |= (self.customers if kind == "cu" else self.contacts)[who]
        return self.members.filtered(lambda m: m.partner_id in partners)

    def test_member_visibility_per_role(self):
        Member = self.env["crm.campaign.member"]
        expected = {
            self.salesman_a: ["cu:a", "co:a"],
            self.salesman_b: ["cu:b"],
            self.salesman_c: ["cu:c", "co:c"],
            self.leader_1: ["cu:a", "co:a", "cu:b"],
            self.leader_2: ["cu:c", "co:c"],
            self.manager: ["cu:a", "co:a", "cu:b", "cu:c", "co:c", "cu:pool"],
            self.marketing: ["cu:a", "co:a", "cu:b", "cu:c", "co:c", "cu:pool"],
        }
        for user, keys in expected.items():
            with self.subTest(user=user.login):
                self.assertEqual(Member.with_user(user).search([]), self.expect(keys))

    def test_salesperson_reads_but_does_not_manage(self):
        member = self.by_partner[self.customers["a"]].with_user(self.salesman_a)
        with self.assertRaises(AccessError):
            member.state = "attended"
        with self.assertRaises(AccessError):
            self.invite(self.vendor).with_user(self.salesman_a).read(["state"])
        portal = new_test_user(self.env, login="campaign_portal", groups="base.group_portal")
        self.assertFalse(self.env["crm.campaign.member"].with_user(portal).has_access("read"))

    def test_a_partner_is_invited_once(self):
        with self.assertRaisesRegex(
            UserError, "Already a member of the campaign: Matrix Customer a"
        ):
            self.invite(self.customers["a"])
        with self.assertRaisesRegex(UserError, "Already a member of the campaign: Matrix Vendor"):
            self.env["crm.campaign.member"].create(
                [{"campaign_id": self.campaign.id, "partner_id": self.vendor.id}] * 2
            )
        self.assertEqual(len(self.campaign.member_ids), 6)
        other = self.env["utm.campaign"].create({"title": "Other"})
        self.assertEqual(self.invite(self.customers["a"], campaign=other).state, "invited")

    def test_answers_and_attendance(self):
        accepting = self.by_partner[self.customers["a"]]
        declining = self.by_partner[self.customers["b"]]
        accepting._campaign_respond("accept")
        declining._campaign_respond("decline")
        self.assertRecordValues(
            accepting | declining,
            [
                {"state": "accepted", "response_date": self.now()},
                {"state": "declined", "response_date": self.now()},
            ],
        )
        with self.assertRaisesRegex(UserError, "already answered: Accepted"):
            accepting._campaign_respond("decline")
        with self.assertRaisesRegex(UserError, "Matrix Customer b declined the invitation"):
            (accepting | declining).with_user(self.marketing).action_mark_attended()
        self.assertEqual(accepting.state, "accepted")
        (accepting | self.by_partner[self.customers["c"]]).with_user(
            self.marketing
        ).action_mark_attended()
        self.campaign.invalidate_recordset()
        self.assertEqual(self.campaign.attended_count, 2)
        self.assertEqual(self.campaign.accepted_count, 2)

    def test_other_company_members_stay_hidden(self):
        other = self.env["res.company"].create({"name": "Campaign Other Co"})
        campaign = self.env["utm.campaign"].create({"title": "Elsewhere", "company_id": other.id})
        member = self.invite(self.customers["a"], campaign=campaign)
        for user in (self.marketing, self.manager, self.salesman_a):
            with self.subTest(user=user.login):
                found = self.env["crm.campaign.member"].with_user(user).search([])
                self.assertNotIn(member, found)
        self.manager.write({"company_ids": [(4, other.id)]})
        found = (
            self.env["crm.campaign.member"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.env.company.id, other.id])
            .search([("campaign_id", "=", campaign.id)])
        )
        self.assertEqual(found, member)

    def now(self):
        from odoo import fields

        return fields.Datetime.now()
