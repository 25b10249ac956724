from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmDiscountAuthority(models.Model):
    _name = "crm.discount.authority"
    _description = "Discount Authority"
    _order = "company_id, user_id, group_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    user_id = fields.Many2one("res.users", string="Salesperson", index=True, ondelete="cascade")
    group_id = fields.Many2one("res.groups", string="Role", index=True, ondelete="cascade")
    max_discount = fields.Float(string="Maximum Discount (%)", digits="Discount", required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True)

    _user_company_unique = models.UniqueIndex("(user_id, company_id) WHERE user_id IS NOT NULL")
    _group_company_unique = models.UniqueIndex("(group_id, company_id) WHERE group_id IS NOT NULL")

    @api.constrains("user_id", "group_id", "max_discount")
    def _check_authority(self):
        # Python checks rather than SQL ones: they name the row at fault.
        for authority in self:
            if bool(authority.user_id) == bool(authority.group_id):
                raise ValidationError(
                    self.env._(
                        "Discount authority %(name)s: set either a salesperson or a role.",
                        name=authority.display_name,
                    )
                )
            if not 0 <= authority.max_discount <= 100:
                raise ValidationError(
                    self.env._(
                        "Discount authority %(name)s: the maximum discount must lie "
                        "between 0 and 100 %%.",
                        name=authority.display_name,
                    )
                )

    @api.depends("user_id", "group_id", "max_discount")
    def _compute_name(self):
        for authority in self:
            holder = authority.user_id.name or authority.group_id.display_name or ""
            authority.name = f"{holder} ({authority.max_discount:g}%)"

    @api.model
    def _get_max_discounts(self, users, company):
        """Authority of each user in ``company``: their own row, else the highest of
        their groups' rows, else 0. Two queries whatever the number of users."""
        # sudo: a salesperson confirming an order needs the floor, not read access
        # to everyone's authority.
        Authority = self.sudo().with_context(active_test=True)
        result = dict.fromkeys(users.ids, 0.0)
        own = Authority._read_group(
            [("user_id", "in", users.ids), ("company_id", "=", company.id)],
            ["user_id"],
            ["max_discount:max"],
        )
        own_users = set()
        for user, max_discount in own:
            result[user.id] = max_discount
            own_users.add(user.id)
        others = users.filtered(lambda u: u.id not in own_users)
        if others:
            by_group = dict(
                Authority._read_group(
                    [("group_id", "in", others.all_group_ids.ids), ("company_id", "=", company.id)],
                    ["group_id"],
                    ["max_discount:max"],
                )
            )
            for user in others:
                values = [by_group[g] for g in user.all_group_ids if g in by_group]
                result[user.id] = max(values, default=0.0)
        return result
