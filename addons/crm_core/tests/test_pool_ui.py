from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from .common import SALESMAN


@tagged("post_install", "-at_install")
class TestPoolUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, login="tour_pool_salesman", groups=SALESMAN, name="Tour Pool Salesman"
        )
        cls.team = cls.env["crm.team"].create(
            {"name": "Tour Pool Team", "member_ids": [(4, cls.salesman.id)]}
        )
        cls.public_pool = cls.env["crm.pool"]._get_public_pool(cls.env.company)
        Partner = cls.env["res.partner"]
        vals = {"is_company": True, "customer_rank": 1}
        cls.alpha = Partner.create(
            {**vals, "name": "Tourpool Alpha", "pool_id": cls.public_pool.id}
        )
        cls.warned = Partner.create({**vals, "name": "Tourpool Warned", "user_id": cls.salesman.id})
        # Odoo's remaining-days widget says "In 3 days" or "Next month" depending on
        # today; a date more than 99 days ahead it shows as the date itself.
        cls.warned.pool_recall_date = date(2099, 6, 15)

    def test_claim_release_and_recall_warning(self):
        self.start_tour("/odoo/crm-pool-customers", "crm_core_pool", login="tour_pool_salesman")
        self.assertRecordValues(self.alpha, [{"user_id": False, "pool_id": self.team.pool_ids.id}])
        logs = self.env["crm.pool.log"].search([("partner_id", "=", self.alpha.id)], order="id")
        self.assertEqual(logs.mapped("action"), ["claim", "release"])
        self.assertEqual(logs[1].reason, "Not my region")
        self.assertEqual(logs.user_id, self.salesman)
