from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmExpenseAdvance(models.TransientModel):
    _name = "crm.expense.advance"
    _description = "Pay an Expense Advance"

    request_id = fields.Many2one("crm.expense.request", required=True, readonly=True)
    company_id = fields.Many2one(related="request_id.company_id")
    currency_id = fields.Many2one(related="request_id.currency_id")
    employee_id = fields.Many2one(related="request_id.employee_id")
    available_amount = fields.Monetary(
        string="Still Available", compute="_compute_available_amount", currency_field="currency_id"
    )
    amount = fields.Monetary(
        currency_field="currency_id", compute="_compute_amount", store=True, readonly=False
    )
    journal_id = fields.Many2one(
        "account.journal",
        required=True,
        domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', company_id)]",
        compute="_compute_journal_id",
        store=True,
        readonly=False,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    memo = fields.Char()

    @api.depends("request_id")
    def _compute_available_amount(self):
        for wizard in self:
            request = wizard.request_id
            wizard.available_amount = request.approved_amount - request.advanced_amount

    @api.depends("request_id")
    def _compute_amount(self):
        for wizard in self:
            wizard.amount = wizard.amount or wizard.available_amount

    @api.depends("request_id")
    def _compute_journal_id(self):
        for wizard in self:
            company = wizard.request_id.company_id
            wizard.journal_id = company.crm_expense_advance_journal_id or self.env[
                "account.journal"
            ].search(
                [
                    *self.env["account.journal"]._check_company_domain(company),
                    ("type", "=", "bank"),
                ],
                limit=1,
            )

    def action_pay(self):
        self.ensure_one()
        request = self.request_id
        if not self.env.user.has_group("account.group_account_invoice"):
            raise UserError(self.env._("Only accounting users pay advances to employees."))
        request._crm_ensure_can_be_advanced()
        if self.currency_id.compare_amounts(self.amount, 0.0) <= 0:
            raise UserError(self.env._("The advance must be a positive amount."))
        if self.currency_id.compare_amounts(self.amount, self.available_amount) > 0:
            raise UserError(
                self.env._(
                    "%(request)s: an advance of %(amount)s is more than the %(available)s "
                    "still available on its approved amount.",
                    request=request.display_name,
                    amount=self.currency_id.format(self.amount),
                    available=self.currency_id.format(self.available_amount),
                )
            )
        partner = request.employee_id.work_contact_id
        if not partner:
            raise UserError(
                self.env._(
                    "The applicant %(employee)s has no work contact to pay.",
                    employee=request.employee_id.name,
                )
            )
        payment = self.env["account.payment"].create(
            {
                "payment_type": "outbound",
                "partner_type": "supplier",
                "partner_id": partner.id,
                "amount": self.amount,
                "currency_id": self.currency_id.id,
                "journal_id": self.journal_id.id,
                "date": self.date,
                "memo": self.memo or self.env._("Advance on %(request)s", request=request.name),
                "crm_expense_request_id": request.id,
                "company_id": request.company_id.id,
            }
        )
        payment.action_post()
        request.message_post(
            body=self.env._(
                "Advance of %(amount)s paid (%(payment)s).",
                amount=self.currency_id.format(self.amount),
                payment=payment.display_name,
            )
        )
        return {"type": "ir.actions.act_window_close"}
