from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .crm_pool import RESOURCE_TYPES


class CrmPoolQuota(models.Model):
    _name = "crm.pool.quota"
    _description = "Resource Pool Quota"
    _order = "company_id, user_id nulls first, resource_type"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index="btree_not_null",
        ondelete="cascade",
        domain="[('share', '=', False)]",
        help="Empty: the company default for every salesperson without their own quota.",
    )
    resource_type = fields.Selection(RESOURCE_TYPES, required=True)
    quota = fields.Integer(
        required=True,
        default=1,
        help="The most records of this type a salesperson may hold; delete the line to lift"
        " the limit.",
    )

    _default_unique = models.UniqueIndex(
        "(company_id, resource_type) WHERE user_id IS NULL",
        "There is already a company default quota for this resource type.",
    )
    _user_unique = models.UniqueIndex(
        "(company_id, user_id, resource_type) WHERE user_id IS NOT NULL",
        "This salesperson already has a quota for this resource type.",
    )

    @api.constrains("quota")
    def _check_quota(self):
        for line in self:
            if line.quota < 1:
                raise ValidationError(
                    self.env._(
                        "A quota must be at least 1 (%(user)s: %(quota)s); delete the quota"
                        " line to lift the limit.",
                        user=line.user_id.name or self.env._("Default"),
                        quota=line.quota,
                    )
                )

    @api.depends("user_id", "resource_type", "quota")
    def _compute_display_name(self):
        labels = dict(self._fields["resource_type"]._description_selection(self.env))
        for quota in self:
            quota.display_name = self.env._(
                "%(who)s: %(quota)s %(type)s",
                who=quota.user_id.name or self.env._("Default"),
                quota=quota.quota,
                type=labels.get(quota.resource_type, ""),
            )

    @api.model
    def _get_quotas(self, user, company, resource_types):
        """{resource type: quota} for ``user``; a type without a quota is unlimited."""
        lines = self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("user_id", "in", [user.id, False]),
                ("resource_type", "in", resource_types),
            ]
        )
        quotas = {line.resource_type: line.quota for line in lines if not line.user_id}
        quotas.update({line.resource_type: line.quota for line in lines if line.user_id})
        return quotas
