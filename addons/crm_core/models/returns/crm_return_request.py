from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

RETURN_TYPES = [
    ("return", "Return"),
    ("exchange", "Exchange"),
    ("refund", "Refund Only"),
]


class CrmReturnRequest(models.Model):
    _name = "crm.return.request"
    _description = "Return / Exchange / Refund Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "crm.approval.flow",
    ]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(default="New", copy=False, readonly=True, index="trigram", required=True)
    type = fields.Selection(RETURN_TYPES, required=True, default="return", tracking=True)
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('state', '=', 'sale')]",
    )
    partner_id = fields.Many2one(
        related="sale_order_id.partner_id", store=True, index=True, string="Customer"
    )
    commercial_partner_id = fields.Many2one(
        related="sale_order_id.partner_id.commercial_partner_id",
        store=True,
        index=True,
        string="Commercial Entity",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        compute="_compute_from_order",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_from_order",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        compute="_compute_from_order",
        store=True,
        precompute=True,
        index=True,
    )
    currency_id = fields.Many2one(related="sale_order_id.currency_id")
    reason = fields.Text()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "To Approve"),
            ("approved", "Approved"),
            ("done", "Done"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        copy=False,
        readonly=True,
        tracking=True,
        index=True,
    )
    approver_opinion = fields.Text(copy=False, tracking=True)
    line_ids = fields.One2many("crm.return.request.line", "request_id", string="Lines", copy=True)
    amount_total = fields.Monetary(compute="_compute_amount_total", currency_field="currency_id")
    return_picking_ids = fields.Many2many(
        "stock.picking",
        "crm_return_request_return_picking_rel",
        "request_id",
        "picking_id",
        string="Return Receipts",
        copy=False,
        readonly=True,
    )
    replacement_picking_ids = fields.Many2many(
        "stock.picking",
        "crm_return_request_replacement_picking_rel",
        "request_id",
        "picking_id",
        string="Replacement Deliveries",
        copy=False,
        readonly=True,
    )
    credit_note_ids = fields.Many2many(
        "account.move",
        "crm_return_request_credit_note_rel",
        "request_id",
        "move_id",
        string="Credit Notes",
        copy=False,
        readonly=True,
    )
    return_picking_count = fields.Integer(compute="_compute_document_counts")
    replacement_picking_count = fields.Integer(compute="_compute_document_counts")
    credit_note_count = fields.Integer(compute="_compute_document_counts")
    can_be_submitted = fields.Boolean(compute="_compute_can_be")
    can_be_executed = fields.Boolean(compute="_compute_can_be")
    can_be_cancelled = fields.Boolean(compute="_compute_can_be")

    @api.depends("sale_order_id")
    def _compute_from_order(self):
        for request in self:
            order = request.sale_order_id
            if order:
                request.user_id = order.user_id
                request.team_id = order.team_id
                request.company_id = order.company_id
            elif not request.company_id:
                request.company_id = self.env.company

    @api.depends("line_ids.price_subtotal")
    def _compute_amount_total(self):
        for request in self:
            request.amount_total = sum(request.line_ids.mapped("price_subtotal"))

    @api.depends("return_picking_ids", "replacement_picking_ids", "credit_note_ids")
    def _compute_document_counts(self):
        for request in self:
            request.return_picking_count = len(request.return_picking_ids)
            request.replacement_picking_count = len(request.replacement_picking_ids)
            request.credit_note_count = len(request.credit_note_ids)

    @api.depends("state", "line_ids")
    def _compute_can_be(self):
        for request in self:
            request.can_be_submitted = request.state == "draft" and bool(request.line_ids)
            request.can_be_executed = request.state == "approved"
            request.can_be_cancelled = request.state in ("draft", "submitted", "approved")

    @api.onchange("sale_order_id")
    def _onchange_sale_order_id(self):
        # Propose every delivered line with what can still be returned.
        if self.state != "draft":
            return
        Line = self.env["crm.return.request.line"]
        commands = [(5, 0, 0)]
        for sale_line in self.sale_order_id.order_line._origin:
            candidate = Line.new({"sale_line_id": sale_line.id})
            if candidate.sale_line_id.display_type or candidate.returnable_qty <= 0:
                continue
            commands.append(
                (
                    0,
                    0,
                    {
                        "sale_line_id": candidate.sale_line_id.id,
                        "requested_qty": candidate.returnable_qty,
                    },
                )
            )
        self.line_ids = commands

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for request in self:
            request.access_url = f"/my/returns/{request.id}"
        return res

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "New") == "New":
                vals["name"] = self.env["ir.sequence"].next_by_code("crm.return.request") or "New"
        requests = super().create(vals_list)
        requests._check_sale_order()
        return requests

    def write(self, vals):
        res = super().write(vals)
        if "sale_order_id" in vals:
            self._check_sale_order()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        not_draft = self.filtered(lambda r: r.state not in ("draft", "cancel"))
        if not_draft:
            raise UserError(
                self.env._(
                    "Only draft or cancelled requests can be deleted: %(names)s.",
                    names=", ".join(not_draft.mapped("name")),
                )
            )

    def action_submit(self):
        self._ensure_can_be_submitted()
        for line in self.line_ids:
            line._check_requested_qty()
        # The approver starts from the requested quantities and may lower them.
        # Only the approver may write approved_qty (see the line's write); this
        # initial copy is made by the system, hence as superuser.
        for line in self.line_ids.sudo():
            line.approved_qty = line.requested_qty
        return self._crm_submit_for_approval()

    def action_cancel(self):
        self._ensure_can_be_cancelled()
        self.with_context(skip_validation_check=True).write({"state": "cancel"})
        return True

    def action_execute(self):
        self._ensure_can_be_executed()
        for request in self:
            try:
                # One savepoint per request: a failure anywhere removes every
                # picking and credit note made so far for it.
                with self.env.cr.savepoint():
                    request._execute()
            except (UserError, ValidationError) as error:
                raise UserError(
                    self.env._(
                        "Return request %(name)s could not be executed, nothing "
                        "was created: %(error)s",
                        name=request.name,
                        error=error.args[0] if error.args else error,
                    )
                ) from error
        return True

    def action_view_return_pickings(self):
        return self._crm_action_view(
            self.return_picking_ids, self.env._("Return Receipts"), {"create": False}
        )

    def action_view_replacement_pickings(self):
        return self._crm_action_view(
            self.replacement_picking_ids, self.env._("Replacement Deliveries"), {"create": False}
        )

    def action_view_credit_notes(self):
        return self._crm_action_view(
            self.credit_note_ids, self.env._("Credit Notes"), {"create": False}
        )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Return Request %(name)s", name=self.name)

    # The approver may lower the quantities, never raise them above the request.
    def _validate_tier(self, tiers=False):
        self.ensure_one()
        if self.state == "submitted":
            self._check_approved_quantities()
        return super()._validate_tier(tiers)

    def _ensure_can_be_submitted(self):
        for request in self:
            if request.state != "draft":
                raise UserError(
                    self.env._(
                        "Return request %(name)s cannot be submitted: it is not a draft.",
                        name=request.name,
                    )
                )
            if not request.line_ids:
                raise UserError(
                    self.env._(
                        "Return request %(name)s cannot be submitted: it has no lines.",
                        name=request.name,
                    )
                )

    def _ensure_can_be_executed(self):
        for request in self:
            if not request.can_be_executed:
                raise UserError(
                    self.env._(
                        "Return request %(name)s cannot be executed: only approved "
                        "requests can be executed.",
                        name=request.name,
                    )
                )

    def _ensure_can_be_cancelled(self):
        for request in self:
            if not request.can_be_cancelled:
                raise UserError(
                    self.env._(
                        "Return request %(name)s cannot be cancelled in its current state.",
                        name=request.name,
                    )
                )

    def _ensure_lines_editable(self):
        # The lines are what gets approved: once submitted only the approver
        # touches them, and only their approved quantity.
        for request in self:
            if request.state != "draft" and not self.env.su:
                raise UserError(
                    self.env._(
                        "The lines of return request %(name)s can only be changed "
                        "while it is a draft.",
                        name=request.name,
                    )
                )

    def _check_sale_order(self):
        for request in self:
            order = request.sale_order_id
            if order.state != "sale":
                raise UserError(
                    self.env._(
                        "Sales order %(order)s is not confirmed: a return request "
                        "needs a confirmed order.",
                        order=order.name,
                    )
                )
            if not any(line.qty_delivered > 0 for line in order.order_line):
                raise UserError(
                    self.env._(
                        "Nothing of sales order %(order)s has been delivered yet.",
                        order=order.name,
                    )
                )

    def _check_approved_quantities(self):
        self.ensure_one()
        if not any(line.approved_qty > 0 for line in self.line_ids):
            raise UserError(
                self.env._(
                    "Return request %(name)s: set an approved quantity on at least "
                    "one line before validating, or reject the request.",
                    name=self.name,
                )
            )
