from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmSalesRegion(models.Model):
    _name = "crm.sales.region"
    _description = "Sales Region"
    _parent_name = "parent_id"
    _parent_store = True
    _rec_name = "complete_name"
    _order = "complete_name, id"

    name = fields.Char(required=True, translate=True)
    complete_name = fields.Char(
        string="Full Name", compute="_compute_complete_name", store=True, recursive=True
    )
    parent_id = fields.Many2one(
        "crm.sales.region", string="Parent Region", index=True, ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("crm.sales.region", "parent_id", string="Sub-regions")
    country_ids = fields.Many2many("res.country", string="Countries")
    state_ids = fields.Many2many("res.country.state", string="States / Provinces")
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        index="btree_not_null",
        help="The sales team usually in charge of customers of this region.",
    )
    active = fields.Boolean(default=True)

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            self._raise_recursion_error()

    def _raise_recursion_error(self):
        raise ValidationError(
            self.env._("A sales region cannot be its own parent, directly or indirectly.")
        )

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for region in self:
            if region.parent_id:
                region.complete_name = f"{region.parent_id.complete_name} / {region.name}"
            else:
                region.complete_name = region.name

    def write(self, vals):
        # The parent store rejects a cycle with a bare "Recursion Detected." before the
        # constraint runs: catch it first to name the problem.
        if vals.get("parent_id"):
            path = "/" + (self.browse(vals["parent_id"]).parent_path or "")
            if any(f"/{region.id}/" in path for region in self):
                self._raise_recursion_error()
        return super().write(vals)
