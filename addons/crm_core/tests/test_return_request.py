from unittest.mock import patch

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged, users
from odoo.tools import mute_logger

from .return_common import CrmReturnCommon


@tagged("post_install", "-at_install")
class TestReturnRequestFlow(CrmReturnCommon):
    def _approve(self, request, approved=None, opinion="Agreed"):
        """Validate as the sales manager, lowering the approved quantities."""
        request = request.with_user(self.manager)
        values = {"approver_opinion": opinion}
        if approved:
            values["line_ids"] = [
                (1, line.id, {"approved_qty": approved[line.sale_line_id]})
                for line in request.line_ids
                if line.sale_line_id in approved
            ]
        request.write(values)
        request.validate_tier()
        return request

    def test_sequence_and_defaults(self):
        request = self._new_request({self.widget_line: 3})
        self.assertRegex(request.name, r"^RR/\d{4}/\d{4}$")
        self.assertRecordValues(
            request,
            [
                {
                    "state": "draft",
                    "partner_id": self.customers["a"].id,
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                    "company_id": self.env.company.id,
                    "amount_total": 300.0,
                }
            ],
        )
        self.assertRecordValues(
            request.line_ids,
            [
                {
                    "product_id": self.widget.id,
                    "delivered_qty": 5.0,
                    "returned_qty": 0.0,
                    "returnable_qty": 5.0,
                    "requested_qty": 3.0,
                    "approved_qty": 0.0,
                    "price_unit": 100.0,
                }
            ],
        )

    @users("salesman_a")
    def test_return_flow(self):
        request = self._new_request({self.widget_line: 3, self.gadget_line: 2})
        request.action_submit()
        self.assertRecordValues(request, [{"state": "submitted", "validation_status": "pending"}])
        self.assertRecordValues(request.line_ids, [{"approved_qty": 3.0}, {"approved_qty": 2.0}])
        self.assertFalse(request.can_review)
        self._approve(request, {self.widget_line: 2.0}, opinion="Two widgets only")
        self.assertRecordValues(
            request,
            [
                {
                    "state": "approved",
                    "validation_status": "validated",
                    "approver_opinion": "Two widgets only",
                    "amount_total": 280.0,
                }
            ],
        )
        request.action_execute()
        self.assertEqual(request.state, "done")
        self.assertEqual(len(request.return_picking_ids), 1)
        self.assertFalse(request.replacement_picking_ids)
        picking = request.return_picking_ids.sudo()
        self.assertEqual(picking.picking_type_code, "incoming")
        self.assertEqual(picking.return_id, self.order.picking_ids.sorted("id")[0])
        self.assertRecordValues(
            picking.move_ids.sorted(lambda r: r.product_id.id),
            [
                {
                    "product_id": self.widget.id,
                    "product_uom_qty": 2.0,
                    "sale_line_id": self.widget_line.id,
                },
                {
                    "product_id": self.gadget.id,
                    "product_uom_qty": 2.0,
                    "sale_line_id": self.gadget_line.id,
                },
            ],
        )
        credit_note = request.credit_note_ids.sudo()
        self.assertRecordValues(
            credit_note,
            [
                {
                    "move_type": "out_refund",
                    "state": "draft",
                    "partner_id": self.customers["a"].id,
                    "invoice_origin": request.name,
                    "amount_untaxed": 280.0,
                    "amount_total": 280.0,
                }
            ],
        )
        self.assertRecordValues(
            credit_note.invoice_line_ids.sorted(lambda r: r.product_id.id),
            [
                {
                    "product_id": self.widget.id,
                    "quantity": 2.0,
                    "price_unit": 100.0,
                    "price_subtotal": 200.0,
                    "sale_line_ids": self.widget_line.ids,
                },
                {
                    "product_id": self.gadget.id,
                    "quantity": 2.0,
                    "price_unit": 40.0,
                    "price_subtotal": 80.0,
                    "sale_line_ids": self.gadget_line.ids,
                },
            ],
        )
        self.assertRecordValues(
            self.widget_line.sudo(), [{"qty_delivered": 5.0, "qty_invoiced": -2.0}]
        )
        # The executed request keeps its quantities out of what can be returned.
        follow_up = self._new_request({self.widget_line: 1})
        self.assertRecordValues(
            follow_up.line_ids,
            [{"delivered_qty": 5.0, "returned_qty": 2.0, "returnable_qty": 3.0}],
        )

    def test_exchange_flow(self):
        request = self._new_request({self.widget_line: 2}, rtype="exchange")
        request.with_user(self.salesman_a).action_submit()
        self._approve(request)
        request.with_user(self.salesman_a).action_execute()
        self.assertEqual(request.state, "done")
        self.assertFalse(request.credit_note_ids)
        self.assertRecordValues(
            request.return_picking_ids.move_ids,
            [{"product_id": self.widget.id, "product_uom_qty": 2.0}],
        )
        replacement = request.replacement_picking_ids
        self.assertRecordValues(
            replacement,
            [{"picking_type_code": "outgoing", "partner_id": self.customers["a"].id}],
        )
        self.assertRecordValues(
            replacement.move_ids,
            [
                {
                    "product_id": self.widget.id,
                    "product_uom_qty": 2.0,
                    "sale_line_id": self.widget_line.id,
                }
            ],
        )

    def test_refund_only_flow(self):
        request = self._new_request({self.gadget_line: 2}, rtype="refund")
        request.action_submit()
        self._approve(request, {self.gadget_line: 1.0})
        request.action_execute()
        self.assertFalse(request.return_picking_ids)
        self.assertFalse(request.replacement_picking_ids)
        self.assertRecordValues(
            request.credit_note_ids.invoice_line_ids,
            [{"product_id": self.gadget.id, "quantity": 1.0, "price_subtotal": 40.0}],
        )
        self.assertRecordValues(request, [{"state": "done", "credit_note_count": 1}])

    def test_reject(self):
        request = self._new_request({self.widget_line: 2})
        request.action_submit()
        request.with_user(self.manager).reject_tier()
        self.assertRecordValues(request, [{"state": "rejected", "validation_status": "rejected"}])
        # A rejected request frees its quantities.
        other = self._new_request({self.widget_line: 5})
        self.assertEqual(other.line_ids.returnable_qty, 5.0)

    def test_reject_with_reason(self):
        request = self._new_request({self.widget_line: 2})
        request.action_submit()
        action = request.with_user(self.manager).action_reject_with_reason()
        wizard = (
            self.env["crm.approval.reject"]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "Used beyond the return period"})
        )
        wizard.action_reject()
        self.assertRecordValues(request, [{"state": "rejected", "validation_status": "rejected"}])
        self.assertRecordValues(
            request.crm_review_history_ids,
            [{"status": "rejected", "reject_reason": "Used beyond the return period"}],
        )

    def test_withdraw_back_to_draft_with_history(self):
        request = self._new_request({self.widget_line: 2})
        request.action_submit()
        self.assertTrue(request.crm_can_withdraw)
        request.action_withdraw_approval()
        self.assertRecordValues(
            request, [{"state": "draft", "review_ids": [], "crm_can_withdraw": False}]
        )
        self.assertEqual(request.crm_review_history_ids.mapped("status"), ["withdrawn"])
        # Submitted again, a new review waits beside the withdrawn one.
        request.action_submit()
        self.assertEqual(
            sorted(request.with_context(active_test=False).crm_review_history_ids.mapped("status")),
            ["pending", "withdrawn"],
        )

    def test_error_more_than_delivered(self):
        with (
            self.assertRaisesRegex(
                ValidationError,
                r"You cannot request 3.0 of Return Gadget: 2.0 delivered, 0.0 already "
                r"returned or requested, so at most 2.0 can be returned.",
            ),
            self.env.cr.savepoint(),
        ):
            self._new_request({self.gadget_line: 3})
        self.assertFalse(
            self.env["crm.return.request"].search([("sale_order_id", "=", self.order.id)])
        )
        # Another live request takes its share of the delivered quantity.
        self._new_request({self.widget_line: 4})
        with self.assertRaisesRegex(ValidationError, r"at most 1.0 can be returned"):
            self._new_request({self.widget_line: 2})

    def test_error_approved_more_than_requested(self):
        request = self._new_request({self.widget_line: 2})
        request.action_submit()
        with (
            self.assertRaisesRegex(
                ValidationError,
                r"You cannot approve 3.0 of Return Widget: only 2.0 was requested.",
            ),
            self.env.cr.savepoint(),
        ):
            self._approve(request, {self.widget_line: 3.0})
        self.assertRecordValues(request, [{"state": "submitted", "validation_status": "pending"}])
        self.assertEqual(request.line_ids.approved_qty, 2.0)

    def test_error_salesperson_sets_approved_qty(self):
        request = self._new_request({self.widget_line: 2})
        request.action_submit()
        with self.assertRaisesRegex(UserError, r"Only the approver of return request"):
            request.line_ids.with_user(self.salesman_a).approved_qty = 1.0
        with self.assertRaisesRegex(UserError, r"Only the approver of return request"):
            draft = self._new_request({self.gadget_line: 1})
            draft.line_ids.with_user(self.manager).approved_qty = 1.0

    def test_error_nothing_approved(self):
        request = self._new_request({self.widget_line: 2})
        request.action_submit()
        with self.assertRaisesRegex(UserError, r"set an approved quantity on at least one line"):
            self._approve(request, {self.widget_line: 0.0})
        self.assertEqual(request.state, "submitted")

    def test_error_execute_before_approval(self):
        request = self._new_request({self.widget_line: 2})
        with self.assertRaisesRegex(UserError, r"cannot be executed: only approved requests"):
            request.action_execute()
        request.action_submit()
        with self.assertRaisesRegex(UserError, r"cannot be executed: only approved requests"):
            request.action_execute()
        self.assertFalse(request.return_picking_ids)

    def test_error_submit_twice_and_empty(self):
        request = self._new_request({self.widget_line: 2})
        request.action_submit()
        with self.assertRaisesRegex(UserError, r"cannot be submitted: it is not a draft"):
            request.action_submit()
        empty = self.env["crm.return.request"].create({"sale_order_id": self.order.id})
        with self.assertRaisesRegex(UserError, r"cannot be submitted: it has no lines"):
            empty.action_submit()

    def test_error_undelivered_order(self):
        order = self.orders["a"]
        order.action_confirm()
        with self.assertRaisesRegex(UserError, r"Nothing of sales order .* has been delivered yet"):
            self.env["crm.return.request"].create({"sale_order_id": order.id})
        with self.assertRaisesRegex(UserError, r"has been delivered yet"):
            order.action_new_crm_return_request()
        with self.assertRaisesRegex(UserError, r"is not confirmed"):
            self.env["crm.return.request"].create({"sale_order_id": self.orders["b"].id})

    def test_error_line_of_another_order(self):
        other = self._delivered_order(self.customers["a"], {self.widget: (1, 1)})
        with self.assertRaisesRegex(ValidationError, r"is not a line of sales order"):
            self._new_request({other.order_line: 1})

    def test_execution_failure_leaves_nothing(self):
        request = self._new_request({self.widget_line: 2})
        request.action_submit()
        self._approve(request)
        pickings_before = self.env["stock.picking"].search([])
        moves_before = self.env["account.move"].search([])

        def fail(*args, **kwargs):
            # A test double: the message is not shown to anybody.
            raise UserError("No income account for Return Widget")  # pylint: disable=translation-required

        with (
            patch.object(type(request), "_create_credit_note", fail),
            self.assertRaisesRegex(
                UserError,
                r"could not be executed, nothing was created: No income account",
            ),
        ):
            request.action_execute()
        self.assertEqual(self.env["stock.picking"].search([]), pickings_before)
        self.assertEqual(self.env["account.move"].search([]), moves_before)
        self.assertRecordValues(
            request,
            [{"state": "approved", "return_picking_ids": [], "credit_note_ids": []}],
        )
        # Once the cause is gone the same request executes.
        request.action_execute()
        self.assertEqual(request.state, "done")

    def test_cancel(self):
        request = self._new_request({self.widget_line: 2})
        request.action_submit()
        request.action_cancel()
        self.assertRecordValues(request, [{"state": "cancel", "review_ids": []}])
        with self.assertRaisesRegex(UserError, r"cannot be cancelled"):
            request.action_cancel()

    def test_onchange_proposes_returnable_lines(self):
        self._new_request({self.widget_line: 1})
        request = self.env["crm.return.request"].new({"sale_order_id": self.order.id})
        request._onchange_sale_order_id()
        self.assertEqual(
            [(line.sale_line_id, line.requested_qty) for line in request.line_ids],
            [(self.widget_line, 4.0), (self.gadget_line, 2.0)],
        )

    def test_sale_order_buttons(self):
        self._new_request({self.widget_line: 1})
        self.assertEqual(self.order.crm_return_request_count, 1)
        action = self.order.action_new_crm_return_request()
        self.assertEqual(action["context"], {"default_sale_order_id": self.order.id})

    def test_form_from_order(self):
        action = self.order.with_user(self.salesman_a).action_new_crm_return_request()
        Request = self.env["crm.return.request"].with_user(self.salesman_a)
        with Form(Request.with_context(**action["context"])) as form:
            self.assertEqual(form.user_id, self.salesman_a)
            self.assertEqual(len(form.line_ids), 2)
            with form.line_ids.edit(0) as line:
                line.requested_qty = 3
        request = form.record
        self.assertRecordValues(
            request,
            [
                {
                    "sale_order_id": self.order.id,
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                }
            ],
        )
        self.assertRecordValues(
            request.line_ids,
            [
                {"sale_line_id": self.widget_line.id, "requested_qty": 3.0},
                {"sale_line_id": self.gadget_line.id, "requested_qty": 2.0},
            ],
        )

    def test_error_same_line_twice(self):
        with (
            self.assertRaisesRegex(Exception, r"sale_line_unique"),
            self.env.cr.savepoint(),
            mute_logger("odoo.sql_db"),
        ):
            self._new_request({self.widget_line: 1}).line_ids.copy()

    def test_quantities_query_count(self):
        """Computing what can be returned costs the same for one line or many."""
        one = self._new_request({self.widget_line: 1})
        order = self._delivered_order(
            self.customers["a"],
            {self.widget: (2, 2), self.gadget: (2, 2), self.product: (2, 2)},
        )
        many = self._new_request(dict.fromkeys(order.order_line, 1), order=order)
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=8):
            one.line_ids.mapped("returnable_qty")
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=8):
            many.line_ids.mapped("returnable_qty")

    def test_error_lines_frozen_after_submit(self):
        request = self._new_request({self.widget_line: 2})
        request.action_submit()
        line = request.line_ids.with_user(self.salesman_a)
        with self.assertRaisesRegex(UserError, r"can only be changed while it is a draft"):
            line.requested_qty = 5
        with self.assertRaisesRegex(UserError, r"can only be changed while it is a draft"):
            line.unlink()
        with self.assertRaisesRegex(UserError, r"can only be changed while it is a draft"):
            self.env["crm.return.request.line"].with_user(self.salesman_a).create(
                {"request_id": request.id, "sale_line_id": self.gadget_line.id}
            )
        self.assertRecordValues(request.line_ids, [{"requested_qty": 2.0, "approved_qty": 2.0}])
