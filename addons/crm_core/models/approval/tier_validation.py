from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import UserError

OPEN_STATUSES = ("waiting", "pending")


class TierValidation(models.AbstractModel):
    _inherit = "tier.validation"

    # All reviews ever made on the record, withdrawn and restarted ones included
    # (查审): ``review_ids`` only holds the current request.
    crm_review_history_ids = fields.One2many(
        comodel_name="tier.review",
        inverse_name="res_id",
        string="Review History",
        domain=lambda self: [("model", "=", self._name)],
        context={"active_test": False},
        bypass_search_access=True,
        readonly=True,
    )
    crm_can_withdraw = fields.Boolean(string="Can Withdraw", compute="_compute_crm_can_withdraw")

    @api.depends_context("uid")
    @api.depends("review_ids.status", "review_ids.requested_by")
    def _compute_crm_can_withdraw(self):
        for rec in self:
            rec.crm_can_withdraw = not rec._crm_withdraw_refusal()

    def action_withdraw_approval(self):
        """弃审: the requester takes back an undecided approval request."""
        for rec in self:
            refusal = rec._crm_withdraw_refusal()
            if refusal:
                raise UserError(refusal)
        for rec in self:
            rec._crm_archive_reviews()
            if hasattr(rec, "message_post"):
                rec.message_post(
                    body=self.env._(
                        "Approval request withdrawn by %(user)s.", user=self.env.user.name
                    )
                )
        self._update_counter({"review_deleted": True})
        return True

    def action_reject_with_reason(self):
        """The Reject button of the form: ask for the reason (wizard
        crm.approval.reject). OCA's ``reject_tier`` stays as it is for code."""
        self.ensure_one()
        sequences = self._get_sequences_to_approve(self.env.user)
        reviews = self.review_ids.filtered(
            lambda r: r.sequence in sequences and r.status in OPEN_STATUSES
        )
        if not reviews:
            raise UserError(
                self.env._(
                    "%(record)s has no review waiting for %(user)s.",
                    record=self.display_name,
                    user=self.env.user.name,
                )
            )
        return {
            "name": self.env._("Reject"),
            "type": "ir.actions.act_window",
            "res_model": "crm.approval.reject",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_review_ids": reviews.ids,
            },
        }

    def _crm_withdraw_refusal(self):
        """Why the current user may not withdraw the approval request of this
        record, or False. The request is withdrawable while it is undecided:
        no review rejected and not every review approved."""
        self.ensure_one()
        if not self.review_ids or self.validation_status not in OPEN_STATUSES:
            return self.env._(
                "%(record)s has no approval request waiting for a decision.",
                record=self.display_name,
            )
        requesters = self.review_ids.requested_by
        if self.env.user not in requesters and not self.env.is_superuser():
            return self.env._(
                "Only %(requester)s, who requested the approval of %(record)s, can withdraw it.",
                requester=", ".join(requesters.mapped("name")),
                record=self.display_name,
            )
        return False

    def _crm_archive_reviews(self, status="withdrawn"):
        """Close the current request but keep its reviews as history: open
        reviews get ``status``, all of them leave ``review_ids``."""
        reviews = self.review_ids
        # sudo: the requester withdraws reviews assigned to other users.
        reviews.filtered(lambda r: r.status in OPEN_STATUSES).sudo().write(
            {"status": status, "done_by": self.env.uid, "reviewed_date": fields.Datetime.now()}
        )
        reviews.sudo().write({"active": False})
        self.invalidate_recordset(["review_ids", "validation_status", "need_validation"])
        # The stored status depends on the reviews' status, not on their being
        # archived: an approved review leaving the request must recompute it.
        self.env.add_to_compute(self._fields["validation_status"], self)

    def restart_validation(self):
        # Keep the trail OCA would delete: archive the reviews, then restart.
        for rec in self:
            if rec[self._state_field] in self._state_from and rec.review_ids:
                rec._crm_archive_reviews(status="cancel")
        return super().restart_validation()

    def _tier_validation_check_write_remove_reviews(self, vals):
        for rec in self:
            if rec._allow_to_remove_reviews(vals):
                rec._crm_archive_reviews(status="cancel")

    def _add_tier_validation_reviews(self, node, params):
        # Below the current reviews, the full history (withdrawn requests too).
        reviews_node = super()._add_tier_validation_reviews(node, params)
        history = self.env["ir.qweb"]._render("crm_core.tier_validation_history", params)
        wrapper = etree.Element("div")
        wrapper.append(reviews_node)
        wrapper.append(etree.fromstring(history))
        return wrapper
