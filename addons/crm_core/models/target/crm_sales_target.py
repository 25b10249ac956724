from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain


class CrmSalesTarget(models.Model):
    """A salesperson's won-revenue target for one month."""

    _name = "crm.sales.target"
    _description = "Monthly Sales Target"
    _order = "month desc, user_id, id"
    _check_company_auto = True

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        index=True,
        domain="[('share', '=', False)]",
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        index=True,
        check_company=True,
        compute="_compute_team_id",
        store=True,
        readonly=False,
    )
    month = fields.Date(
        required=True, index=True, help="The first day of the month the target is for."
    )
    target_amount = fields.Monetary(currency_field="currency_id", aggregator="sum")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    _user_month_company_uniq = models.UniqueIndex(
        "(user_id, month, company_id)",
        "This salesperson already has a target for this month.",
    )
    _target_amount_positive = models.Constraint(
        "CHECK(target_amount >= 0)", "A sales target cannot be negative."
    )

    @api.constrains("month")
    def _check_month(self):
        for target in self:
            if target.month.day != 1:
                raise ValidationError(
                    self.env._(
                        "The month of a sales target is the first day of that month, not %(date)s.",
                        date=target.month,
                    )
                )

    @api.depends("user_id")
    def _compute_team_id(self):
        for target in self:
            if not target.team_id or target.team_id not in target.user_id.crm_team_ids:
                target.team_id = target.user_id.sale_team_id

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._normalize_month(vals) for vals in vals_list]
        keys = []
        for vals in vals_list:
            self._check_target_amount(vals)
            company = vals.get("company_id") or self.env.company.id
            keys.append((vals.get("user_id"), fields.Date.to_date(vals.get("month")), company))
        self._check_duplicate_months(keys)
        return super().create(vals_list)

    def write(self, vals):
        vals = self._normalize_month(vals)
        self._check_target_amount(vals)
        if {"user_id", "month", "company_id"} & set(vals):
            self._check_duplicate_months(
                [
                    (
                        vals.get("user_id", target.user_id.id),
                        fields.Date.to_date(vals.get("month", target.month)),
                        vals.get("company_id", target.company_id.id),
                    )
                    for target in self
                ]
            )
        return super().write(vals)

    @api.model
    def _normalize_month(self, vals):
        # A date picked anywhere in the month means that month.
        if vals.get("month"):
            vals = dict(vals, month=fields.Date.to_date(vals["month"]).replace(day=1))
        return vals

    @api.model
    def _check_target_amount(self, vals):
        # Checked before the database constraint so that the user reads which amount.
        if (vals.get("target_amount") or 0) < 0:
            raise ValidationError(
                self.env._(
                    "A sales target cannot be negative (%(amount)s).",
                    amount=vals["target_amount"],
                )
            )

    def _check_duplicate_months(self, keys):
        """One target per salesperson, month and company: name the clash before the
        unique index refuses it."""
        keys = [key for key in keys if key[0] and key[1]]
        seen = set()
        for key in keys:
            if key in seen:
                self._raise_duplicate(key)
            seen.add(key)
        if not keys:
            return
        domain = Domain.OR(
            [
                Domain("user_id", "=", user)
                & Domain("month", "=", month)
                & Domain("company_id", "=", company)
                for user, month, company in keys
            ]
        )
        # sudo: a leader must not create a second target hidden from them by the rules.
        clash = self.sudo().search(domain & Domain("id", "not in", self.ids), limit=1)
        if clash:
            self._raise_duplicate((clash.user_id.id, clash.month, clash.company_id.id))

    def _raise_duplicate(self, key):
        user = self.env["res.users"].browse(key[0]).sudo()
        raise ValidationError(
            self.env._(
                "%(user)s already has a sales target for %(month)s.",
                user=user.name,
                month=key[1].strftime("%Y-%m"),
            )
        )
