from babel.dates import format_skeleton
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools.misc import babel_locale_parse


class CrmLead(models.Model):
    _inherit = "crm.lead"

    # The funnel groups the active opportunities by stage; the forecast reads the
    # open ones by expected closing date (crm_funnel / crm_forecast). Covering, so that
    # PostgreSQL can answer from the index alone. The predicate says "active IS TRUE"
    # because that is what the ORM writes for ('active', '=', True): PostgreSQL cannot
    # prove a plain "WHERE active" index from it, and would not use the index.
    _funnel_stage_idx = models.Index(
        "(stage_id) INCLUDE (expected_revenue, prorated_revenue)"
        " WHERE active IS TRUE AND type = 'opportunity'"
    )
    _forecast_deadline_idx = models.Index(
        "(date_deadline) INCLUDE (expected_revenue, prorated_revenue)"
        " WHERE active IS TRUE AND type = 'opportunity' AND won_status = 'pending'"
    )

    @api.model
    def _crm_funnel_domain(self, domain):
        return Domain(domain or []) & Domain([("type", "=", "opportunity"), ("active", "=", True)])

    @api.model
    def _crm_figure(self, domain, count, amount, weighted):
        return {
            "count": count,
            "amount": self.env.company.currency_id.round(amount or 0.0),
            "weighted": self.env.company.currency_id.round(weighted or 0.0),
            "domain": list(domain),
        }

    @api.model
    def _crm_total(self, domain, rows):
        return self._crm_figure(
            domain, *(sum(row[key] for row in rows) for key in ("count", "amount", "weighted"))
        )

    @api.model
    @api.readonly
    def crm_funnel(self, domain=None):
        """Active opportunities per stage, in stage order: count, expected revenue and
        weighted revenue (expected revenue x probability, Odoo's prorated revenue),
        each with the domain of its records for drill-through."""
        base = self._crm_funnel_domain(domain)
        groups = self._read_group(
            base,
            ["stage_id"],
            ["__count", "expected_revenue:sum", "prorated_revenue:sum"],
        )
        stages = []
        for stage, count, amount, weighted in groups:
            stage_domain = base & Domain("stage_id", "=", stage.id or False)
            stages.append(
                {
                    "stage_id": stage.id or False,
                    "name": stage.name if stage else self.env._("No Stage"),
                    "is_won": stage.is_won,
                    **self._crm_figure(stage_domain, count, amount, weighted),
                }
            )
        total = self._crm_total(base, stages)
        return {
            "stages": stages,
            "total": total,
            "currency_id": self.env.company.currency_id.id,
        }

    @api.model
    @api.readonly
    def crm_forecast(self, domain=None, months=6, date_from=None):
        """Open opportunities per month of their expected closing date, from the month
        of date_from (default: this month) for `months` months: the month's label in the
        user's language, count, expected revenue and weighted revenue, each with its
        drill-through domain."""
        if not isinstance(months, int) or not 1 <= months <= 60:
            raise UserError(
                self.env._("The forecast covers 1 to 60 months, not %(months)s.", months=months)
            )
        start = fields.Date.to_date(date_from) or fields.Date.context_today(self)
        start = start.replace(day=1)
        open_domain = self._crm_funnel_domain(domain) & Domain("won_status", "=", "pending")

        def closing_between(first, months_after):
            return (
                open_domain
                & Domain("date_deadline", ">=", fields.Date.to_string(first))
                & Domain(
                    "date_deadline",
                    "<",
                    fields.Date.to_string(first + relativedelta(months=months_after)),
                )
            )

        base = closing_between(start, months)
        groups = {
            month: (count, amount, weighted)
            for month, count, amount, weighted in self._read_group(
                base,
                ["date_deadline:month"],
                ["__count", "expected_revenue:sum", "prorated_revenue:sum"],
            )
        }
        # "Nov 2026", "2026年11月": the month in the user's language.
        locale = babel_locale_parse(self.env.lang or "en_US")
        result = []
        for index in range(months):
            month = start + relativedelta(months=index)
            month_domain = closing_between(month, 1)
            count, amount, weighted = groups.get(month, (0, 0.0, 0.0))
            result.append(
                {
                    "month": fields.Date.to_string(month),
                    "label": format_skeleton("yMMM", month, locale=locale),
                    **self._crm_figure(month_domain, count, amount, weighted),
                }
            )
        total = self._crm_total(base, result)
        return {
            "months": result,
            "total": total,
            "currency_id": self.env.company.currency_id.id,
        }
