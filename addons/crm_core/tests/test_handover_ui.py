from odoo.tests import HttpCase, new_test_user, tagged

from .common import MANAGER, SALESMAN


@tagged("post_install", "-at_install")
class TestHandoverUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # no auto-subscription: the giver follows none of the records
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        new_test_user(cls.env, login="tour_ho_manager", groups=MANAGER, name="Tour Manager")
        cls.giver = new_test_user(
            cls.env, login="tour_ho_giver", groups=SALESMAN, name="Tour Giver"
        )
        cls.taker = new_test_user(
            cls.env, login="tour_ho_taker", groups=SALESMAN, name="Tour Taker"
        )
        vals = {"is_company": True, "customer_rank": 1, "user_id": cls.giver.id}
        cls.customers = cls.env["res.partner"].create(
            [{**vals, "name": "Handco One"}, {**vals, "name": "Handco Two"}]
        )
        cls.opportunities = cls.env["crm.lead"].create(
            [
                {"name": f"Handco Deal {i}", "type": "opportunity", "user_id": cls.giver.id}
                for i in range(3)
            ]
        )

    def test_handover_tour(self):
        self.start_tour("/odoo", "crm_core_handover", login="tour_ho_manager")
        handover = self.env["crm.handover"].search([("from_user_id", "=", self.giver.id)])
        self.assertEqual(handover.state, "done")
        self.assertEqual(
            {line.type_key: line.count for line in handover.line_ids},
            {
                "customer": 2,
                "lead": 0,
                "opportunity": 3,
                "sale_order": 0,
                "activity": 0,
                "follower": 0,
            },
        )
        self.assertEqual(self.customers.user_id, self.taker)
        self.assertEqual(self.opportunities.user_id, self.taker)
