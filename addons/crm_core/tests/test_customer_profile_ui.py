from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import SALESMAN


@tagged("post_install", "-at_install")
class TestCustomerProfileUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(cls.env, login="profile_salesman", groups=SALESMAN)
        cls.industry = cls.env["res.partner.industry"].create({"name": "Tourindustry"})
        cls.region = cls.env["crm.sales.region"].create({"name": "Tourregion"})

    @mute_logger("odoo.http")  # the first save is refused on purpose
    def test_customer_profile_rules_and_duplicates(self):
        self.start_tour(
            "/odoo/crm-customers/new", "crm_core_customer_profile", login="profile_salesman"
        )
        customer = self.env["res.partner"].search([("name", "=", "Tourprofile Co")])
        self.assertRecordValues(
            customer,
            [
                {
                    "customer_type_id": self.env.ref("crm_core.customer_type_enterprise").id,
                    "legal_name": "Tourprofile Trading Co., Ltd.",
                    "industry_id": self.industry.id,
                    "region_id": self.region.id,
                    "phone": "+86 138 0013 9999",
                    "user_id": self.salesman.id,
                    "customer_rank": 1,
                }
            ],
        )
        # the second customer was discarded
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Tourprofile Twin")]))
