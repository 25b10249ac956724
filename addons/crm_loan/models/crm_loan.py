from odoo import api, fields, models
from odoo.exceptions import UserError

LOAN_TYPES = [("sample", "Sample"), ("demo", "Demo Unit"), ("spare", "Spare Unit")]
LOAN_STATES = [
    ("draft", "Draft"),
    ("submitted", "To Approve"),
    ("approved", "Approved"),
    ("shipped", "On Loan"),
    ("done", "Closed"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]
ALERT_LEVELS = [("none", "None"), ("soon", "Reminded"), ("overdue", "Overdue Alerted")]


class CrmLoan(models.Model):
    _name = "crm.loan"
    _description = "Loan"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin", "crm.approval.flow"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(default="New", copy=False, readonly=True, index="trigram", required=True)
    loan_type = fields.Selection(
        LOAN_TYPES, string="Type", required=True, default="sample", tracking=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Contact",
        check_company=True,
        domain="[('parent_id', '=', partner_id)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        required=True,
        check_company=True,
        compute="_compute_warehouse_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The warehouse the goods leave from and come back to.",
    )
    purpose = fields.Text()
    expected_ship_date = fields.Date(tracking=True)
    expected_return_date = fields.Date(tracking=True)
    expected_feedback_date = fields.Date(tracking=True)
    ship_date = fields.Datetime(string="Shipped On", readonly=True, copy=False)
    state = fields.Selection(
        LOAN_STATES,
        default="draft",
        required=True,
        copy=False,
        readonly=True,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many("crm.loan.line", "loan_id", string="Lines", copy=True)
    origin_loan_id = fields.Many2one(
        "crm.loan",
        string="Re-loaned From",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The loan whose goods this loan took over directly at the customer.",
    )
    reloan_ids = fields.One2many("crm.loan", "origin_loan_id", string="Re-loans")
    location_id = fields.Many2one(
        "stock.location",
        string="Loan Location",
        readonly=True,
        copy=False,
        help="Where the loaned goods are recorded while the customer holds them.",
    )
    picking_ids = fields.One2many("stock.picking", "crm_loan_id", string="Transfers")
    return_ids = fields.One2many("crm.loan.return", "loan_id", string="Returns")
    conversion_ids = fields.One2many("crm.loan.conversion", "loan_id", string="Conversions")
    feedback_ids = fields.One2many("crm.loan.feedback", "loan_id", string="Feedback")
    has_feedback = fields.Boolean(compute="_compute_has_feedback", store=True)
    loaned_qty = fields.Float(compute="_compute_quantities", store=True, digits="Product Unit")
    outstanding_qty = fields.Float(compute="_compute_quantities", store=True, digits="Product Unit")
    picking_count = fields.Integer(compute="_compute_counts")
    return_count = fields.Integer(compute="_compute_counts")
    conversion_count = fields.Integer(compute="_compute_counts")
    feedback_count = fields.Integer(compute="_compute_counts")
    ship_alert = fields.Selection(ALERT_LEVELS, default="none", copy=False, readonly=True)
    return_alert = fields.Selection(ALERT_LEVELS, default="none", copy=False, readonly=True)
    feedback_alert = fields.Selection(ALERT_LEVELS, default="none", copy=False, readonly=True)
    can_be_submitted = fields.Boolean(compute="_compute_can_be")
    can_be_shipped = fields.Boolean(compute="_compute_can_be")
    can_be_settled = fields.Boolean(compute="_compute_can_be")
    can_be_cancelled = fields.Boolean(compute="_compute_can_be")

    _expected_dates_idx = models.Index("(state, expected_return_date)")

    @api.constrains("expected_ship_date", "expected_return_date")
    def _check_dates(self):
        for loan in self:
            ship, back = loan.expected_ship_date, loan.expected_return_date
            if ship and back and back < ship:
                raise UserError(
                    self.env._(
                        "Loan %(name)s: the expected return date %(back)s is before the "
                        "expected ship date %(ship)s.",
                        name=loan.name,
                        back=back,
                        ship=ship,
                    )
                )

    @api.depends("user_id")
    def _compute_team_id(self):
        for loan in self:
            if loan.user_id and loan.user_id.sale_team_id:
                loan.team_id = loan.user_id.sale_team_id

    @api.depends("company_id")
    def _compute_warehouse_id(self):
        for loan in self:
            if not loan.warehouse_id or loan.warehouse_id.company_id != loan.company_id:
                loan.warehouse_id = self.env["stock.warehouse"].search(
                    [("company_id", "=", loan.company_id.id)], limit=1
                )

    @api.depends("feedback_ids")
    def _compute_has_feedback(self):
        for loan in self:
            loan.has_feedback = bool(loan.feedback_ids)

    @api.depends("line_ids.loaned_qty", "line_ids.outstanding_qty")
    def _compute_quantities(self):
        for loan in self:
            loan.loaned_qty = sum(loan.line_ids.mapped("loaned_qty"))
            loan.outstanding_qty = sum(loan.line_ids.mapped("outstanding_qty"))

    @api.depends("picking_ids", "return_ids", "conversion_ids", "feedback_ids")
    def _compute_counts(self):
        for loan in self:
            loan.picking_count = len(loan.picking_ids)
            loan.return_count = len(loan.return_ids)
            loan.conversion_count = len(loan.conversion_ids)
            loan.feedback_count = len(loan.feedback_ids)

    @api.depends("state", "line_ids", "outstanding_qty", "picking_ids.state")
    def _compute_can_be(self):
        for loan in self:
            loan.can_be_submitted = loan.state == "draft" and bool(loan.line_ids)
            loan.can_be_shipped = loan.state == "approved" and not loan._open_shipments()
            loan.can_be_settled = loan.state == "shipped" and loan.outstanding_qty > 0
            loan.can_be_cancelled = loan.state in ("draft", "submitted", "approved", "rejected")

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.contact_id and self.contact_id.parent_id != self.partner_id:
            self.contact_id = False

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for loan in self:
            loan.access_url = f"/my/loans/{loan.id}"
        return res

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "New") == "New":
                vals["name"] = self.env["ir.sequence"].next_by_code("crm.loan") or "New"
        return super().create(vals_list)

    def write(self, vals):
        # A moved expected date starts its clock afresh.
        for clock in ("ship", "return", "feedback"):
            if f"expected_{clock}_date" in vals:
                vals.setdefault(f"{clock}_alert", "none")
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        not_draft = self.filtered(lambda loan: loan.state not in ("draft", "cancel"))
        if not_draft:
            raise UserError(
                self.env._(
                    "Only draft or cancelled loans can be deleted: %(names)s.",
                    names=", ".join(not_draft.mapped("name")),
                )
            )

    def action_submit(self):
        for loan in self:
            loan._ensure_can_be_submitted()
        return self._crm_submit_for_approval()

    def action_draft(self):
        for loan in self:
            if loan.state not in ("rejected", "cancel"):
                raise UserError(
                    self.env._(
                        "Loan %(name)s cannot be reset to draft: only rejected or "
                        "cancelled loans can.",
                        name=loan.name,
                    )
                )
        self.with_context(skip_validation_check=True).write({"state": "draft"})
        return True

    def action_cancel(self):
        for loan in self:
            if not loan.can_be_cancelled:
                raise UserError(
                    self.env._(
                        "Loan %(name)s cannot be cancelled: its goods have already left.",
                        name=loan.name,
                    )
                )
        self._open_shipments().action_cancel()
        self.with_context(skip_validation_check=True).write({"state": "cancel"})
        return True

    def action_return(self):
        return self._action_settle("crm.loan.return", self.env._("Return"))

    def action_convert(self):
        return self._action_settle("crm.loan.conversion", self.env._("Conversion"))

    def _action_settle(self, model, name):
        self.ensure_one()
        if not self.can_be_settled:
            raise UserError(
                self.env._("Loan %(name)s has nothing outstanding to settle.", name=self.name)
            )
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_loan_id": self.id},
        }

    def action_view_pickings(self):
        return self._crm_action_view(
            self.picking_ids, self.env._("Transfers"), {"default_loan_id": self.id}
        )

    def action_view_returns(self):
        return self._crm_action_view(
            self.return_ids, self.env._("Returns"), {"default_loan_id": self.id}
        )

    def action_view_conversions(self):
        return self._crm_action_view(
            self.conversion_ids, self.env._("Conversions"), {"default_loan_id": self.id}
        )

    def action_view_feedback(self):
        return self._crm_action_view(
            self.feedback_ids, self.env._("Feedback"), {"default_loan_id": self.id}
        )

    def _ensure_can_be_submitted(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                self.env._("Loan %(name)s cannot be submitted: it is not a draft.", name=self.name)
            )
        if not self.line_ids:
            raise UserError(
                self.env._("Loan %(name)s cannot be submitted: it has no lines.", name=self.name)
            )
        self.line_ids._check_serials()

    def _ensure_lines_editable(self):
        for loan in self:
            if loan.state != "draft" and not self.env.su:
                raise UserError(
                    self.env._(
                        "The lines of loan %(name)s can only be changed while it is a draft.",
                        name=loan.name,
                    )
                )

    def _update_state_from_quantities(self):
        """On loan while anything is outstanding, closed once all came back or was
        converted."""
        for loan in self:
            if loan.state == "shipped" and loan.outstanding_qty <= 0:
                loan.state = "done"
            elif loan.state == "done" and loan.outstanding_qty > 0:
                loan.state = "shipped"
