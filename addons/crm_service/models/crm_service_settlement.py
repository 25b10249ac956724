from odoo import api, fields, models
from odoo.exceptions import UserError

from .helpdesk_ticket_warranty import WARRANTY_STATES


class CrmServiceSettlement(models.Model):
    """The bill of a service: the parts consumed and the labour, priced from the
    customer's pricelist. What the warranty covers is zero-priced and says so;
    what is charged goes into a confirmed sale order and its invoice."""

    _name = "crm.service.settlement"
    _description = "Service Settlement"
    _inherit = ["crm.service.numbered", "mail.thread"]
    _order = "id desc"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    order_id = fields.Many2one(
        "crm.service.order",
        string="Work Order",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        domain="[('ticket_id', '=', ticket_id)]",
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        related="ticket_id.commercial_partner_id", store=True, string="Customer", index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Technician",
        required=True,
        index=True,
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("invoiced", "Invoiced"),
            ("covered", "Covered by Warranty"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    pricelist_id = fields.Many2one(
        "product.pricelist",
        compute="_compute_pricelist_id",
        store=True,
        readonly=False,
        check_company=True,
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id", store=True)
    warranty_state = fields.Selection(
        WARRANTY_STATES,
        string="Warranty",
        compute="_compute_warranty",
        store=True,
        precompute=True,
        help="The warranty of the request's serial when the settlement was made.",
    )
    warranty_end_date = fields.Date(
        string="Warranty Until", compute="_compute_warranty", store=True, precompute=True
    )
    line_ids = fields.One2many("crm.service.settlement.line", "settlement_id", string="Lines")
    amount_total = fields.Monetary(
        string="To Charge",
        compute="_compute_amount_total",
        store=True,
        currency_field="currency_id",
    )
    sale_order_id = fields.Many2one("sale.order", readonly=True, copy=False, index="btree_not_null")
    invoice_ids = fields.Many2many(related="sale_order_id.invoice_ids", string="Invoices")

    @api.depends("order_id")
    def _compute_user_id(self):
        for settlement in self:
            settlement.user_id = settlement.order_id.user_id or settlement.user_id or self.env.user

    @api.depends("partner_id", "company_id")
    def _compute_pricelist_id(self):
        for settlement in self:
            partner = settlement.partner_id.with_company(settlement.company_id)
            settlement.pricelist_id = partner.property_product_pricelist

    @api.depends("pricelist_id", "company_id")
    def _compute_currency_id(self):
        for settlement in self:
            settlement.currency_id = (
                settlement.pricelist_id.currency_id or settlement.company_id.currency_id
            )

    @api.depends("ticket_id")
    def _compute_warranty(self):
        for settlement in self:
            settlement.warranty_state = settlement.ticket_id.warranty_state or "unknown"
            settlement.warranty_end_date = settlement.ticket_id.warranty_end_date

    @api.depends("line_ids.price_subtotal")
    def _compute_amount_total(self):
        for settlement in self:
            settlement.amount_total = sum(settlement.line_ids.mapped("price_subtotal"))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_settled(self):
        if self.filtered(lambda s: s.state in ("invoiced", "covered")):
            raise UserError(self.env._("A closed settlement cannot be deleted."))

    def _fill_from_order(self):
        """Lines for the order's consumed parts not in another settlement, and one
        for the hours between the order's start and end."""
        self.ensure_one()
        order = self.order_id
        settled = (order.settlement_ids - self).filtered(lambda s: s.state != "cancel")
        parts = (
            order.part_move_ids.filtered(
                lambda m: m.move_type == "consumption" and m.state == "done"
            )
            - settled.line_ids.part_move_id
        )
        vals_list = [
            {
                "settlement_id": self.id,
                "kind": "part",
                "part_move_id": part.id,
                "product_id": part.product_id.id,
                "quantity": part.quantity,
            }
            for part in parts.sorted("id")
        ]
        labour = self.env.ref("crm_service.product_service_labour", raise_if_not_found=False)
        if labour and order.actual_start and order.actual_end and not settled:
            hours = (order.actual_end - order.actual_start).total_seconds() / 3600
            if hours > 0:
                vals_list.append(
                    {
                        "settlement_id": self.id,
                        "kind": "labour",
                        "product_id": labour.id,
                        "quantity": round(hours, 2),
                    }
                )
        return self.env["crm.service.settlement.line"].create(vals_list)

    def _ensure_draft_with_lines(self):
        for settlement in self:
            if settlement.state != "draft":
                raise UserError(
                    self.env._("%(name)s is not a draft settlement.", name=settlement.name)
                )
            if not settlement.line_ids:
                raise UserError(
                    self.env._(
                        "Nothing to settle on %(name)s: add the parts or the labour.",
                        name=settlement.name,
                    )
                )

    def action_invoice(self):
        """A confirmed sale order of every line (the covered ones at zero) and its
        draft invoice. The consumed parts' moves become the order's deliveries,
        so no second delivery is made."""
        self._ensure_draft_with_lines()
        for settlement in self:
            if settlement.currency_id.is_zero(settlement.amount_total):
                raise UserError(
                    self.env._(
                        "Nothing to charge on %(name)s: every line is covered. Close it "
                        "as covered by the warranty instead.",
                        name=settlement.name,
                    )
                )
        for settlement in self:
            settlement._make_sale_order()
        self.write({"state": "invoiced"})
        return True

    def action_close_covered(self):
        self._ensure_draft_with_lines()
        for settlement in self:
            if not settlement.currency_id.is_zero(settlement.amount_total):
                raise UserError(
                    self.env._(
                        "%(name)s has %(amount)s to charge: invoice it.",
                        name=settlement.name,
                        amount=settlement.amount_total,
                    )
                )
        self.write({"state": "covered"})
        return True

    def action_cancel(self):
        if self.filtered(lambda s: s.state != "draft"):
            raise UserError(self.env._("Only draft settlements can be cancelled."))
        self.write({"state": "cancel"})
        return True

    def action_view_invoices(self):
        self.ensure_one()
        return self.sale_order_id.action_view_invoice()

    def _make_sale_order(self):
        self.ensure_one()
        # made by the system for the settlement's user, who may sell nothing else
        order = (
            self.env["sale.order"]
            .sudo()
            .with_company(self.company_id)
            .create(
                {
                    "partner_id": self.sudo().ticket_id.partner_id.id or self.partner_id.id,
                    "pricelist_id": self.pricelist_id.id,
                    "company_id": self.company_id.id,
                    "user_id": self.user_id.id,
                    "origin": self.name,
                    "order_line": [
                        fields.Command.create(line._sale_line_vals()) for line in self.line_ids
                    ],
                }
            )
        )
        for line, sale_line in zip(self.line_ids, order.order_line, strict=True):
            if line.part_move_id.stock_move_id:
                line.part_move_id.stock_move_id.sudo().sale_line_id = sale_line
        order.with_context(skip_procurement=True).action_confirm()
        order._create_invoices()
        self.sale_order_id = order
        return order
