from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    pool_reclaim_days = fields.Integer(
        string="Reclaim Block (Days)",
        default=30,
        help="For this many days a salesperson may not claim back a record recalled from"
        " them; 0 lets them claim it back at once.",
    )
    # Off by default: Odoo gives a team's incoming e-mail leads to the team leader,
    # and a company already running Odoo keeps that until it chooses the pools.
    crm_pool_intake = fields.Boolean(
        string="Incoming Leads Wait in the Pool",
        help="Leads mailed to a sales team's alias arrive without owner in the team's"
        " pool, to be claimed or assigned, instead of going to the team leader.",
    )

    @api.constrains("pool_reclaim_days")
    def _check_pool_reclaim_days(self):
        for company in self:
            if company.pool_reclaim_days < 0:
                raise ValidationError(
                    self.env._(
                        "The reclaim block cannot be a negative number of days (%(days)s).",
                        days=company.pool_reclaim_days,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        self.env["crm.pool"]._ensure_pools()
        return companies
