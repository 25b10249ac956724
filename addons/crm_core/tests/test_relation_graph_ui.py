from odoo.tests import HttpCase, new_test_user, tagged

from .common import SALESMAN


@tagged("post_install", "-at_install")
class TestRelationGraphUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(cls.env, login="tour_rel_salesman", groups=SALESMAN)
        Partner = cls.env["res.partner"]
        vals = {"is_company": True, "customer_rank": 1, "user_id": cls.salesman.id}
        cls.customer = Partner.create({**vals, "name": "Relco Own"})
        cls.friend = Partner.create({**vals, "name": "Relco Friend"})
        cls.env["crm.partner.relation"].create(
            {
                "left_partner_id": cls.friend.id,
                "type_id": cls.env.ref("crm_core.relation_type_superior").id,
                "right_partner_id": cls.customer.id,
                "strength": "strong",
            }
        )

    def test_relation_graph_opens_related_partner(self):
        self.start_tour(
            f"/odoo/crm-customers/{self.customer.id}",
            "crm_core_relation_graph",
            login="tour_rel_salesman",
        )
