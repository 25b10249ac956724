from odoo import api, fields, models


class CrmPartnerRelationType(models.Model):
    _name = "crm.partner.relation.type"
    _description = "Partner Relation Type"
    _order = "sequence, name, id"

    name = fields.Char(
        required=True,
        translate=True,
        help="The relation seen from the left partner, e.g. 'Superior of'.",
    )
    name_inverse = fields.Char(
        string="Inverse Name",
        compute="_compute_name_inverse",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        translate=True,
        help="The relation seen from the right partner, e.g. 'Subordinate of'.",
    )
    is_symmetric = fields.Boolean(
        string="Symmetric",
        help="The relation reads the same from both sides, e.g. 'Relative of'.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    @api.depends("is_symmetric", "name")
    def _compute_name_inverse(self):
        for relation_type in self:
            if relation_type.is_symmetric or not relation_type.name_inverse:
                relation_type.name_inverse = relation_type.name
