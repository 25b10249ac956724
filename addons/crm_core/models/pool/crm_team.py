from odoo import api, fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    pool_ids = fields.One2many("crm.pool", "team_id", string="Pools")

    @api.model_create_multi
    def create(self, vals_list):
        teams = super().create(vals_list)
        self.env["crm.pool"]._ensure_pools()
        return teams

    def write(self, vals):
        if "name" not in vals:
            return super().write(vals)
        # The pools still named after the team follow its new name, in every language.
        pools = self.sudo().with_context(active_test=False).pool_ids
        langs = pools._name_langs()
        named = pools.filtered(lambda pool: pool._has_system_name(langs))
        result = super().write(vals)
        named._set_system_names()
        return result
