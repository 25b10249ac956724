from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from .common import LEADER, SALESMAN


@tagged("post_install", "-at_install")
class TestSalesTargetUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader = new_test_user(
            cls.env, login="tour_target_leader", groups=LEADER, name="Tour Target Leader"
        )
        cls.seller = new_test_user(
            cls.env, login="tour_target_seller", groups=SALESMAN, name="Tour Target Seller"
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Tour Target Team",
                "user_id": cls.leader.id,
                "member_ids": [(4, cls.seller.id)],
            }
        )

    def test_leader_sets_target(self):
        self.start_tour(
            "/odoo/action-crm_core.crm_sales_target_action",
            "crm_core_sales_target",
            login="tour_target_leader",
        )
        target = self.env["crm.sales.target"].search([("user_id", "=", self.seller.id)])
        self.assertRecordValues(
            target,
            [
                {
                    "month": date(2026, 3, 1),
                    "team_id": self.team.id,
                    "target_amount": 12000.0,
                }
            ],
        )
