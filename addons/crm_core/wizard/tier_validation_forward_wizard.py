from odoo import models
from odoo.exceptions import UserError


class TierValidationForwardWizard(models.TransientModel):
    _inherit = "tier.validation.forward.wizard"

    def add_forward(self):
        """转签: refuse a forward that would bring the review back to the one who
        forwards it or to the one who asked for it."""
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id)
        reviewer = self.forward_reviewer_id
        if reviewer == self.env.user:
            raise UserError(
                self.env._(
                    "You cannot forward the review of %(record)s to yourself.",
                    record=record.display_name,
                )
            )
        if reviewer in record.review_ids.requested_by:
            raise UserError(
                self.env._(
                    "You cannot forward the review of %(record)s to %(user)s, who requested it.",
                    record=record.display_name,
                    user=reviewer.name,
                )
            )
        return super().add_forward()
