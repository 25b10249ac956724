from odoo.exceptions import AccessError
from odoo.tests import tagged

from .opp_common import CrmOpportunityCommon


@tagged("post_install", "-at_install")
class TestOpportunityAccess(CrmOpportunityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lines = {}
        for key, lead in cls.leads.items():
            lead.write({"type": "opportunity", "stage_id": cls.stage_qualify.id})
            cls.lines[key] = cls.env["crm.lead.product"].create(
                {"lead_id": lead.id, "product_id": cls.gadget.id, "product_uom_qty": 1}
            )

    def _by_key(self, model, records, keys):
        return self.env[model].browse([rec.id for key in keys for rec in records(self.leads[key])])

    def assertSees(self, user, keys):
        expected = {
            "crm.lead.product": lambda lead: lead.product_line_ids,
            "crm.lead.evidence": lambda lead: lead.evidence_ids,
            "crm.lead.stage.history": lambda lead: lead.stage_history_ids,
        }
        all_leads = self.records("leads", self.leads)
        for model, records in expected.items():
            with self.subTest(user=user.login, model=model):
                found = self.env[model].with_user(user).search([("lead_id", "in", all_leads.ids)])
                self.assertEqual(found.sudo(), self._by_key(model, records, keys))

    def test_salesperson_sees_own_and_unowned(self):
        self.assertSees(self.salesman_a, ["a", "pool"])
        self.assertSees(self.salesman_c, ["c", "pool"])

    def test_team_leader_sees_led_team(self):
        self.assertSees(self.leader_1, ["a", "b", "pool"])
        self.assertSees(self.leader_2, ["c", "pool"])

    def test_manager_sees_all(self):
        self.assertSees(self.manager, ["a", "b", "c", "pool"])

    def test_salesperson_cannot_read_other_team_lines(self):
        with self.assertRaisesRegex(AccessError, "Opportunity Product Line"):
            self.lines["c"].with_user(self.salesman_a).read(["price_unit"])
        with self.assertRaisesRegex(AccessError, "Opportunity Product Line"):
            self.lines["b"].with_user(self.salesman_a).price_unit = 1.0
        mine = self.lines["a"].with_user(self.salesman_a)
        mine.price_unit = 77.0
        self.assertRecordValues(self.lines["a"], [{"price_unit": 77.0, "price_subtotal": 77.0}])

    def test_salesperson_ticks_evidence_but_cannot_write_history(self):
        evidence = self.leads["a"].evidence_ids.with_user(self.salesman_a)
        evidence.done = True
        self.assertRecordValues(self.leads["a"].evidence_ids, [{"done": True}])
        with self.assertRaisesRegex(AccessError, "Opportunity Stage Evidence"):
            self.leads["c"].evidence_ids.with_user(self.salesman_a).done = True
        history = self.leads["a"].stage_history_ids.with_user(self.salesman_a)
        with self.assertRaises(AccessError):
            history.date_out = "2026-01-01 00:00:00"
        with self.assertRaises(AccessError):
            history.create({"lead_id": self.leads["a"].id, "stage_id": self.stage_won.id})

    def test_other_company_hidden(self):
        other_company = self.env["res.company"].create({"name": "Opp Other Company"})
        lead = self.env["crm.lead"].create(
            {
                "name": "Other Company Deal",
                "type": "opportunity",
                "user_id": False,
                "company_id": other_company.id,
                "stage_id": self.stage_qualify.id,
            }
        )
        line = self.env["crm.lead.product"].create(
            {"lead_id": lead.id, "product_id": self.service.id, "product_uom_qty": 1}
        )
        self.assertEqual(line.company_id, other_company)
        for model in ("crm.lead.product", "crm.lead.evidence", "crm.lead.stage.history"):
            with self.subTest(model=model):
                found = self.env[model].with_user(self.manager).search([("lead_id", "=", lead.id)])
                self.assertFalse(found)
                self.assertTrue(self.env[model].search([("lead_id", "=", lead.id)]))
