from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user, tagged

from .common import MANAGER, SALESMAN


@tagged("post_install", "-at_install")
class TestOpportunityUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, login="tour_opp_salesman", groups=SALESMAN, name="Tour Opp Salesman"
        )
        cls.team = cls.env["crm.team"].create(
            {"name": "Tour Opp Team", "member_ids": [(4, cls.salesman.id)]}
        )
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Tour Salesperson List",
                "item_ids": [
                    (
                        0,
                        0,
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "percent_price": 10,
                        },
                    )
                ],
            }
        )
        cls.salesman.crm_pricelist_id = cls.pricelist
        cls.env["product.product"].create(
            {"name": "Tour Widget", "list_price": 100.0, "sale_ok": True}
        )
        Stage = cls.env["crm.stage"]
        cls.stage_qualify = Stage.create(
            {"name": "Tour Qualify", "sequence": 201, "team_ids": [(4, cls.team.id)]}
        )
        cls.stage_proposal = Stage.create(
            {"name": "Tour Proposal", "sequence": 202, "team_ids": [(4, cls.team.id)]}
        )
        cls.env["crm.stage.requirement"].create(
            {"stage_id": cls.stage_qualify.id, "name": "Needs confirmed"}
        )
        customer = cls.env["res.partner"].create(
            {"name": "Tour Opp Customer", "customer_rank": 1, "user_id": cls.salesman.id}
        )
        cls.opportunity = cls.env["crm.lead"].create(
            {
                "name": "Tour Deal",
                "type": "opportunity",
                "partner_id": customer.id,
                "user_id": cls.salesman.id,
                "team_id": cls.team.id,
                "stage_id": cls.stage_qualify.id,
            }
        )

    def test_opportunity_lines_and_stage_evidence(self):
        self.start_tour(
            f"/odoo/action-crm.crm_lead_action_pipeline/{self.opportunity.id}",
            "crm_core_opportunity",
            login="tour_opp_salesman",
        )
        self.assertRecordValues(
            self.opportunity,
            [{"stage_id": self.stage_proposal.id, "expected_revenue": 270.0}],
        )
        self.assertRecordValues(
            self.opportunity.product_line_ids,
            [{"product_uom_qty": 3.0, "price_unit": 90.0, "price_subtotal": 270.0}],
        )
        self.assertRecordValues(
            self.opportunity.evidence_ids, [{"done": True, "done_by_id": self.salesman.id}]
        )
        self.assertEqual(
            self.opportunity.stage_history_ids.stage_id, self.stage_qualify | self.stage_proposal
        )

    def test_stage_requirements_and_time_in_stage(self):
        new_test_user(self.env, login="tour_opp_manager", groups=MANAGER, name="Tour Opp Mgr")
        self.opportunity.evidence_ids.done = True
        with freeze_time("2099-01-03 08:00:00"):
            self.opportunity.stage_history_ids.date_in = "2099-01-01 08:00:00"
            self.opportunity.stage_id = self.stage_proposal
        self.start_tour(
            f"/odoo/action-crm.crm_stage_action/{self.stage_qualify.id}",
            "crm_core_time_in_stage",
            login="tour_opp_manager",
        )
        self.assertRecordValues(
            self.stage_qualify.requirement_ids,
            [
                {"name": "Needs confirmed", "kind": "checklist"},
                {"name": "Signed NDA", "kind": "document"},
            ],
        )
        # the opportunity already in the stage is not there any more; a new one gets both
        lead = self.env["crm.lead"].create(
            {"name": "Later Deal", "type": "opportunity", "stage_id": self.stage_qualify.id}
        )
        self.assertEqual(lead.stage_evidence_ids.mapped("name"), ["Needs confirmed", "Signed NDA"])
