from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_reseller = fields.Boolean(
        string="Reseller",
        index=True,
        tracking=True,
        help="A partner company that works the leads assigned to it on the portal.",
    )
    reseller_grade_id = fields.Many2one(
        "crm.reseller.grade",
        string="Reseller Grade",
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
        help="The assignment rule gives a region's leads to its highest grade first.",
    )

    @api.constrains("is_reseller", "reseller_grade_id", "parent_id")
    def _check_reseller(self):
        for partner in self.filtered("is_reseller"):
            if partner.parent_id:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is a contact of %(company)s: only the company itself "
                        "can be a reseller.",
                        partner=partner.display_name,
                        company=partner.parent_id.display_name,
                    )
                )
            if not partner.reseller_grade_id:
                raise ValidationError(
                    self.env._("Give the reseller %(partner)s a grade.", partner=partner.name)
                )
