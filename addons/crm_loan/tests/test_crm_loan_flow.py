from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, tagged, users

from .common import CrmLoanCommon


@tagged("post_install", "-at_install")
class TestCrmLoanFlow(CrmLoanCommon):
    def test_defaults_and_sequence(self):
        loan = self._new_loan("a", {self.kit: 5})
        self.assertRegex(loan.name, r"^LN/\d{4}/\d{4}$")
        self.assertRecordValues(
            loan,
            [
                {
                    "state": "draft",
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                    "warehouse_id": self.warehouse.id,
                    "commercial_partner_id": self.customers["a"].id,
                    "loaned_qty": 0.0,
                    "outstanding_qty": 0.0,
                    "can_be_submitted": True,
                    "can_be_shipped": False,
                }
            ],
        )

    @users("salesman_a")
    def test_submit_and_approve(self):
        loan = self._new_loan("a", {self.kit: 5}).with_env(self.env)
        loan.action_submit()
        self.assertRecordValues(loan, [{"state": "submitted", "can_be_shipped": False}])
        self.assertEqual(loan.review_ids.mapped("status"), ["pending"])
        loan.with_user(self.manager).validate_tier()
        self.assertRecordValues(loan, [{"state": "approved", "can_be_shipped": True}])

    def test_reject_withdraw_reset(self):
        loan = self._new_loan("a")
        loan.action_submit()
        loan.with_user(self.manager).with_context(reject_reason="Too many out").reject_tier()
        self.assertEqual(loan.state, "rejected")
        loan.action_draft()
        self.assertEqual(loan.state, "draft")
        loan.with_user(self.salesman_a).action_submit()
        loan.with_user(self.salesman_a).action_withdraw_approval()
        self.assertEqual(loan.state, "draft")

    def test_ship_moves_goods_to_the_customer_loan_location(self):
        serials = self.serials[:2]
        loan = self._approve(self._new_loan("a", {self.analyser: serials, self.kit: 5}))
        loan.action_ship()
        picking = loan.picking_ids
        self.assertRecordValues(
            picking,
            [
                {
                    "crm_loan_kind": "ship",
                    "location_id": self.stock.id,
                    "location_dest_id": loan.location_id.id,
                    "partner_id": self.customers["a"].id,
                    "state": "assigned",
                }
            ],
        )
        self.assertEqual(
            picking.move_line_ids.filtered(lambda ml: ml.product_id == self.analyser).lot_id,
            serials,
        )
        self.assertEqual(loan.state, "approved", "on loan only once the warehouse validated")
        for move in picking.move_ids.filtered(lambda m: m.product_id == self.kit):
            move.quantity = 5
        picking.move_ids.picked = True
        picking.button_validate()
        location = loan.location_id
        self.assertRecordValues(
            location,
            [
                {
                    "usage": "internal",
                    "company_id": self.env.company.id,
                    "crm_loan_partner_id": self.customers["a"].id,
                    "warehouse_id": False,
                }
            ],
        )
        self.assertRecordValues(
            loan, [{"state": "shipped", "loaned_qty": 7.0, "outstanding_qty": 7.0}]
        )
        self.assertRecordValues(
            loan.line_ids,
            [
                {"loaned_qty": 2.0, "outstanding_qty": 2.0, "lot_ids": serials.ids},
                {"loaned_qty": 5.0, "outstanding_qty": 5.0, "lot_ids": []},
            ],
        )
        # The warehouse no longer counts them; the company still owns them there.
        self.assertEqual(self.available(self.kit), 45.0)
        self.assertEqual(self.kit.with_context(warehouse_id=self.warehouse.id).qty_available, 45.0)
        self.assertEqual(self.available(self.kit, location), 5.0)
        self.assertEqual(
            self.env["stock.quant"]
            .search([("lot_id", "in", serials.ids), ("quantity", ">", 0)])
            .location_id,
            location,
        )
        self.assertTrue(location._should_be_valued())

    def test_ship_refused_unless_approved(self):
        loan = self._new_loan("a")
        with self.assertRaisesRegex(
            UserError, f"^Loan {loan.name} cannot be shipped: it is not approved"
        ):
            loan.action_ship()
        loan.action_submit()
        with self.assertRaisesRegex(UserError, "cannot be shipped: it is not approved"):
            loan.action_ship()
        self.assertFalse(loan.picking_ids)

    def test_submit_checks(self):
        loan = self.env["crm.loan"].create({"partner_id": self.customers["a"].id})
        with self.assertRaisesRegex(UserError, "cannot be submitted: it has no lines"):
            loan.action_submit()
        loan = self._new_loan("a", {self.analyser: self.serials[:1]})
        loan.line_ids.product_uom_qty = 2
        with self.assertRaisesRegex(UserError, "name 2 serial numbers \\(1 given\\)"):
            loan.action_submit()
        self.assertEqual(loan.state, "draft")

    def test_lines_frozen_after_draft_and_delete_guard(self):
        loan = self._approve(self._new_loan("a"))
        with self.assertRaisesRegex(UserError, "can only be changed while it is a draft"):
            loan.line_ids.with_user(self.salesman_a).product_uom_qty = 9
        with self.assertRaisesRegex(UserError, "Only draft or cancelled loans can be deleted"):
            loan.unlink()

    def test_partial_return_good_and_defective(self):
        loan = self._shipped_loan("a", {self.analyser: self.serials[:3], self.kit: 10})
        an_line, kit_line = self.line_of(loan, self.analyser), self.line_of(loan, self.kit)
        good = self._return(loan, {an_line: self.serials[:1], kit_line: 4})
        good.action_confirm()
        self.assertRecordValues(good, [{"state": "done"}])
        self.assertRecordValues(
            good.picking_id,
            [
                {
                    "state": "done",
                    "location_id": loan.location_id.id,
                    "location_dest_id": self.stock.id,
                    "crm_loan_kind": "return",
                }
            ],
        )
        defective = self._return(loan, {an_line: self.serials[1:2]}, condition="defective")
        defective.action_confirm()
        broken = self.env.company._crm_loan_locations()["defective"]
        self.assertEqual(defective.picking_id.location_dest_id, broken)
        self.assertRecordValues(
            loan.line_ids,
            [
                {
                    "returned_qty": 2.0,
                    "outstanding_qty": 1.0,
                    "outstanding_lot_ids": self.serials[2:3].ids,
                },
                {"returned_qty": 4.0, "outstanding_qty": 6.0, "outstanding_lot_ids": []},
            ],
        )
        self.assertEqual(self.available(self.kit), 44.0)
        self.assertEqual(self.available(self.analyser, broken), 1.0)
        self.assertEqual(loan.state, "shipped")

    def test_return_more_than_outstanding_refused(self):
        loan = self._shipped_loan("a", {self.kit: 3})
        line = loan.line_ids
        back = self._return(loan, {line: 4})
        with self.assertRaisesRegex(
            UserError, "4.0 Sample Kit is more than the 3.0 still outstanding"
        ):
            back.action_confirm()
        self.assertRecordValues(back, [{"state": "draft", "picking_id": False}])
        self.assertEqual(line.outstanding_qty, 3.0)
        self.assertEqual(len(loan.picking_ids), 1)

    def test_convert_foreign_serial_refused(self):
        loan = self._shipped_loan("a", {self.analyser: self.serials[:2]})
        conversion = self._convert(loan, {loan.line_ids: self.serials[2:3]}, "sale")
        with self.assertRaisesRegex(
            UserError, "serial number AN-3 of Demo Analyser is not out on this loan"
        ):
            conversion.action_confirm()
        self.assertRecordValues(conversion, [{"state": "draft", "sale_order_id": False}])
        self.assertFalse(
            self.env["sale.order"].search([("crm_loan_conversion_id", "=", conversion.id)])
        )

    def test_convert_to_sale_fulfilled_from_the_loan_location(self):
        loan = self._shipped_loan("a", {self.analyser: self.serials[:2], self.kit: 5})
        an_line, kit_line = self.line_of(loan, self.analyser), self.line_of(loan, self.kit)
        self._return(loan, {kit_line: 2}).action_confirm()
        conversion = self._convert(loan, {an_line: self.serials[:2], kit_line: 3}, "sale")
        conversion.action_confirm()
        order = conversion.sale_order_id
        self.assertRecordValues(
            order,
            [
                {
                    "state": "sale",
                    "partner_id": self.customers["a"].id,
                    "user_id": self.salesman_a.id,
                    "amount_untaxed": 2 * 1000.0 + 3 * 20.0,
                }
            ],
        )
        self.assertRecordValues(
            order.order_line,
            [
                {"qty_delivered": 2.0, "price_unit": 1000.0},
                {"qty_delivered": 3.0, "price_unit": 20.0},
            ],
        )
        self.assertEqual(order.invoice_status, "to invoice")
        # One delivery, done, leaving from the loan location with the loaned serials.
        self.assertRecordValues(
            order.picking_ids,
            [{"state": "done", "location_id": loan.location_id.id, "crm_loan_kind": "sale"}],
        )
        self.assertEqual(order.picking_ids.move_line_ids.lot_id, self.serials[:2])
        self.assertEqual(self.available(self.kit), 47.0, "nothing more left the warehouse")
        self.assertRecordValues(loan, [{"state": "done", "outstanding_qty": 0.0}])
        self.assertRecordValues(
            loan.line_ids,
            [
                {"converted_qty": 2.0, "returned_qty": 0.0},
                {"converted_qty": 3.0, "returned_qty": 2.0},
            ],
        )

    def test_convert_to_sale_uses_the_customer_pricelist(self):
        pricelist = self.env["product.pricelist"].create(
            {
                "name": "Loan Customer Prices",
                "item_ids": [
                    (
                        0,
                        0,
                        {
                            "applied_on": "0_product_variant",
                            "product_id": self.kit.id,
                            "compute_price": "fixed",
                            "fixed_price": 15.0,
                        },
                    )
                ],
            }
        )
        self.customers["a"].property_product_pricelist = pricelist
        loan = self._shipped_loan("a", {self.kit: 4})
        conversion = self._convert(loan, {loan.line_ids: 4}, "sale")
        conversion.action_confirm()
        self.assertEqual(conversion.sale_order_id.pricelist_id, pricelist)
        self.assertEqual(conversion.sale_order_id.order_line.price_unit, 15.0)

    def test_convert_to_gift_and_consumption(self):
        loan = self._shipped_loan("a", {self.analyser: self.serials[:1], self.kit: 5})
        an_line, kit_line = self.line_of(loan, self.analyser), self.line_of(loan, self.kit)
        gift = self._convert(loan, {an_line: self.serials[:1], kit_line: 2}, "gift")
        gift.action_confirm()
        customers = self.env.ref("stock.stock_location_customers")
        self.assertRecordValues(gift, [{"state": "done", "cost_amount": 600.0 + 2 * 8.0}])
        self.assertRecordValues(
            gift.picking_id,
            [{"state": "done", "location_dest_id": customers.id, "crm_loan_kind": "gift"}],
        )
        consume = self._convert(loan, {kit_line: 3}, "consume")
        consume.action_confirm()
        consumption = self.env.company._crm_loan_locations()["consumption"]
        self.assertRecordValues(consume, [{"state": "done", "cost_amount": 24.0}])
        self.assertEqual(consume.picking_id.location_dest_id, consumption)
        self.assertEqual(consumption.usage, "inventory")
        self.assertEqual(self.available(self.kit, loan.location_id), 0.0)
        self.assertRecordValues(loan, [{"state": "done", "outstanding_qty": 0.0}])

    def test_reloan_takes_the_goods_over_at_the_customer(self):
        loan = self._shipped_loan(
            "a", {self.analyser: self.serials[:2]}, expected_return_date="2027-01-10"
        )
        conversion = self._convert(
            loan,
            {loan.line_ids: self.serials[1:2]},
            "reloan",
            reloan_partner_id=self.customers["b"].id,
            reloan_return_date="2027-03-01",
            reloan_feedback_date="2027-02-15",
        )
        conversion.action_confirm()
        new_loan = conversion.new_loan_id
        self.assertRecordValues(
            new_loan,
            [
                {
                    "state": "shipped",
                    "origin_loan_id": loan.id,
                    "partner_id": self.customers["b"].id,
                    "loan_type": "demo",
                    "expected_return_date": date(2027, 3, 1),
                    "expected_feedback_date": date(2027, 2, 15),
                    "loaned_qty": 1.0,
                    "outstanding_qty": 1.0,
                    "ship_alert": "none",
                    "return_alert": "none",
                }
            ],
        )
        self.assertEqual(new_loan.line_ids.lot_ids, self.serials[1:2])
        self.assertNotEqual(new_loan.location_id, loan.location_id)
        self.assertRecordValues(
            conversion.picking_id,
            [
                {
                    "location_id": loan.location_id.id,
                    "location_dest_id": new_loan.location_id.id,
                    "state": "done",
                }
            ],
        )
        quant = self.env["stock.quant"].search(
            [("lot_id", "=", self.serials[1].id), ("quantity", ">", 0)]
        )
        self.assertEqual(quant.location_id, new_loan.location_id)
        self.assertEqual(loan.reloan_ids, new_loan)
        self.assertRecordValues(loan, [{"state": "shipped", "outstanding_qty": 1.0}])
        # The re-loan comes back like any loan.
        self._return(new_loan, {new_loan.line_ids: self.serials[1:2]}).action_confirm()
        self.assertEqual(new_loan.state, "done")
        self.assertEqual(self.available(self.analyser), 3.0)

    def test_reloan_needs_another_customer(self):
        loan = self._shipped_loan("a")
        conversion = self._convert(loan, {loan.line_ids: 1}, "reloan")
        with self.assertRaisesRegex(UserError, "choose the customer the goods are re-loaned to"):
            conversion.action_confirm()
        conversion.reloan_partner_id = self.customers["a"]
        with self.assertRaisesRegex(
            UserError, "a re-loan goes to another customer than Matrix Customer a"
        ):
            conversion.action_confirm()
        self.assertFalse(conversion.new_loan_id)

    def test_settle_form_proposes_the_outstanding(self):
        loan = self._shipped_loan("a", {self.analyser: self.serials[:2], self.kit: 5})
        self._return(loan, {self.line_of(loan, self.kit): 5}).action_confirm()
        form = Form(self.env["crm.loan.return"].with_context(default_loan_id=loan.id))
        back = form.save()
        self.assertRecordValues(
            back.line_ids,
            [
                {
                    "loan_line_id": self.line_of(loan, self.analyser).id,
                    "quantity": 2.0,
                    "lot_ids": self.serials[:2].ids,
                }
            ],
        )

    def test_cancel(self):
        loan = self._approve(self._new_loan("a"))
        loan.action_ship()
        loan.action_cancel()
        self.assertEqual(loan.state, "cancel")
        self.assertEqual(loan.picking_ids.state, "cancel")
        shipped = self._shipped_loan("a")
        with self.assertRaisesRegex(UserError, "cannot be cancelled: its goods have already left"):
            shipped.action_cancel()

    def test_return_when_nothing_outstanding(self):
        loan = self._new_loan("a")
        with self.assertRaisesRegex(UserError, "has nothing outstanding to settle"):
            loan.action_return()
