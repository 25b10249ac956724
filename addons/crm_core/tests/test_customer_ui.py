from odoo.tests import HttpCase, new_test_user, tagged

from .common import LEADER, SALESMAN


@tagged("post_install", "-at_install")
class TestCustomerUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(cls.env, login="tour_salesman", groups=SALESMAN)
        cls.other = new_test_user(cls.env, login="tour_other", groups=SALESMAN)
        leader = new_test_user(cls.env, login="tour_leader", groups=LEADER)
        team = cls.env["crm.team"].create({"name": "Tour Team", "user_id": leader.id})
        cls.env["crm.team.member"].create({"crm_team_id": team.id, "user_id": cls.salesman.id})
        Partner = cls.env["res.partner"]
        vals = {"is_company": True, "customer_rank": 1}
        Partner.create(
            [
                {**vals, "name": "Tourco Mine One", "user_id": cls.salesman.id},
                {**vals, "name": "Tourco Mine Two", "user_id": cls.salesman.id},
                {**vals, "name": "Tourco Pool", "user_id": False},
                {**vals, "name": "Tourco Someone Else", "user_id": cls.other.id},
                # a contact person is not listed as a customer of its own
                {"name": "Tourco Contact Person", "parent_id": False, "user_id": False},
            ]
        )

    def test_salesman_sees_own_and_pool_customers(self):
        self.start_tour("/odoo", "crm_core_customer_list", login="tour_salesman")
