from odoo import api, fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    pool_ids = fields.One2many("crm.pool", "team_id", string="Pools")

    @api.model_create_multi
    def create(self, vals_list):
        teams = super().create(vals_list)
        self.env["crm.pool"]._ensure_pools()
        return teams
