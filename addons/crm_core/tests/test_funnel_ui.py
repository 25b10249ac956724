from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import MANAGER


@tagged("post_install", "-at_install")
class TestFunnelUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, login="tour_funnel_manager", groups=MANAGER, name="Tour Funnel Manager"
        )
        other = new_test_user(
            cls.env, login="tour_funnel_other", groups=MANAGER, name="Tour Funnel Other"
        )
        Stage = cls.env["crm.stage"]
        qualify = Stage.create({"name": "Tour Funnel Qualify", "sequence": 2001})
        propose = Stage.create({"name": "Tour Funnel Propose", "sequence": 2002})
        cls.acme = cls.env["crm.competitor"].create({"name": "Tour Acme"})
        cls.reason = cls.env["crm.lost.reason"].create(
            {"name": "Tour Lost to Competition", "is_competitor": True}
        )
        cls.opportunities = cls.env["crm.lead"].create(
            [
                {
                    "name": name,
                    "type": "opportunity",
                    "stage_id": stage.id,
                    "user_id": user.id,
                    "expected_revenue": revenue,
                    "probability": probability,
                    "date_deadline": deadline,
                }
                for name, stage, user, revenue, probability, deadline in (
                    ("Tour Funnel One", qualify, cls.manager, 1000, 10, False),
                    ("Tour Funnel Two", qualify, other, 3000, 20, "2026-11-10"),
                    ("Tour Funnel Three", propose, other, 5000, 50, "2026-12-20"),
                )
            ]
        )

    def test_funnel_drill_through(self):
        self.start_tour("/odoo/crm-funnel", "crm_core_funnel", login="tour_funnel_manager")

    def test_funnel_dates_through_the_picker(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        new_test_user(
            self.env,
            login="tour_funnel_chinese",
            groups=MANAGER,
            name="Tour Funnel Chinese",
            lang="zh_CN",
        )
        self.start_tour("/odoo/crm-funnel", "crm_core_funnel_dates", login="tour_funnel_chinese")

    def test_competitor_form(self):
        self.start_tour(
            "/odoo/action-crm_core.crm_competitor_action",
            "crm_core_competitor",
            login="tour_funnel_manager",
        )
        competitor = self.env["crm.competitor"].search([("name", "=", "Tour Rival Ltd")])
        self.assertRecordValues(competitor, [{"website": "https://rival.example.com"}])
        self.assertRecordValues(competitor.product_ids, [{"name": "Rival CRM", "price": 1200.0}])

    def test_lost_to_competitor(self):
        opportunity = self.opportunities[0]
        opportunity.competition_ids = [Command.create({"competitor_id": self.acme.id})]
        self.start_tour(
            f"/odoo/action-crm.crm_lead_action_pipeline/{opportunity.id}",
            "crm_core_lost_to_competitor",
            login="tour_funnel_manager",
        )
        self.assertRecordValues(
            opportunity,
            [
                {
                    "won_status": "lost",
                    "lost_reason_id": self.reason.id,
                    "lost_competitor_id": self.acme.id,
                }
            ],
        )
        self.assertRecordValues(
            opportunity.competition_ids, [{"outcome": "lost", "is_winner": True}]
        )
