from babel.dates import format_skeleton
from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools.misc import babel_locale_parse

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

    # Opportunities: product lines, stage evidence and time in stage (part "opp").

    product_line_ids = fields.One2many(
        "crm.lead.product", "lead_id", string="Product Lines", copy=True
    )
    # Odoo's plain field becomes the lines' total when there are lines; without lines
    # it stays the amount the salesperson types. No default: Odoo's default of 0.0
    # would count as a value given at create and hide the lines' total.
    expected_revenue = fields.Monetary(
        compute="_compute_expected_revenue", store=True, readonly=False, default=None
    )
    has_product_lines = fields.Boolean(compute="_compute_has_product_lines")
    evidence_ids = fields.One2many("crm.lead.evidence", "lead_id", string="Stage Evidence")
    stage_evidence_ids = fields.One2many(
        "crm.lead.evidence",
        string="Checklist",
        compute="_compute_stage_evidence_ids",
        inverse="_inverse_stage_evidence_ids",
        help="What the current stage requires before the opportunity may move forward.",
    )
    stage_history_ids = fields.One2many("crm.lead.stage.history", "lead_id", string="Stage History")

    # The quota check counts a salesperson's open leads or opportunities at each claim.
    _pool_quota_idx = models.Index("(user_id, type, probability) WHERE active IS TRUE")
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

    @api.depends(
        "product_line_ids.price_subtotal",
        "product_line_ids.currency_id",
        "company_id",
    )
    def _compute_expected_revenue(self):
        today = fields.Date.context_today(self)
        for lead in self:
            lines = lead.product_line_ids
            if not lines:
                lead.expected_revenue = lead.expected_revenue
                continue
            company = lead.company_id or self.env.company
            lead.expected_revenue = sum(
                line.currency_id._convert(line.price_subtotal, company.currency_id, company, today)
                if line.currency_id and line.currency_id != company.currency_id
                else line.price_subtotal
                for line in lines
            )

    @api.depends("product_line_ids")
    def _compute_has_product_lines(self):
        for lead in self:
            lead.has_product_lines = bool(lead.product_line_ids)

    @api.depends("stage_id", "evidence_ids.stage_id")
    def _compute_stage_evidence_ids(self):
        for lead in self:
            # In the form, a refused move leaves the new stage unsaved: keep showing
            # the checklist of the saved stage so that it can be completed.
            stage = lead._origin.stage_id or lead.stage_id
            lead.stage_evidence_ids = lead.evidence_ids.filtered(
                lambda evidence, stage=stage: evidence.stage_id == stage
            )

    def _inverse_stage_evidence_ids(self):
        # The form only ticks items and attaches files: the ORM writes those updates
        # straight to the evidence rows; nothing is created or removed here.
        return

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.context.get("import_file") or self.env.context.get("crm_pool_intake"):
            vals_list = [self._pool_intake_vals(vals) for vals in vals_list]
        leads = super().create(vals_list)
        staged = leads.filtered("stage_id")
        staged._log_stage_change(close_open=False)
        staged._sync_evidence()
        return leads

    def write(self, vals):
        evidence_vals = {
            key: vals[key] for key in ("stage_evidence_ids", "evidence_ids") if key in vals
        }
        if "stage_id" in vals and evidence_vals:
            # The form saves the items ticked after a refused move together with that
            # move: record them first, then check the move.
            self.write(evidence_vals)
            vals = {key: value for key, value in vals.items() if key not in evidence_vals}
        if (
            vals.get("user_id")
            and "pool_id" not in vals
            and self.env.su
            and any(lead.pool_id for lead in self)
        ):
            # The system (e.g. Odoo's lead assignment cron) gives pooled leads an owner:
            # they leave their pool instead of breaking the pool/owner constraint.
            vals = dict(vals, pool_id=False)
        moved = self.browse()
        if "stage_id" in vals:
            new_stage = self.env["crm.stage"].browse(vals["stage_id"])
            moved = self.filtered(lambda lead: lead.stage_id != new_stage)
            moved._check_stage_evidence(new_stage)
        # Pooled records given an owner leave their pool in the same write (see
        # crm.pool.resource); the other records are written as they are.
        plain = self._pool_split_owner_write(vals)
        if plain == self:
            result = super().write(vals)
        else:
            other_vals = {key: value for key, value in vals.items() if key != "user_id"}
            if other_vals:
                super(CrmLead, self - plain).write(other_vals)
            result = super(CrmLead, plain).write(vals) if plain else True
        if moved:
            moved._log_stage_change()
            moved.filtered("stage_id")._sync_evidence()
        return result

    def message_new(self, msg_dict, custom_values=None):
        # Leads mailed to a team's alias wait in the team's pool, without owner, when
        # the company chose the pools over Odoo's team-leader assignment.
        team = self.env["crm.team"].browse((custom_values or {}).get("team_id"))
        leads = self
        if (team.company_id or self.env.company).crm_pool_intake:
            leads = self.with_context(crm_pool_intake=True)
        return super(CrmLead, leads).message_new(msg_dict, custom_values=custom_values)

    def _assign_userless_lead_in_team(self, creation_source):
        # Pooled leads are claimed or assigned from the pool, not given to the leader.
        return super(
            CrmLead, self.filtered(lambda lead: not lead.pool_id)
        )._assign_userless_lead_in_team(creation_source)

    def _merge_data(self, fnames=None):
        data = super()._merge_data(fnames=fnames)
        if self.product_line_ids:
            # The lines moved to the merged opportunity decide its expected revenue.
            data.pop("expected_revenue", None)
        return data

    def _merge_dependences(self, opportunities):
        result = super()._merge_dependences(opportunities)
        # The merged opportunity offers every product the merged ones offered.
        opportunities.product_line_ids.write({"lead_id": self.id})
        return result

    def _prepare_opportunity_quotation_context(self):
        context = super()._prepare_opportunity_quotation_context()
        # The quotation starts from the opportunity's product lines.
        if self.product_line_ids:
            context["default_order_line"] = [
                Command.create(line._prepare_sale_order_line()) for line in self.product_line_ids
            ]
        return context

    def action_new_quotation(self):
        action = super().action_new_quotation()
        if not self.product_line_ids or not self.partner_id:
            return action
        # Create the quotation here so that the lines keep the negotiated prices
        # instead of being recomputed by the form's onchanges.
        context = dict(action.get("context") or {})
        vals = {
            key.removeprefix("default_"): value
            for key, value in context.items()
            if key.startswith("default_")
        }
        order = self.env["sale.order"].create(vals)
        action.update({"res_id": order.id, "context": {"search_default_opportunity_id": self.id}})
        return action

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _crm_get_pricelist(self):
        self.ensure_one()
        company = self.company_id or self.env.company
        return (self.user_id or self.env.user)._crm_get_pricelist(self.partner_id, company)

    @api.model
    def _pool_intake_vals(self, vals):
        """Unowned leads coming in by import or e-mail go to their team's pool, else to
        the public pool of the company."""
        if vals.get("pool_id") or vals.get("user_id") or self.env.context.get("default_user_id"):
            return vals
        if "user_id" not in vals and "default_user_id" not in self.env.context:
            # crm.lead defaults the owner to the current user: intake leads have none.
            vals = dict(vals, user_id=False)
        team = self.env["crm.team"].browse(
            vals.get("team_id") or self.env.context.get("default_team_id")
        )
        company = self.env["res.company"].browse(
            vals.get("company_id") or team.company_id.id or self.env.company.id
        )
        Pool = self.env["crm.pool"].sudo()  # pools are configuration every intake may use
        pool = team and Pool.search([("team_id", "=", team.id)], limit=1)
        pool = pool or Pool._get_public_pool(company)
        if pool:
            vals = dict(vals, pool_id=pool.id)
        return vals

    def _check_stage_evidence(self, new_stage):
        """Refuse moving forward while the current stage's requirements are unmet."""
        forward = self.filtered(
            lambda lead: (
                lead.stage_id
                and lead.stage_id.requirement_ids
                and (
                    (new_stage.is_won and not lead.stage_id.is_won)
                    or new_stage.sequence > lead.stage_id.sequence
                )
            )
        )
        if not forward:
            return
        # sudo: the check must see every evidence row, whoever ticked it.
        met = {
            (lead.id, requirement.id)
            for lead, requirement in self.env["crm.lead.evidence"]
            .sudo()
            ._read_group(
                [("lead_id", "in", forward.ids), ("is_met", "=", True)],
                ["lead_id", "requirement_id"],
            )
        }
        errors = []
        for lead in forward:
            unmet = lead.stage_id.requirement_ids.filtered(
                lambda req, lead=lead: (lead.id, req.id) not in met
            )
            if unmet:
                errors.append(
                    self.env._(
                        "%(lead)s cannot move from %(stage)s to %(new_stage)s: %(items)s"
                        " not done yet.",
                        lead=lead.name,
                        stage=lead.stage_id.name,
                        new_stage=new_stage.name,
                        items=", ".join(
                            self.env._("%(name)s (attach the document)", name=req.name)
                            if req.kind == "document"
                            else req.name
                            for req in unmet
                        ),
                    )
                )
        if errors:
            raise UserError("\n".join(errors))

    def _log_stage_change(self, close_open=True):
        """Close the open stay of each lead and open one in its new stage: one search,
        one write and one insert for the whole batch."""
        if not self:
            return
        now = fields.Datetime.now()
        # sudo: the stage history is a log the salespeople read but never write.
        History = self.env["crm.lead.stage.history"].sudo()
        if close_open:
            History.search([("lead_id", "in", self.ids), ("date_out", "=", False)]).write(
                {"date_out": now}
            )
        History.create(
            [
                {
                    "lead_id": lead.id,
                    "stage_id": lead.stage_id.id,
                    "moved_by_id": self.env.uid,
                    "date_in": now,
                }
                for lead in self
                if lead.stage_id
            ]
        )

    def _sync_evidence(self):
        """Give each lead one evidence row per requirement of its current stage."""
        if not self:
            return
        requirements = self.stage_id.requirement_ids
        if not requirements:
            return
        # sudo: the checklist rows come from the stage configuration, not from the user.
        Evidence = self.env["crm.lead.evidence"].sudo()
        existing = set(
            Evidence._read_group(
                [("lead_id", "in", self.ids), ("requirement_id", "in", requirements.ids)],
                ["lead_id", "requirement_id"],
            )
        )
        Evidence.create(
            [
                {"lead_id": lead.id, "requirement_id": requirement.id}
                for lead in self
                for requirement in lead.stage_id.requirement_ids
                if (lead, requirement) not in existing
            ]
        )

    # Quotation versions: the saved (superseded) versions are part of the live
    # quotation, not quotations of their own; they do not count.
    def _get_lead_quotation_domain(self):
        return [*super()._get_lead_quotation_domain(), ("version_state", "!=", "superseded")]

    def _get_action_view_sale_quotation_domain(self):
        return [
            *super()._get_action_view_sale_quotation_domain(),
            ("version_state", "!=", "superseded"),
        ]

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
