from odoo import api, models
from odoo.tools import SQL

from ...tools import stable_fields

# What a pool move writes on leads whose team stays, in one UPDATE: these values of
# crm.lead.write, plus what crm.lead derives there from an empty owner: no
# date_open (crm.lead.write clears it) and so no day_open (_compute_day_open).
POOL_SQL_FIELDS = {"user_id", "pool_id", "pool_assign_date", "pool_recall_date", "team_id"}
POOL_SQL_CLEARED = ("date_open", "day_open")


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

    def _pool_put_keeping_team(self, vals, stable):
        """One UPDATE instead of the ORM's write: a recall moves tens of thousands of
        leads, and the write spent more time preparing and checking them row by row
        than PostgreSQL spent updating them. Whatever else depends on the columns
        written goes through the ORM's own dependency tracking (modified), so a stored
        field computed from the owner is recomputed as the write would have."""
        if (
            vals.get("user_id")
            or vals.get("pool_assign_date")
            or vals.get("pool_recall_date")
            or set(vals) - POOL_SQL_FIELDS
            or ("team_id" in vals and set(self.team_id.ids) != {vals["team_id"]})
        ):
            return super()._pool_put_keeping_team(vals, stable)
        self.flush_recordset()
        columns = {name: vals[name] or None for name in vals if name != "team_id"}
        columns.update(dict.fromkeys(POOL_SQL_CLEARED))
        columns.update(write_uid=self.env.uid, write_date=self.env.cr.now())
        written = {self._fields[name] for name in columns}
        # Protected, the fields written here (and those that keep their value) are
        # neither recomputed nor flushed from the cache meanwhile.
        with self.env.protecting(set(stable) | written, self):
            self.modified(columns, before=True)
            self.env.cr.execute(
                SQL(
                    "UPDATE crm_lead SET %s WHERE id = ANY(%s)",
                    SQL(", ").join(
                        SQL("%s = %s", SQL.identifier(name), value)
                        for name, value in columns.items()
                    ),
                    list(self.ids),
                )
            )
            self.invalidate_recordset(list(columns))
            self.modified(columns)
        if not self.env.context.get("tracking_disable"):
            # what mail.thread's write does after writing: the team's followers
            self._message_auto_subscribe(vals)
        return True

    def _pool_release_stable_fields(self):
        # Odoo keeps the team of a lead whose salesperson is cleared (crm.lead
        # _compute_team_id), so the team, the company and the lead scoring derived
        # from them keep their values.
        return stable_fields(self)
