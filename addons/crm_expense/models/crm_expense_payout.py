from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PAYOUT_STATES = [
    ("draft", "Draft"),
    ("submitted", "To Approve"),
    ("approved", "Confirmed"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]


class CrmExpensePayout(models.Model):
    _name = "crm.expense.payout"
    _description = "Expense Payout"
    _inherit = ["crm.expense.entry"]

    description = fields.Char(required=True)
    request_id = fields.Many2one(
        "crm.expense.request",
        string="Expense Request",
        check_company=True,
        index="btree_not_null",
        domain="[('state', 'in', ('draft', 'submitted', 'approved'))]",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Expense Item",
        required=True,
        check_company=True,
        domain="[('can_be_expensed', '=', True)]",
        compute="_compute_from_request",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    currency_id = fields.Many2one(
        compute="_compute_from_request",
        store=True,
        readonly=False,
        precompute=True,
    )
    amount_request_currency = fields.Monetary(
        string="Amount (Request Currency)",
        currency_field="request_currency_id",
        compute="_compute_amounts",
        store=True,
    )
    request_currency_id = fields.Many2one(
        related="request_id.currency_id", string="Request Currency"
    )
    amount_company = fields.Monetary(
        string="Amount (Company Currency)",
        currency_field="company_currency_id",
        compute="_compute_amounts",
        store=True,
        aggregator="sum",
    )
    payee_id = fields.Many2one("res.partner", string="Payee", check_company=True)
    payment_mode = fields.Selection(
        [("own_account", "Employee (to reimburse)"), ("company_account", "Company")],
        string="Paid By",
        required=True,
        default="own_account",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Employee",
        required=True,
        check_company=True,
        compute="_compute_from_request",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    department_id = fields.Many2one(related="employee_id.department_id", store=True, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        compute="_compute_from_request",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_from_request",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    res_model = fields.Char(
        string="Document Model",
        compute="_compute_from_request",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    res_id = fields.Many2oneReference(
        string="Document ID",
        model_field="res_model",
        compute="_compute_from_request",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_from_request",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        compute="_compute_from_request",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
    )
    campaign_id = fields.Many2one(
        "utm.campaign",
        string="Campaign",
        compute="_compute_from_request",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
    )
    over_budget = fields.Boolean(
        readonly=True,
        copy=False,
        help="Confirmed beyond what its request has left: it needs its own approval.",
    )
    state = fields.Selection(
        PAYOUT_STATES, default="draft", copy=False, readonly=True, tracking=True, index=True
    )
    expense_id = fields.Many2one(
        "hr.expense", string="Expense", readonly=True, copy=False, index="btree_not_null"
    )

    @api.depends("request_id")
    def _compute_from_request(self):
        for payout in self:
            request = payout.request_id
            if not request:
                payout.currency_id = payout.currency_id or payout.company_id.currency_id
                payout.employee_id = payout.employee_id or self.env.user.employee_id
                payout.user_id = payout.user_id or self.env.user
                payout.team_id = payout.team_id or payout.user_id.sale_team_id
                continue
            payout.update(
                {
                    "product_id": request.product_id,
                    "currency_id": payout.currency_id or request.currency_id,
                    "employee_id": request.employee_id,
                    "user_id": request.user_id,
                    "team_id": request.team_id,
                    "res_model": request.res_model,
                    "res_id": request.res_id,
                    "partner_id": request.partner_id,
                    "lead_id": request.lead_id,
                    "campaign_id": request.campaign_id,
                }
            )

    @api.depends("amount", "currency_id", "date", "request_id.currency_id", "company_id")
    def _compute_amounts(self):
        for payout in self:
            company = payout.company_id or self.env.company
            date = payout.date or fields.Date.context_today(payout)
            payout.amount_company = payout.currency_id._convert(
                payout.amount, company.currency_id, company, date
            )
            target = payout.request_id.currency_id or company.currency_id
            payout.amount_request_currency = payout.currency_id._convert(
                payout.amount, target, company, date
            )

    def action_confirm(self):
        """Confirm the spending: within what its request has left it counts at once;
        beyond it, it waits for its own approval (the over-budget tier)."""
        for payout in self:
            payout._crm_ensure_can_be_confirmed()
        for payout in self:
            request = payout.request_id
            remaining = request.remaining_amount if request.state == "approved" else 0.0
            payout.over_budget = bool(request) and (
                request.currency_id.compare_amounts(payout.amount_request_currency, remaining) > 0
            )
        return self._crm_submit_for_approval()

    def action_cancel(self):
        if self.filtered(lambda payout: payout.expense_id and payout.expense_id.state != "refused"):
            raise UserError(
                self.env._("A payout handed over for reimbursement cannot be cancelled.")
            )
        self.with_context(skip_validation_check=True).write({"state": "cancel"})

    def action_draft(self):
        if self.filtered(lambda payout: payout.state not in ("rejected", "cancel")):
            raise UserError(self.env._("Only rejected or cancelled payouts go back to draft."))
        self.with_context(skip_validation_check=True).write(
            {"state": "draft", "over_budget": False}
        )

    def _crm_ensure_can_be_confirmed(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("%(payout)s is not a draft.", payout=self.display_name))
        if self.request_id:
            self.request_id._crm_ensure_payable()
        self._crm_ensure_rate()

    def _crm_ensure_rate(self):
        """A payout in another currency than its request's needs the rates of
        both on its date; without them the ORM would convert at 1:1 and the
        totals would be wrong."""
        self.ensure_one()
        company = self.company_id
        target = self.request_id.currency_id or company.currency_id
        if self.currency_id == target:
            return
        for currency in (self.currency_id | target) - company.currency_id:
            has_rate = self.env["res.currency.rate"].search_count(
                [
                    ("currency_id", "=", currency.id),
                    ("name", "<=", self.date),
                    ("company_id", "in", [False, company.root_id.id]),
                ],
                limit=1,
            )
            if not has_rate:
                raise ValidationError(
                    self.env._(
                        "%(payout)s is in %(currency)s, not in %(target)s, and %(currency)s "
                        "has no exchange rate on %(date)s: enter the rate first.",
                        payout=self.display_name,
                        currency=currency.name,
                        target=target.name,
                        date=self.date,
                    )
                )

    def _crm_expense_values(self):
        """The employee's expense that reimburses this payout."""
        self.ensure_one()
        values = {
            "name": self.description,
            "employee_id": self.employee_id.id,
            "product_id": self.product_id.id,
            "quantity": 1,
            "total_amount_currency": self.amount,
            "currency_id": self.currency_id.id,
            "date": self.date,
            "payment_mode": self.payment_mode,
            "company_id": self.company_id.id,
            "crm_expense_request_id": self.request_id.id,
            "crm_expense_payout_id": self.id,
            "description": self.request_id.purpose or False,
        }
        if self.res_model == "sale.order" and self.res_id:
            values["sale_order_id"] = self.res_id
        return values
