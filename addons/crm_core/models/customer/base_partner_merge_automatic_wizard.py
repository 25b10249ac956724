from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        # Merging duplicates is the cure: the guard must not stop it midway, while
        # the destination still shares its keys with the partners merged into it.
        wizard = self.with_context(crm_skip_duplicate_guard=True)
        if dst_partner:
            dst_partner = dst_partner.with_context(crm_skip_duplicate_guard=True)
        return super(BasePartnerMergeAutomaticWizard, wizard)._merge(
            partner_ids, dst_partner=dst_partner, extra_checks=extra_checks
        )
