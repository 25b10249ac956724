from odoo import api, models
from odoo.tools import SQL

from ...tools import stable_fields


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.pool.resource"]

    # The quota check counts a salesperson's open leads or opportunities at each claim.
    _pool_quota_idx = models.Index("(user_id, type, probability) WHERE active IS TRUE")

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

    @api.model
    def _pool_prepare_create_vals(self, vals_list):
        """Hook of crm.lead's create: imported and mailed leads go to a pool."""
        if self.env.context.get("import_file") or self.env.context.get("crm_pool_intake"):
            return [self._pool_intake_vals(vals) for vals in vals_list]
        return vals_list

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

    def _pool_resource_type(self):
        return self.type

    def _pool_resource_type_sql(self, alias):
        return SQL("%s.type", alias)

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
