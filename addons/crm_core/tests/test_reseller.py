from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import SALESMAN, FrozenTodayMixin


class ResellerCommon(TransactionCase):
    """Regions East > Shanghai and North; resellers of each grade in them; customers
    in Shanghai, in East and nowhere; a team with stages of its own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.salesman = new_test_user(
            cls.env, login="res_salesman", groups=SALESMAN, name="Reseller Salesman"
        )
        Region = cls.env["crm.sales.region"]
        cls.east = Region.create({"name": "East"})
        cls.shanghai = Region.create({"name": "Shanghai", "parent_id": cls.east.id})
        cls.north = Region.create({"name": "North"})
        cls.gold = cls.env.ref("crm_core.crm_reseller_grade_gold")
        cls.silver = cls.env.ref("crm_core.crm_reseller_grade_silver")
        cls.bronze = cls.env.ref("crm_core.crm_reseller_grade_bronze")
        Partner = cls.env["res.partner"]

        def reseller(name, region, grade):
            return Partner.create(
                {
                    "name": name,
                    "is_company": True,
                    "is_reseller": True,
                    "region_id": region.id,
                    "reseller_grade_id": grade.id,
                }
            )

        cls.east_gold = reseller("East Gold Partner", cls.east, cls.gold)
        cls.sh_silver = reseller("Shanghai Silver Partner", cls.shanghai, cls.silver)
        cls.sh_bronze = reseller("Shanghai Bronze Partner", cls.shanghai, cls.bronze)
        cls.north_gold = reseller("North Gold Partner", cls.north, cls.gold)

        def customer(name, region, city):
            return Partner.create(
                {
                    "name": name,
                    "is_company": True,
                    "customer_rank": 1,
                    "city": city,
                    "region_id": region.id if region else False,
                }
            )

        cls.sh_customer = customer("Pudong Trading", cls.shanghai, "Shanghai")
        cls.east_customer = customer("Hangzhou Tools", cls.east, "Hangzhou")
        cls.lost_customer = customer("Nowhere Ltd", None, "Nowhere")
        cls.team = cls.env["crm.team"].create({"name": "Reseller Team"})
        cls.other_team = cls.env["crm.team"].create({"name": "Other Team"})
        Stage = cls.env["crm.stage"]
        cls.stage_new = Stage.create(
            {"name": "Partner New", "sequence": 1, "team_ids": [cls.team.id]}
        )
        cls.stage_demo = Stage.create(
            {"name": "Partner Demo", "sequence": 2, "team_ids": [cls.team.id]}
        )
        cls.stage_foreign = Stage.create(
            {"name": "Foreign Stage", "sequence": 3, "team_ids": [cls.other_team.id]}
        )

    @classmethod
    def lead(cls, name, customer, **vals):
        return cls.env["crm.lead"].create(
            {
                "name": name,
                "type": "opportunity",
                "partner_id": customer.id,
                "team_id": cls.team.id,
                "stage_id": cls.stage_new.id,
                "user_id": cls.salesman.id,
                **vals,
            }
        )


@tagged("post_install", "-at_install")
class TestReseller(FrozenTodayMixin, ResellerCommon):
    def test_reseller_needs_a_grade_and_a_company(self):
        with self.assertRaisesRegex(ValidationError, "Give the reseller Gradeless a grade"):
            self.env["res.partner"].create(
                {"name": "Gradeless", "is_company": True, "is_reseller": True}
            )
        contact = self.env["res.partner"].create({"name": "Li Lei", "parent_id": self.sh_silver.id})
        with self.assertRaisesRegex(ValidationError, "only the company itself"):
            contact.write({"is_reseller": True, "reseller_grade_id": self.gold.id})
        self.assertEqual(self.silver.partner_count, 1)

    def test_assign_by_hand_and_take_back(self):
        lead = self.lead("Hand Deal", self.sh_customer)
        self.assertRecordValues(lead, [{"reseller_id": False, "reseller_state": False}])
        with self.assertRaisesRegex(ValidationError, "Pudong Trading is not a reseller"):
            lead.reseller_id = self.sh_customer
        lead.reseller_id = self.north_gold
        self.assertRecordValues(
            lead,
            [
                {
                    "reseller_id": self.north_gold.id,
                    "reseller_state": "assigned",
                    "reseller_assign_date": fields.Datetime.now(),
                    "reseller_decision_date": False,
                }
            ],
        )
        lead.sudo()._reseller_decline("Too far away")
        self.assertRecordValues(
            lead,
            [
                {
                    "reseller_state": "declined",
                    "reseller_decline_reason": "Too far away",
                    "reseller_decision_date": fields.Datetime.now(),
                }
            ],
        )
        # A new reseller is a new assignment: the old answer goes.
        lead.reseller_id = self.east_gold
        self.assertRecordValues(
            lead,
            [
                {
                    "reseller_state": "assigned",
                    "reseller_decline_reason": False,
                    "reseller_decision_date": False,
                }
            ],
        )
        lead.action_reseller_unassign()
        self.assertRecordValues(lead, [{"reseller_id": False, "reseller_state": False}])

    def test_assign_by_rule(self):
        sh_1 = self.lead("Shanghai One", self.sh_customer)
        sh_2 = self.lead("Shanghai Two", self.sh_customer)
        east = self.lead("East One", self.east_customer)
        nowhere = self.lead("Nowhere One", self.lost_customer)
        working = self.lead("Working One", self.sh_customer, reseller_id=self.north_gold.id)
        working.reseller_state = "accepted"
        leads = sh_1 | sh_2 | east | nowhere | working
        result = leads.with_user(self.salesman).action_reseller_assign_by_rule()
        self.assertIn("3 of 5 leads were given to a reseller", result["params"]["message"])
        # Shanghai's leads go to Shanghai's highest grade, East's to East's; the lead
        # without a region and the one a reseller works on stay as they were.
        self.assertRecordValues(
            leads,
            [
                {"reseller_id": self.sh_silver.id, "reseller_state": "assigned"},
                {"reseller_id": self.sh_silver.id, "reseller_state": "assigned"},
                {"reseller_id": self.east_gold.id, "reseller_state": "assigned"},
                {"reseller_id": False, "reseller_state": False},
                {"reseller_id": self.north_gold.id, "reseller_state": "accepted"},
            ],
        )
        sh_1.sudo()._reseller_decline("No capacity")
        (sh_1 | sh_2).action_reseller_assign_by_rule()
        # The decliner is passed over: the next grade of the region gets the lead.
        self.assertRecordValues(
            sh_1 | sh_2,
            [
                {"reseller_id": self.sh_bronze.id, "reseller_state": "assigned"},
                {"reseller_id": self.sh_silver.id, "reseller_state": "assigned"},
            ],
        )
        # Without a reseller in the customer's own region, the parent region's.
        self.sh_bronze.is_reseller = False
        self.sh_silver.is_reseller = False
        sh_3 = self.lead("Shanghai Three", self.sh_customer)
        sh_3.action_reseller_assign_by_rule()
        self.assertEqual(sh_3.reseller_id, self.east_gold)

    def test_equal_grades_share_by_load(self):
        self.sh_bronze.reseller_grade_id = self.silver
        leads = self.lead("Load One", self.sh_customer) | self.lead("Load Two", self.sh_customer)
        leads.action_reseller_assign_by_rule()
        self.assertEqual(leads.reseller_id, self.sh_silver | self.sh_bronze)
