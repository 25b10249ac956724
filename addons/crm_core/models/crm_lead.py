from odoo import api, models


class CrmLead(models.Model):
    """The one create and write of crm.lead; the features hook into them by name
    (pool/crm_lead.py, opportunity/crm_lead.py) and override neither."""

    _inherit = "crm.lead"

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = self._pool_prepare_create_vals(vals_list)
        leads = super().create(vals_list)
        leads._opportunity_after_create()
        return leads

    def write(self, vals):
        vals, moved = self._opportunity_before_write(vals)
        result = True
        for records, batch_vals in self._pool_owner_write_batches(vals):
            result = super(CrmLead, records).write(batch_vals) and result
        moved._opportunity_after_stage_move()
        return result
