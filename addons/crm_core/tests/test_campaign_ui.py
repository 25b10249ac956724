from datetime import date

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .campaign_common import MARKETING


@tagged("post_install", "-at_install")
class TestCampaignUi(HttpCase):
    """Absolute dates in 2031: the invitation wizard refuses ended campaigns, and the
    browser's session must not be older than the server's clock."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        new_test_user(cls.env, login="tour_marketing", groups=MARKETING, name="Tour Marketing")
        cls.type = cls.env["crm.campaign.type"].create(
            {
                "name": "Tour Expo Type",
                "stage_ids": [
                    Command.create({"name": "Tour Booth", "sequence": 1, "planned_days": 3}),
                    Command.create({"name": "Tour Show", "sequence": 2, "planned_days": 2}),
                ],
            }
        )
        vip = cls.env["res.partner.category"].create({"name": "Tour VIP"})
        cls.vips = cls.env["res.partner"].create(
            [
                {"name": name, "email": email, "category_id": [Command.link(vip.id)]}
                for name, email in (
                    ("Tour VIP One", "vip1@example.com"),
                    ("Tour VIP Two", "vip2@example.com"),
                    ("Tour VIP No Mail", False),
                )
            ]
        )

    def test_create_from_type_and_invite_by_filter(self):
        self.start_tour("/odoo?debug=1", "crm_core_campaign", login="tour_marketing")
        campaign = self.env["utm.campaign"].search([("title", "=", "Tour Expo 2031")])
        self.assertRecordValues(
            campaign.task_ids,
            [
                {
                    "name": "Tour Booth",
                    "planned_date_start": date(2031, 3, 10),
                    "planned_date_end": date(2031, 3, 12),
                },
                {
                    "name": "Tour Show",
                    "planned_date_start": date(2031, 3, 13),
                    "planned_date_end": date(2031, 3, 14),
                },
            ],
        )
        self.assertRecordValues(
            campaign.member_ids.sorted("partner_id"),
            [
                {"partner_id": self.vips[0].id, "state": "invited", "trace_status": "to_send"},
                {"partner_id": self.vips[1].id, "state": "invited", "trace_status": "to_send"},
            ],
        )

    def test_roi_view(self):
        Campaign = self.env["utm.campaign"]
        roi_type = self.env["crm.campaign.type"].create({"name": "Tour ROI Type"})
        fair, mailing = Campaign.create(
            [
                {"title": "Tour ROI Fair", "campaign_type_id": roi_type.id},
                {"title": "Tour ROI Mailing", "campaign_type_id": roi_type.id},
            ]
        )
        Lead = self.env["crm.lead"]
        Lead.create(
            [
                {"name": "Tour lead", "type": "lead", "campaign_id": fair.id},
                {"name": "Tour lead 2", "type": "lead", "campaign_id": mailing.id},
            ]
        )
        Lead.create(
            {
                "name": "Tour deal",
                "type": "opportunity",
                "campaign_id": fair.id,
                "expected_revenue": 8000,
            }
        ).action_set_won()
        self.env["crm.campaign.cost"].create(
            [
                {"campaign_id": fair.id, "name": "Stand", "amount": 2000},
                {"campaign_id": mailing.id, "name": "Postage", "amount": 500},
            ]
        )
        action = self.env.ref("crm_core.crm_campaign_analysis_action")
        self.start_tour(
            f"/odoo/action-{action.id}?debug=", "crm_core_campaign_roi", login="tour_marketing"
        )
