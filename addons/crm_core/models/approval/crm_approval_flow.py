from odoo import models


class CrmApprovalFlow(models.AbstractModel):
    """A document whose ``state`` follows its approval: a submitted document waits
    for its reviews, becomes "approved" or "rejected" with their outcome, and goes
    back to "draft" when its requester withdraws the request (弃审).

    The return requests of crm_core and the loans of crm_loan share this flow;
    each adds its own checks before submitting and after deciding."""

    _name = "crm.approval.flow"
    _description = "Document Approved Through Tier Validation"
    _inherit = ["tier.validation"]

    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    # The forms place the validation buttons themselves.
    _tier_validation_manual_config = True

    def action_withdraw_approval(self):
        result = super().action_withdraw_approval()
        # Withdrawn: the document is the requester's draft again, to edit and resubmit.
        self.with_context(skip_validation_check=True).write({"state": "draft"})
        return result

    def _crm_submit_for_approval(self):
        """Submit the documents (already checked by the caller) and ask their
        reviewers; a document no tier definition applies to is approved at once."""
        self.write({"state": "submitted"})
        to_validate = self.filtered("need_validation")
        if to_validate:
            to_validate.request_validation()
            # need_validation has no dependencies: drop its cached value now
            # that the reviews exist, or the next write asks for them again.
            to_validate.invalidate_recordset(["need_validation"])
        (self - to_validate).filtered(lambda rec: not rec.review_ids)._crm_mark_approved()
        return True

    def _crm_mark_approved(self):
        self.write({"state": "approved"})
        self._crm_on_approved()

    def _crm_on_approved(self):
        """Hook: what a document records the moment it is approved."""

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers)
        self.invalidate_recordset(["need_validation", "validation_status"])
        if self.state == "submitted" and self.validation_status == "validated":
            self._crm_mark_approved()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers)
        if self.state == "submitted" and self.validation_status == "rejected":
            self.with_context(skip_validation_check=True).write({"state": "rejected"})
        return res

    def _crm_action_view(self, records, name, context=None):
        """The window action of a smart button: the form of the one record, or
        the list of several."""
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": records._name,
            "domain": [("id", "in", records.ids)],
            "views": [(False, "list"), (False, "form")],
            "context": context or {},
        }
        if len(records) == 1:
            action.update(res_id=records.id, views=[(False, "form")])
        return action
