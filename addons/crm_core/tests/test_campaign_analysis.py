from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged
from odoo.tools import SQL

from .campaign_common import CampaignCommon

FIGURES = [
    "invited_count",
    "accepted_count",
    "attended_count",
    "lead_count",
    "opportunity_count",
    "new_customer_count",
    "won_revenue",
    "cost",
    "roi",
    "cost_per_lead",
]


@tagged("post_install", "-at_install")
class TestCampaignAnalysis(CampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        members = cls.invite(cls.records("customers", "abc") | cls.contacts["a"])
        members[0].state = "accepted"
        members[1].state = "attended"
        members[2].state = "declined"
        Lead = cls.env["crm.lead"]
        Lead.create({"name": "Fair lead", "type": "lead", "campaign_id": cls.campaign.id})
        won = Lead.create(
            {
                "name": "Fair deal",
                "type": "opportunity",
                "campaign_id": cls.campaign.id,
                "partner_id": cls.customers["a"].id,
                "expected_revenue": 8000,
            }
        )
        won.action_set_won()
        cls.env["crm.campaign.cost"].create(
            [
                {"campaign_id": cls.campaign.id, "name": "Stand", "amount": 1500},
                {"campaign_id": cls.campaign.id, "name": "Flyers", "amount": 500},
            ]
        )
        # A first order brought by the campaign makes a new customer; the second
        # order of a customer who already bought does not.
        newcomer = cls.env["res.partner"].create({"name": "Newcomer", "is_company": True})
        for partner in (newcomer, cls.customers["a"], cls.customers["a"]):
            cls.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "campaign_id": cls.campaign.id,
                    "order_line": [Command.create({"product_id": cls.product.id})],
                }
            ).action_confirm()
        cls.small = cls.env["utm.campaign"].create({"title": "Mailing", "date_start": cls.today})
        Lead.create({"name": "Mailing lead", "type": "lead", "campaign_id": cls.small.id})
        cls.env["crm.campaign.cost"].create(
            {"campaign_id": cls.small.id, "name": "Postage", "amount": 500}
        )

    def test_campaign_figures(self):
        self.assertRecordValues(
            self.campaign | self.small,
            [
                {
                    "invited_count": 4,
                    "accepted_count": 2,
                    "attended_count": 1,
                    "lead_count": 2,
                    "opportunity_count": 1,
                    "new_customer_count": 2,
                    "won_revenue": 8000,
                    "cost": 2000,
                    "roi": 300,
                    "cost_per_lead": 1000,
                },
                {
                    "invited_count": 0,
                    "accepted_count": 0,
                    "attended_count": 0,
                    "lead_count": 1,
                    "opportunity_count": 0,
                    "new_customer_count": 0,
                    "won_revenue": 0,
                    "cost": 500,
                    "roi": -100,
                    "cost_per_lead": 500,
                },
            ],
        )

    def test_grouped_ratios_come_from_totals(self):
        # Across both: (8000 - 2500) / 2500 = 220 %, 2500 / 3 leads; the average of
        # the rows would say 100 % and 750.
        Analysis = self.env["crm.campaign.analysis"].with_user(self.marketing)
        [(leads, cost, revenue, roi, per_lead)] = Analysis._read_group(
            [("campaign_id", "in", (self.campaign | self.small).ids)],
            [],
            ["lead_count:sum", "cost:sum", "won_revenue:sum", "roi:avg", "cost_per_lead:avg"],
        )
        self.assertEqual((leads, cost, revenue, roi, per_lead), (3, 2500, 8000, 220, 833.33))

    def test_cost_sources_hook_adds_up(self):
        def sources(model):
            return [*original(model), SQL("SELECT %s AS campaign_id, 250 AS amount", self.small.id)]

        UtmCampaign = type(self.env["utm.campaign"])
        original = UtmCampaign._campaign_actual_cost_sources
        with patch.object(UtmCampaign, "_campaign_actual_cost_sources", sources):
            self.small.invalidate_recordset()
            self.assertRecordValues(self.small, [{"cost": 750, "roi": -100, "cost_per_lead": 750}])

    def test_analysis_is_for_marketing_staff(self):
        Analysis = self.env["crm.campaign.analysis"]
        self.assertEqual(
            Analysis.with_user(self.marketing)
            .search([("campaign_id", "=", self.campaign.id)])
            .cost,
            2000,
        )
        self.assertFalse(Analysis.with_user(self.salesman_a).has_access("read"))
        self.assertTrue(Analysis.with_user(self.manager).has_access("read"))
