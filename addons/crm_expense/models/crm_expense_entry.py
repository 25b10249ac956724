from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CrmExpenseEntry(models.AbstractModel):
    """What expense requests and payouts share: a numbered, approved document of
    an amount in a currency and a company, deleted only as a draft or cancelled."""

    _name = "crm.expense.entry"
    _description = "Expense Entry"
    _inherit = ["mail.thread", "mail.activity.mixin", "crm.approval.flow"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(default="New", copy=False, readonly=True, required=True, index="trigram")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    amount = fields.Monetary(currency_field="currency_id", tracking=True, aggregator="sum")
    # No default here: a payout takes its request's currency.
    currency_id = fields.Many2one("res.currency", required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )

    @api.constrains("amount")
    def _check_amount_positive(self):
        for record in self:
            if record.currency_id.compare_amounts(record.amount, 0.0) <= 0:
                raise ValidationError(
                    self.env._(
                        "%(record)s: the amount must be more than zero.",
                        record=record.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # Each model numbers its records from the sequence of its own name.
        for vals in vals_list:
            if vals.get("name", "New") == "New":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "New"
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft_or_cancelled(self):
        kept = self.filtered(lambda record: record.state not in ("draft", "cancel"))
        if kept:
            raise UserError(
                self.env._(
                    "%(records)s cannot be deleted: only drafts and cancelled ones can.",
                    records=", ".join(kept.mapped("display_name")),
                )
            )
