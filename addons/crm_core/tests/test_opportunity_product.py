from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .opp_common import CrmOpportunityCommon


@tagged("post_install", "-at_install")
class TestOpportunityProduct(CrmOpportunityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.opportunity = cls.leads["a"]
        cls.opportunity.type = "opportunity"

    def _add_line(self, lead, product, qty=1.0, **vals):
        return self.env["crm.lead.product"].create(
            {"lead_id": lead.id, "product_id": product.id, "product_uom_qty": qty, **vals}
        )

    def test_price_from_customer_list(self):
        self.customers["a"].property_product_pricelist = self.customer_list
        line = self._add_line(self.opportunity, self.gadget, 2)
        self.assertRecordValues(
            line,
            [
                {
                    "pricelist_id": self.customer_list.id,
                    "price_unit": 80.0,
                    "price_subtotal": 160.0,
                    "product_uom_id": self.gadget.uom_id.id,
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                }
            ],
        )
        # Odoo's volume rule of the customer's list still applies.
        line.product_uom_qty = 10
        self.assertRecordValues(line, [{"price_unit": 70.0, "price_subtotal": 700.0}])

    def test_price_from_salesperson_list(self):
        line = self._add_line(self.opportunity, self.gadget, 3)
        self.assertRecordValues(
            line,
            [{"pricelist_id": self.salesman_list.id, "price_unit": 90.0, "price_subtotal": 270.0}],
        )

    def test_price_from_company_default(self):
        line = self._add_line(self.leads["b"], self.gadget, 1)
        self.assertRecordValues(
            line,
            [{"pricelist_id": self.default_list.id, "price_unit": 95.0, "price_subtotal": 95.0}],
        )

    def test_expected_revenue_is_lines_total(self):
        self.opportunity.expected_revenue = 1234.0
        self.assertEqual(self.opportunity.expected_revenue, 1234.0)
        self._add_line(self.opportunity, self.gadget, 2)
        line = self._add_line(self.opportunity, self.service, 5, discount=50)
        self.assertRecordValues(line, [{"price_unit": 36.0, "price_subtotal": 90.0}])
        self.assertRecordValues(
            self.opportunity, [{"expected_revenue": 270.0, "has_product_lines": True}]
        )
        line.price_unit = 50.0  # negotiated price, kept over the pricelist
        self.assertRecordValues(line, [{"price_unit": 50.0, "price_subtotal": 125.0}])
        self.assertEqual(self.opportunity.expected_revenue, 305.0)
        line.unlink()
        self.assertEqual(self.opportunity.expected_revenue, 180.0)

    def test_expected_revenue_when_created_with_lines(self):
        # Imports and integrations send the lines with the opportunity, no revenue.
        lead = (
            self.env["crm.lead"]
            .with_user(self.salesman_a)
            .create(
                {
                    "name": "One-call Deal",
                    "type": "opportunity",
                    "partner_id": self.customers["a"].id,
                    "product_line_ids": [
                        Command.create({"product_id": self.gadget.id, "product_uom_qty": 950})
                    ],
                }
            )
        )
        self.assertRecordValues(lead.product_line_ids, [{"price_subtotal": 85500.0}])
        lead.invalidate_recordset()
        self.assertRecordValues(lead, [{"expected_revenue": 85500.0, "prorated_revenue": 0.0}])
        # A revenue sent beside the lines (the form's onchange value) is kept as sent;
        # without lines the typed amount stays.
        sent, typed = self.env["crm.lead"].create(
            [
                {
                    "name": "Sent Revenue",
                    "user_id": self.salesman_a.id,
                    "expected_revenue": 1000.0,
                    "product_line_ids": [Command.create({"product_id": self.gadget.id})],
                },
                {"name": "Typed Revenue", "expected_revenue": 777.0},
            ]
        )
        self.assertEqual(sent.expected_revenue, 1000.0)
        self.assertEqual(typed.expected_revenue, 777.0)
        self.assertEqual(self.env["crm.lead"].create({"name": "Nothing"}).expected_revenue, 0.0)

    def test_expected_revenue_when_written_with_lines(self):
        self.opportunity.expected_revenue = 1234.0
        self.opportunity.with_user(self.salesman_a).write(
            {
                "name": "Renamed Deal",
                "probability": 40,
                "product_line_ids": [
                    Command.create({"product_id": self.gadget.id, "product_uom_qty": 950})
                ],
            }
        )
        self.opportunity.invalidate_recordset()
        self.assertRecordValues(
            self.opportunity,
            [{"name": "Renamed Deal", "expected_revenue": 85500.0, "prorated_revenue": 34200.0}],
        )

    def test_expected_revenue_when_imported_with_lines(self):
        result = (
            self.env["crm.lead"]
            .with_user(self.salesman_a)
            .load(
                ["name", "type", "product_line_ids/product_id", "product_line_ids/product_uom_qty"],
                [
                    ["Imported Deal", "opportunity", "Opp Gadget", "950"],
                    ["", "", "Opp Service", "10"],
                ],
            )
        )
        self.assertFalse(result["messages"])
        lead = self.env["crm.lead"].browse(result["ids"])
        self.assertRecordValues(
            lead.product_line_ids, [{"price_subtotal": 85500.0}, {"price_subtotal": 360.0}]
        )
        lead.invalidate_recordset()
        self.assertRecordValues(lead, [{"name": "Imported Deal", "expected_revenue": 85860.0}])

    def test_expected_revenue_in_form(self):
        with Form(self.opportunity.with_user(self.salesman_a)) as form:
            with form.product_line_ids.new() as line:
                line.product_id = self.gadget
                line.product_uom_qty = 4
            self.assertEqual(form.expected_revenue, 360.0)
        self.assertEqual(self.opportunity.expected_revenue, 360.0)

    def test_merge_keeps_all_lines(self):
        other = self.env["crm.lead"].create(
            {
                "name": "Same Customer Deal",
                "type": "opportunity",
                "partner_id": self.customers["a"].id,
                "user_id": self.salesman_a.id,
                "team_id": self.team_1.id,
            }
        )
        self._add_line(self.opportunity, self.gadget, 1)
        self._add_line(other, self.service, 2)
        merged = (self.opportunity | other).merge_opportunity(auto_unlink=True)
        self.assertEqual(merged, self.opportunity)
        self.assertEqual(merged.product_line_ids.product_id, self.gadget | self.service)
        self.assertEqual(merged.expected_revenue, 162.0)

    def test_bad_quantity(self):
        for qty in (0, -2):
            with (
                self.subTest(qty=qty),
                self.assertRaisesRegex(
                    UserError, f"The quantity of Opp Gadget must be positive, not {qty}"
                ),
            ):
                self._add_line(self.opportunity, self.gadget, qty)
        self.assertFalse(self.opportunity.product_line_ids)
        line = self._add_line(self.opportunity, self.gadget, 2)
        with self.assertRaisesRegex(UserError, "The quantity of Opp Gadget must be positive"):
            line.product_uom_qty = 0
        self.assertEqual(line.product_uom_qty, 2)

    def test_new_quotation_copies_lines(self):
        self._add_line(self.opportunity, self.gadget, 2, discount=10)
        self._add_line(self.opportunity, self.service, 1, price_unit=33.0)
        action = self.opportunity.with_user(self.salesman_a).action_sale_quotations_new()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertRecordValues(
            order,
            [
                {
                    "partner_id": self.customers["a"].id,
                    "opportunity_id": self.opportunity.id,
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                    "pricelist_id": self.salesman_list.id,
                    "amount_untaxed": 195.0,
                }
            ],
        )
        self.assertEqual(order.order_line.mapped("discount"), [10.0, 0.0])
        self.assertRecordValues(
            order.order_line,
            [
                {
                    "product_id": self.gadget.id,
                    "product_uom_qty": 2,
                    "price_unit": 90.0,
                    "discount": 10,
                },
                {
                    "product_id": self.service.id,
                    "product_uom_qty": 1,
                    "price_unit": 33.0,
                    "discount": 0,
                },
            ],
        )

    def test_quotation_pricelist_fallback(self):
        SaleOrder = self.env["sale.order"]
        order = SaleOrder.create(
            {"partner_id": self.customers["pool"].id, "user_id": self.salesman_a.id}
        )
        self.assertEqual(order.pricelist_id, self.salesman_list)
        order.order_line = [Command.create({"product_id": self.gadget.id})]
        self.assertEqual(order.order_line.price_unit, 90.0)
        # the customer's own list wins; without both, the company default
        self.customers["pool"].property_product_pricelist = self.customer_list
        own = SaleOrder.create(
            {"partner_id": self.customers["pool"].id, "user_id": self.salesman_a.id}
        )
        other = SaleOrder.create(
            {"partner_id": self.customers["c"].id, "user_id": self.salesman_c.id}
        )
        self.assertEqual(own.pricelist_id, self.customer_list)
        self.assertEqual(other.pricelist_id, self.default_list)
        with Form(SaleOrder) as form:
            form.partner_id = self.customers["b"]
            form.user_id = self.salesman_a
            self.assertEqual(form.pricelist_id, self.salesman_list)
            form.user_id = self.salesman_b
            self.assertEqual(form.pricelist_id, self.default_list)
            form.partner_id = self.customers["pool"]
            self.assertEqual(form.pricelist_id, self.customer_list)
