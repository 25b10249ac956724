from odoo import api, models

from ..tools import stable_fields


class CrmLead(models.Model):
    """Leads and opportunities as resources of the pools (resource pools only)."""

    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.pool.resource"]

    # The quota check counts a salesperson's open leads or opportunities at each claim.
    _pool_quota_idx = models.Index("(user_id, type, probability) WHERE active")

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

    # Quotation versions: the saved (superseded) versions are part of the live
    # quotation, not quotations of their own; they do not count.
    def _get_lead_quotation_domain(self):
        return [*super()._get_lead_quotation_domain(), ("version_state", "!=", "superseded")]

    def _get_action_view_sale_quotation_domain(self):
        return [
            *super()._get_action_view_sale_quotation_domain(),
            ("version_state", "!=", "superseded"),
        ]
