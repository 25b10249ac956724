from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

REQUEST_STATES = [
    ("draft", "Draft"),
    ("submitted", "To Approve"),
    ("approved", "Approved"),
    ("done", "Closed"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]


class CrmExpenseRequest(models.Model):
    _name = "crm.expense.request"
    _description = "Expense Request"
    _inherit = ["crm.expense.entry"]

    purpose = fields.Text(required=True, tracking=True)
    currency_id = fields.Many2one(default=lambda self: self.env.company.currency_id)
    product_id = fields.Many2one(
        "product.product",
        string="Expense Item",
        required=True,
        check_company=True,
        domain="[('can_be_expensed', '=', True)]",
        tracking=True,
        index=True,
    )
    amount_company = fields.Monetary(
        string="Amount (Company Currency)",
        currency_field="company_currency_id",
        compute="_compute_amount_company",
        store=True,
        aggregator="sum",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Applicant",
        required=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
        tracking=True,
        index=True,
    )
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, index=True, string="Department"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
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
    date = fields.Date(string="Requested On")
    date_start = fields.Date(string="Spending From")
    date_end = fields.Date(string="Spending Until")
    res_model = fields.Char(string="Document Model", index=True, readonly=True)
    res_id = fields.Many2oneReference(string="Document ID", model_field="res_model", index=True)
    document_ref = fields.Reference(
        selection="_selection_document_models",
        string="Business Document",
        compute="_compute_document_ref",
        inverse="_inverse_document_ref",
    )
    document_model_id = fields.Many2one(
        "ir.model", string="Document Type", compute="_compute_document_model_id", store=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", index=True, check_company=True)
    lead_id = fields.Many2one("crm.lead", string="Opportunity", index="btree_not_null")
    campaign_id = fields.Many2one("utm.campaign", string="Campaign", index="btree_not_null")
    state = fields.Selection(
        REQUEST_STATES, default="draft", copy=False, readonly=True, tracking=True, index=True
    )
    approved_amount = fields.Monetary(
        currency_field="currency_id", readonly=True, copy=False, tracking=True, aggregator="sum"
    )
    approved_amount_company = fields.Monetary(
        string="Approved (Company Currency)",
        currency_field="company_currency_id",
        compute="_compute_amount_company",
        store=True,
        aggregator="sum",
    )
    payout_ids = fields.One2many("crm.expense.payout", "request_id", string="Payouts")
    advance_payment_ids = fields.One2many(
        "account.payment",
        "crm_expense_request_id",
        string="Advances",
        readonly=True,
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    expense_ids = fields.One2many("hr.expense", "crm_expense_request_id", string="Expenses")
    advanced_amount = fields.Monetary(
        currency_field="currency_id",
        compute="_compute_advanced_amount",
        store=True,
        aggregator="sum",
    )
    spent_amount = fields.Monetary(
        currency_field="currency_id", compute="_compute_spent_amounts", store=True, aggregator="sum"
    )
    reimbursed_amount = fields.Monetary(
        currency_field="currency_id",
        compute="_compute_spent_amounts",
        store=True,
        aggregator="sum",
        help="Payouts accounted through the employee's expenses.",
    )
    remaining_amount = fields.Monetary(
        currency_field="currency_id",
        compute="_compute_spent_amounts",
        store=True,
        aggregator="sum",
        help="Approved but not spent yet.",
    )
    payout_count = fields.Integer(compute="_compute_counts", compute_sudo=True)
    expense_count = fields.Integer(compute="_compute_counts", compute_sudo=True)
    advance_count = fields.Integer(compute="_compute_counts", compute_sudo=True)
    can_be_submitted = fields.Boolean(compute="_compute_can_be")
    can_be_advanced = fields.Boolean(compute="_compute_can_be")
    can_be_reimbursed = fields.Boolean(compute="_compute_can_be")

    _document_idx = models.Index("(res_model, res_id)")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for request in self:
            if request.date_start and request.date_end and request.date_end < request.date_start:
                raise ValidationError(
                    self.env._(
                        "%(request)s: the spending period ends before it starts.",
                        request=request.display_name,
                    )
                )

    @api.model
    def _selection_document_models(self):
        names = self.env.registry.descendants(["crm.expense.document"], "_inherit")
        return [
            (name, self.env[name]._description)
            for name in sorted(names)
            if not self.env[name]._abstract
        ]

    @api.depends("amount", "approved_amount", "currency_id", "date", "company_id")
    def _compute_amount_company(self):
        for request in self:
            convert = request._crm_convert_to_company
            request.amount_company = convert(request.amount)
            request.approved_amount_company = convert(request.approved_amount)

    def _crm_convert_to_company(self, amount):
        company = self.company_id or self.env.company
        return self.currency_id._convert(
            amount, company.currency_id, company, self.date or fields.Date.context_today(self)
        )

    @api.depends("user_id")
    def _compute_team_id(self):
        for request in self:
            if request.user_id.sale_team_id:
                request.team_id = request.user_id.sale_team_id

    @api.depends("res_model", "res_id")
    def _compute_document_ref(self):
        models_ok = dict(self._selection_document_models())
        for request in self:
            ok = request.res_model in models_ok and request.res_id
            request.document_ref = f"{request.res_model},{request.res_id}" if ok else False

    def _inverse_document_ref(self):
        for request in self:
            document = request.document_ref
            request.res_model = document._name if document else False
            request.res_id = document.id if document else False
            if document:
                defaults = document._crm_expense_defaults()
                for name in ("partner_id", "lead_id", "campaign_id"):
                    if defaults.get(name) and not request[name]:
                        request[name] = defaults[name]

    @api.depends("res_model")
    def _compute_document_model_id(self):
        for request in self:
            request.document_model_id = (
                self.env["ir.model"]._get_id(request.res_model) if request.res_model else False
            )

    @api.depends("advance_payment_ids.state", "advance_payment_ids.amount")
    def _compute_advanced_amount(self):
        for request in self:
            payments = request.advance_payment_ids.filtered(
                lambda pay: pay.state in ("in_process", "paid")
            )
            request.advanced_amount = sum(payments.mapped("amount"))

    @api.depends(
        "approved_amount",
        "payout_ids.state",
        "payout_ids.amount_request_currency",
        "payout_ids.expense_id.state",
    )
    def _compute_spent_amounts(self):
        for request in self:
            spent = request.payout_ids.filtered(lambda payout: payout.state == "approved")
            reimbursed = spent.filtered(
                lambda payout: payout.expense_id.state in ("posted", "in_payment", "paid")
            )
            request.spent_amount = sum(spent.mapped("amount_request_currency"))
            request.reimbursed_amount = sum(reimbursed.mapped("amount_request_currency"))
            request.remaining_amount = request.approved_amount - request.spent_amount

    @api.depends("payout_ids", "expense_ids", "advance_payment_ids")
    def _compute_counts(self):
        for request in self:
            request.payout_count = len(request.payout_ids)
            request.expense_count = len(request.expense_ids)
            request.advance_count = len(request.advance_payment_ids)

    @api.depends("state", "approved_amount", "advanced_amount", "payout_ids.state")
    @api.depends_context("uid")
    def _compute_can_be(self):
        for request in self:
            request.can_be_submitted = request.state == "draft"
            request.can_be_advanced = (
                request.state == "approved"
                and request.currency_id.compare_amounts(
                    request.approved_amount, request.advanced_amount
                )
                > 0
            )
            request.can_be_reimbursed = bool(request._crm_payouts_to_reimburse())

    def _crm_on_approved(self):
        # Approval freezes the amount: payouts and advances count against it.
        for request in self:
            request.approved_amount = request.amount
        return super()._crm_on_approved()

    def _ensure_can_be_submitted(self):
        for request in self:
            if request.state != "draft":
                raise UserError(
                    self.env._(
                        "%(request)s cannot be submitted: only draft requests can.",
                        request=request.display_name,
                    )
                )

    def action_submit(self):
        self._ensure_can_be_submitted()
        return self._crm_submit_for_approval()

    def action_cancel(self):
        for request in self:
            if request.state in ("done", "cancel"):
                raise UserError(
                    self.env._("%(request)s is already closed.", request=request.display_name)
                )
            if request.payout_ids.filtered(lambda payout: payout.state == "approved"):
                raise UserError(
                    self.env._(
                        "%(request)s has confirmed payouts: close it instead of cancelling it.",
                        request=request.display_name,
                    )
                )
            if request.advanced_amount:
                raise UserError(
                    self.env._(
                        "%(request)s has advances paid: cancel their payments first.",
                        request=request.display_name,
                    )
                )
        self.with_context(skip_validation_check=True).write({"state": "cancel"})

    def action_draft(self):
        if self.filtered(lambda request: request.state not in ("rejected", "cancel")):
            raise UserError(
                self.env._("Only rejected or cancelled expense requests go back to draft.")
            )
        self.with_context(skip_validation_check=True).write(
            {"state": "draft", "approved_amount": 0.0}
        )

    def action_close(self):
        if self.filtered(lambda request: request.state != "approved"):
            raise UserError(self.env._("Only approved expense requests can be closed."))
        self.write({"state": "done"})

    def action_new_payout(self):
        self.ensure_one()
        self._crm_ensure_payable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Payout"),
            "res_model": "crm.expense.payout",
            "views": [(False, "form")],
            "context": {"default_request_id": self.id},
        }

    def action_advance(self):
        self.ensure_one()
        self._crm_ensure_can_be_advanced()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Pay an Advance"),
            "res_model": "crm.expense.advance",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    def action_view_payouts(self):
        return self._crm_action_view(
            self.payout_ids, self.env._("Payouts"), {"default_request_id": self.id}
        )

    def action_view_expenses(self):
        return self._crm_action_view(self.expense_ids, self.env._("Expenses"), {"create": False})

    def action_view_advances(self):
        return self._crm_action_view(
            self.advance_payment_ids, self.env._("Advances"), {"create": False}
        )

    def action_view_document(self):
        self.ensure_one()
        if not self.document_ref:
            raise UserError(
                self.env._("%(request)s belongs to no document.", request=self.display_name)
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "views": [(False, "form")],
        }

    def action_reimburse(self):
        """Hand the employee-paid payouts over to Odoo's expenses: one hr.expense
        per payout, which Odoo approves, posts and pays; an advance already paid is
        netted when the expense is posted."""
        self.ensure_one()
        payouts = self._crm_payouts_to_reimburse()
        if not payouts:
            raise UserError(
                self.env._(
                    "%(request)s has nothing left to reimburse: every confirmed payout "
                    "already has its expense.",
                    request=self.display_name,
                )
            )
        if not self.employee_id.work_contact_id:
            raise UserError(
                self.env._(
                    "The applicant %(employee)s has no work contact to reimburse.",
                    employee=self.employee_id.name,
                )
            )
        expenses = self.env["hr.expense"].create(
            [payout._crm_expense_values() for payout in payouts]
        )
        for payout, expense in zip(payouts, expenses, strict=True):
            payout.expense_id = expense
        self.message_post(
            body=self.env._("%(count)s expense(s) created for reimbursement.", count=len(expenses))
        )
        return self._crm_action_view(expenses, self.env._("Expenses"), {"create": False})

    def _crm_payouts_to_reimburse(self):
        self.ensure_one()
        return self.payout_ids.filtered(
            lambda payout: (
                payout.state == "approved"
                and payout.payment_mode == "own_account"
                and (not payout.expense_id or payout.expense_id.state == "refused")
            )
        )

    def _crm_ensure_payable(self):
        """Spending goes against an approved request, unless the company lets
        payouts be recorded before the approval."""
        for request in self:
            allowed = request.company_id.crm_expense_payout_unapproved
            if request.state != "approved" and not (
                allowed and request.state in ("draft", "submitted")
            ):
                raise UserError(
                    self.env._(
                        "%(request)s is not approved: payouts need an approved request.",
                        request=request.display_name,
                    )
                )

    def _crm_ensure_can_be_advanced(self):
        for request in self:
            if request.state != "approved":
                raise UserError(
                    self.env._(
                        "%(request)s is not approved: advances are paid on approved requests only.",
                        request=request.display_name,
                    )
                )
            if not request.can_be_advanced:
                raise UserError(
                    self.env._(
                        "%(request)s: the advances already reach the approved amount.",
                        request=request.display_name,
                    )
                )
