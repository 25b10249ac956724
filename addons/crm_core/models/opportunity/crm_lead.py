from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    _inherit = "crm.lead"

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
    # Hooks of crm.lead's create and write (models/crm_lead.py)
    # ------------------------------------------------------------------
    def _opportunity_after_create(self):
        staged = self.filtered("stage_id")
        staged._log_stage_change(close_open=False)
        staged._sync_evidence()

    def _opportunity_before_write(self, vals):
        """Check a stage move before it is written. Returns the values left to write
        and the leads that change stage."""
        evidence_vals = {
            key: vals[key] for key in ("stage_evidence_ids", "evidence_ids") if key in vals
        }
        if "stage_id" not in vals:
            return vals, self.browse()
        if evidence_vals:
            # The form saves the items ticked after a refused move together with that
            # move: record them first, then check the move.
            self.write(evidence_vals)
            vals = {key: value for key, value in vals.items() if key not in evidence_vals}
        new_stage = self.env["crm.stage"].browse(vals["stage_id"])
        moved = self.filtered(lambda lead: lead.stage_id != new_stage)
        moved._check_stage_evidence(new_stage)
        return vals, moved

    def _opportunity_after_stage_move(self):
        if self:
            self._log_stage_change()
            self.filtered("stage_id")._sync_evidence()

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
