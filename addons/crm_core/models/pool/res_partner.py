from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import SQL


# Resource pools: customers (commercial partners) wait in pools and are claimed.
class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "crm.pool.resource"]

    def _pool_resource_type(self):
        return "customer"

    def _pool_resource_type_sql(self, alias):
        return SQL("%s", "customer")

    @api.model
    def _pool_held_domain(self, user, resource_type):
        return [("user_id", "=", user.id), ("parent_id", "=", False), ("customer_rank", ">", 0)]

    def _pool_log_field(self):
        return "partner_id"

    def _pool_check_in_pool(self):
        contacts = self.filtered("parent_id")
        if contacts:
            raise UserError(
                self.env._(
                    "%(contact)s is a contact; claim or release its company %(company)s.",
                    contact=contacts[0].display_name,
                    company=contacts[0].commercial_partner_id.display_name,
                )
            )
        return super()._pool_check_in_pool()
