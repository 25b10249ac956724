from odoo import api, fields, models
from odoo.fields import Domain


class ResPartner(models.Model):
    _inherit = "res.partner"

    # The owner (user_id, Odoo's "Salesperson") and this team decide who sees a
    # customer; contacts follow their commercial partner through the record rules.
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        recursive=True,
        tracking=True,
        help="The sales team the customer belongs to; its leader sees the customer.",
    )
    is_crm_customer = fields.Boolean(
        string="Is a Customer",
        compute="_compute_is_crm_customer",
        search="_search_is_crm_customer",
        help="A customer has a customer rank or an owner.",
    )
    is_pool_customer = fields.Boolean(
        string="In the Public Pool",
        compute="_compute_is_crm_customer",
        search="_search_is_pool_customer",
        help="A customer nobody owns: every salesperson may read it.",
    )

    @api.depends("user_id", "parent_id.team_id")
    def _compute_team_id(self):
        for partner in self:
            if partner.parent_id:
                partner.team_id = partner.parent_id.team_id
            elif partner.user_id:
                partner.team_id = partner.user_id.sale_team_id
            else:
                partner.team_id = partner.team_id

    @api.depends("customer_rank", "user_id", "commercial_partner_id.customer_rank")
    def _compute_is_crm_customer(self):
        for partner in self:
            commercial = partner.commercial_partner_id
            partner.is_crm_customer = bool(commercial.customer_rank > 0 or commercial.user_id)
            partner.is_pool_customer = bool(commercial.customer_rank > 0 and not commercial.user_id)

    def _search_is_crm_customer(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = Domain("commercial_partner_id.customer_rank", ">", 0) | Domain(
            "commercial_partner_id.user_id", "!=", False
        )
        return domain if True in value else ~domain

    def _search_is_pool_customer(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = Domain("commercial_partner_id.customer_rank", ">", 0) & Domain(
            "commercial_partner_id.user_id", "=", False
        )
        return domain if True in value else ~domain

    def write(self, vals):
        # The one write of res.partner: a direct change of the owner of pooled
        # customers is split into the batches of a claim or an assignment
        # (pool/crm_pool_resource.py); every other write is one batch.
        result = True
        for records, batch_vals in self._pool_owner_write_batches(vals):
            result = super(ResPartner, records).write(batch_vals) and result
        return result
