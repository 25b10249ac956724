from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from ..tools import stable_fields


class CrmLead(models.Model):
    """Leads and opportunities as resources of the pools, with their competitors
    and the funnel / forecast figures."""

    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.pool.resource"]

    # Funnel and forecast (part "funnel").
    lost_competitor_id = fields.Many2one(
        "crm.competitor",
        string="Lost To",
        index=True,
        tracking=True,
        copy=False,
        check_company=True,
        help="The competitor who won the deal when the opportunity was lost.",
    )
    competition_ids = fields.One2many(
        "crm.lead.competition", "lead_id", string="Competitors", copy=False
    )

    # The quota check counts a salesperson's open leads or opportunities at each claim.
    _pool_quota_idx = models.Index("(user_id, type, probability) WHERE active")
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

    @api.constrains("lost_reason_id", "lost_competitor_id")
    def _check_lost_competitor(self):
        for lead in self:
            if lead.lost_reason_id.is_competitor and not lead.lost_competitor_id:
                raise ValidationError(
                    self.env._(
                        "Opportunity %(lead)s was lost for the reason %(reason)s: say which"
                        " competitor it was lost to.",
                        lead=lead.name,
                        reason=lead.lost_reason_id.name,
                    )
                )

    def write(self, vals):
        plain = self._pool_split_owner_write(vals)
        if plain == self:
            return super().write(vals)
        other_vals = {key: value for key, value in vals.items() if key != "user_id"}
        if other_vals:
            super(CrmLead, self - plain).write(other_vals)
        return super(CrmLead, plain).write(vals) if plain else True

    def _pool_resource_type(self):
        return self.type

    @api.model
    def _pool_held_domain(self, user, resource_type):
        return [
            ("user_id", "=", user.id),
            ("type", "=", resource_type),
            ("probability", "<", 100),
        ]

    def _pool_log_field(self):
        return "lead_id"

    def _pool_release_stable_fields(self):
        # Odoo keeps the team of a lead whose salesperson is cleared (crm.lead
        # _compute_team_id), so the team, the company and the lead scoring derived
        # from them keep their values.
        return stable_fields(self)

    def _handle_won_lost(self, old_status_by_lead, new_status_by_lead):
        res = super()._handle_won_lost(old_status_by_lead, new_status_by_lead)
        self._sync_competition_outcome(old_status_by_lead, new_status_by_lead)
        return res

    # ------------------------------------------------------------
    # Competitors
    # ------------------------------------------------------------

    def _sync_competition_outcome(self, old_status_by_lead, new_status_by_lead):
        """Close the competitions of won / lost opportunities and reopen those of
        restored ones; the competitor a lead was lost to becomes the winner."""
        pending = {"is_won": False, "is_lost": False}
        won, lost, reopened = self.browse(), self.browse(), self.browse()
        for lead in self:
            old = old_status_by_lead.get(lead.id, pending)
            new = new_status_by_lead.get(lead.id, pending)
            if new == old:
                continue
            if new["is_won"]:
                won |= lead
            elif new["is_lost"]:
                lost |= lead
            else:
                reopened |= lead
        if not (won or lost or reopened):
            return
        Competition = self.env["crm.lead.competition"]
        competitions = Competition.search([("lead_id", "in", (won | lost | reopened).ids)])
        competitions.filtered(lambda c: c.lead_id in won).write(
            {"outcome": "won", "is_winner": False}
        )
        lost_competitions = competitions.filtered(lambda c: c.lead_id in lost)
        winners = lost_competitions.filtered(
            lambda c: c.competitor_id == c.lead_id.lost_competitor_id
        )
        (lost_competitions - winners).write({"outcome": "lost", "is_winner": False})
        winners.write({"outcome": "lost", "is_winner": True})
        Competition.create(
            [
                {
                    "lead_id": lead.id,
                    "competitor_id": lead.lost_competitor_id.id,
                    "outcome": "lost",
                    "is_winner": True,
                }
                for lead in lost.filtered("lost_competitor_id")
                if lead.lost_competitor_id
                not in winners.filtered(lambda c, lead=lead: c.lead_id == lead).competitor_id
            ]
        )
        competitions.filtered(lambda c: c.lead_id in reopened).write(
            {"outcome": "open", "is_winner": False}
        )
        # A reopened opportunity was lost to nobody (Odoo clears its lost reason too).
        reopened.filtered("lost_competitor_id").write(
            {"lost_competitor_id": False, "lost_reason_id": False}
        )

    # ------------------------------------------------------------
    # Funnel and forecast
    # ------------------------------------------------------------

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
        total = self._crm_figure(
            base,
            sum(s["count"] for s in stages),
            sum(s["amount"] for s in stages),
            sum(s["weighted"] for s in stages),
        )
        return {
            "stages": stages,
            "total": total,
            "currency_id": self.env.company.currency_id.id,
        }

    @api.model
    @api.readonly
    def crm_forecast(self, domain=None, months=6, date_from=None):
        """Open opportunities per month of their expected closing date, from the month
        of date_from (default: this month) for `months` months: count, expected revenue
        and weighted revenue, each with its drill-through domain."""
        if not isinstance(months, int) or not 1 <= months <= 60:
            raise UserError(
                self.env._("The forecast covers 1 to 60 months, not %(months)s.", months=months)
            )
        start = fields.Date.to_date(date_from) or fields.Date.context_today(self)
        start = start.replace(day=1)
        end = start + relativedelta(months=months)
        base = (
            self._crm_funnel_domain(domain)
            & Domain("won_status", "=", "pending")
            & Domain("date_deadline", ">=", fields.Date.to_string(start))
            & Domain("date_deadline", "<", fields.Date.to_string(end))
        )
        groups = {
            month: (count, amount, weighted)
            for month, count, amount, weighted in self._read_group(
                base,
                ["date_deadline:month"],
                ["__count", "expected_revenue:sum", "prorated_revenue:sum"],
            )
        }
        result = []
        for index in range(months):
            month = start + relativedelta(months=index)
            month_domain = (
                self._crm_funnel_domain(domain)
                & Domain("won_status", "=", "pending")
                & Domain("date_deadline", ">=", fields.Date.to_string(month))
                & Domain(
                    "date_deadline",
                    "<",
                    fields.Date.to_string(month + relativedelta(months=1)),
                )
            )
            count, amount, weighted = groups.get(month, (0, 0.0, 0.0))
            result.append(
                {
                    "month": fields.Date.to_string(month),
                    **self._crm_figure(month_domain, count, amount, weighted),
                }
            )
        total = self._crm_figure(
            base,
            sum(m["count"] for m in result),
            sum(m["amount"] for m in result),
            sum(m["weighted"] for m in result),
        )
        return {
            "months": result,
            "total": total,
            "currency_id": self.env.company.currency_id.id,
        }
