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
        cls.env["crm.lead"].create(
            [
                {
                    "name": name,
                    "type": "opportunity",
                    "stage_id": stage.id,
                    "user_id": user.id,
                    "expected_revenue": revenue,
                    "probability": probability,
                }
                for name, stage, user, revenue, probability in (
                    ("Tour Funnel One", qualify, cls.manager, 1000, 10),
                    ("Tour Funnel Two", qualify, other, 3000, 20),
                    ("Tour Funnel Three", propose, other, 5000, 50),
                )
            ]
        )

    def test_funnel_drill_through(self):
        self.start_tour("/odoo/crm-funnel", "crm_core_funnel", login="tour_funnel_manager")

    def test_competitor_form(self):
        self.start_tour(
            "/odoo/action-crm_core.crm_competitor_action",
            "crm_core_competitor",
            login="tour_funnel_manager",
        )
        competitor = self.env["crm.competitor"].search([("name", "=", "Tour Rival Ltd")])
        self.assertRecordValues(competitor, [{"website": "https://rival.example.com"}])
        self.assertRecordValues(competitor.product_ids, [{"name": "Rival CRM", "price": 1200.0}])
