from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare


class CrmLead(models.Model):
    _inherit = "crm.lead"

    reseller_id = fields.Many2one(
        "res.partner",
        string="Reseller",
        domain="[('is_reseller', '=', True)]",
        index="btree_not_null",
        tracking=True,
        copy=False,
        ondelete="restrict",
        help="The partner company working this lead on the portal.",
    )
    # Stored computes: giving the lead another reseller (by hand or by rule) starts a
    # new assignment, without a second write() of crm.lead.
    reseller_state = fields.Selection(
        [("assigned", "Assigned"), ("accepted", "Accepted"), ("declined", "Declined")],
        string="Reseller Status",
        compute="_compute_reseller_assignment",
        store=True,
        readonly=False,
        copy=False,
        index="btree_not_null",
        tracking=True,
    )
    reseller_assign_date = fields.Datetime(
        string="Assigned to Reseller On",
        compute="_compute_reseller_assignment",
        store=True,
        readonly=False,
        copy=False,
    )
    reseller_decision_date = fields.Datetime(
        string="Reseller Answered On",
        compute="_compute_reseller_assignment",
        store=True,
        readonly=False,
        copy=False,
    )
    reseller_decline_reason = fields.Text(
        string="Decline Reason",
        compute="_compute_reseller_assignment",
        store=True,
        readonly=False,
        copy=False,
    )

    @api.constrains("reseller_id")
    def _check_reseller_id(self):
        # The salesperson may not see the partner; whether it is a reseller is no secret.
        for lead in self.sudo().filtered("reseller_id"):
            if not lead.reseller_id.is_reseller:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is not a reseller: it cannot be given %(lead)s.",
                        partner=lead.reseller_id.display_name,
                        lead=lead.name,
                    )
                )

    @api.depends("reseller_id")
    def _compute_reseller_assignment(self):
        now = fields.Datetime.now()
        for lead in self:
            lead.reseller_state = "assigned" if lead.reseller_id else False
            lead.reseller_assign_date = now if lead.reseller_id else False
            lead.reseller_decision_date = False
            lead.reseller_decline_reason = False

    def action_reseller_unassign(self):
        self.reseller_id = False

    def action_reseller_assign_by_rule(self):
        """Give each lead without a working reseller the reseller of its customer's
        region (the nearest region up the tree), highest grade first, then the one
        with the fewest open assignments. A reseller who declined a lead is not given
        it again."""
        leads = self.filtered(
            lambda lead: (
                lead.active
                and lead.probability < 100
                and lead.reseller_state in (False, "declined")
            )
        )
        regions = leads.partner_id.commercial_partner_id.region_id
        ancestor_ids = {
            int(rid) for path in regions.mapped("parent_path") for rid in path.split("/") if rid
        }
        # Every reseller and every lead's load count, whoever the salesperson can see.
        resellers = (
            self.env["res.partner"]
            .sudo()
            .search([("is_reseller", "=", True), ("region_id", "in", list(ancestor_ids))])
        )
        load = defaultdict(int)
        for reseller, count in self.sudo()._read_group(
            [
                ("reseller_id", "in", resellers.ids),
                ("reseller_state", "in", ("assigned", "accepted")),
            ],
            ["reseller_id"],
            ["__count"],
        ):
            load[reseller] = count
        by_region = defaultdict(list)
        for reseller in resellers:
            by_region[reseller.region_id.id].append(reseller)
        batches = defaultdict(lambda: self.browse())
        for lead in leads:
            region = lead.partner_id.commercial_partner_id.region_id
            path = [int(rid) for rid in (region.parent_path or "").split("/") if rid]
            for region_id in reversed(path):
                candidates = [r for r in by_region[region_id] if r != lead.reseller_id]
                if candidates:
                    best = min(
                        candidates,
                        key=lambda r: (r.reseller_grade_id.sequence, load[r], r.id),
                    )
                    load[best] += 1
                    batches[best] |= lead
                    break
        for reseller, batch in batches.items():
            batch.reseller_id = reseller.with_env(self.env)
        assigned = sum(len(batch) for batch in batches.values())
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if assigned == len(self) else "warning",
                "message": self.env._(
                    "%(assigned)s of %(total)s leads were given to a reseller; the others "
                    "already have one working on them, are closed or have no reseller in "
                    "their customer's region.",
                    assigned=assigned,
                    total=len(self),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    # Portal business: the controller has checked that the caller's commercial
    # partner is the reseller of these leads; each method checks the state.
    def _reseller_accept(self):
        self.ensure_one()
        if self.reseller_state != "assigned":
            raise UserError(self.env._("Only a new assignment can be accepted."))
        self.write({"reseller_state": "accepted", "reseller_decision_date": fields.Datetime.now()})

    def _reseller_decline(self, reason):
        self.ensure_one()
        if self.reseller_state != "assigned":
            raise UserError(self.env._("Only a new assignment can be declined."))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Tell us why you decline this opportunity."))
        self.write(
            {
                "reseller_state": "declined",
                "reseller_decision_date": fields.Datetime.now(),
                "reseller_decline_reason": reason,
            }
        )

    def _reseller_portal_stages(self):
        self.ensure_one()
        return self._stage_find(limit=None) | self.stage_id

    def _reseller_update(self, stage_id, revenue, note, author):
        """Write the stage, revenue and note posted on the portal, all or nothing."""
        self.ensure_one()
        if self.reseller_state != "accepted":
            raise UserError(self.env._("Accept the opportunity before you update it."))
        try:
            stage = self.env["crm.stage"].browse(int(stage_id or 0))
        except ValueError:
            stage = self.env["crm.stage"]
        if stage not in self._reseller_portal_stages():
            raise UserError(self.env._("Choose one of the stages of this opportunity."))
        try:
            amount = float((revenue or "").strip() or 0)
        except ValueError:
            amount = -1.0
        if not 0 <= amount < 1e15:
            raise UserError(self.env._("The expected revenue must be a number of zero or more."))
        vals = {}
        if stage != self.stage_id:
            vals["stage_id"] = stage.id
        rounding = self.company_currency.rounding if self.company_currency else 0.01
        if float_compare(amount, self.expected_revenue, precision_rounding=rounding):
            if self.product_line_ids:
                raise UserError(
                    self.env._(
                        "The expected revenue of this opportunity follows its products: "
                        "ask your contact to change them."
                    )
                )
            vals["expected_revenue"] = amount
        note = (note or "").strip()
        if not vals and not note:
            raise UserError(self.env._("Nothing was changed."))
        if vals:
            self.write(vals)
        if note:
            self.message_post(
                body=note, author_id=author.id, message_type="comment", subtype_xmlid="mail.mt_note"
            )

    def _reseller_log_activity(self, date, note, author):
        self.ensure_one()
        if self.reseller_state != "accepted":
            raise UserError(self.env._("Accept the opportunity before you log activities."))
        try:
            day = fields.Date.to_date(date or None)
        except ValueError:
            day = None
        if not day:
            raise UserError(self.env._("Give the date of the activity."))
        if day > fields.Date.context_today(self):
            raise UserError(self.env._("The date of a done activity cannot be in the future."))
        note = (note or "").strip()
        if not note:
            raise UserError(self.env._("Describe the activity."))
        self.message_post(
            body=self.env._("Activity of %(date)s: %(note)s", date=day.isoformat(), note=note),
            author_id=author.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
