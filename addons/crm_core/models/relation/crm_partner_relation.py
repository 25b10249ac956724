from odoo import api, fields, models
from odoo.exceptions import ValidationError

STRENGTHS = [("strong", "Strong"), ("medium", "Medium"), ("weak", "Weak")]


class CrmPartnerRelation(models.Model):
    _name = "crm.partner.relation"
    _description = "Partner Relation"
    _order = "left_partner_id, type_id, right_partner_id, id"
    _check_company_auto = True

    left_partner_id = fields.Many2one(
        "res.partner",
        string="Partner",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    type_id = fields.Many2one(
        "crm.partner.relation.type", string="Relation Type", required=True, ondelete="restrict"
    )
    right_partner_id = fields.Many2one(
        "res.partner",
        string="Related Partner",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    strength = fields.Selection(STRENGTHS, required=True, default="medium")
    date_start = fields.Date(string="Start Date")
    date_end = fields.Date(string="End Date")
    note = fields.Text()
    company_id = fields.Many2one("res.company", string="Company", index=True)
    active = fields.Boolean(default=True)
    # Seen from the partner given by the context key "crm_relation_partner_id".
    other_partner_id = fields.Many2one(
        "res.partner", string="Other Partner", compute="_compute_point_of_view"
    )
    display_label = fields.Char(string="Relation", compute="_compute_point_of_view")

    @api.constrains("left_partner_id", "right_partner_id")
    def _check_partners(self):
        for relation in self:
            if relation.left_partner_id == relation.right_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(partner)s cannot be related to itself.",
                        partner=relation.left_partner_id.display_name,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for relation in self:
            if (
                relation.date_start
                and relation.date_end
                and relation.date_end < relation.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The relation between %(left)s and %(right)s cannot end before it starts.",
                        left=relation.left_partner_id.display_name,
                        right=relation.right_partner_id.display_name,
                    )
                )

    @api.depends("left_partner_id", "right_partner_id", "type_id")
    @api.depends_context("crm_relation_partner_id")
    def _compute_point_of_view(self):
        viewer_id = self.env.context.get("crm_relation_partner_id")
        for relation in self:
            relation.other_partner_id = relation._get_other_partner(viewer_id)
            relation.display_label = relation._get_label(viewer_id)

    @api.depends("left_partner_id", "right_partner_id", "type_id")
    def _compute_display_name(self):
        for relation in self:
            relation.display_name = " ".join(
                name
                for name in (
                    relation.left_partner_id.display_name,
                    relation.type_id.name,
                    relation.right_partner_id.display_name,
                )
                if name
            )

    def _get_other_partner(self, partner_id):
        """The partner at the other end of the relation, seen from ``partner_id``."""
        self.ensure_one()
        if partner_id and self.right_partner_id.id == partner_id:
            return self.left_partner_id
        return self.right_partner_id

    def _get_label(self, partner_id):
        """The relation's name seen from ``partner_id``: the type's name for the
        left partner, its inverse name for the right one."""
        self.ensure_one()
        relation_type = self.type_id
        if partner_id and self.right_partner_id.id == partner_id and not relation_type.is_symmetric:
            return relation_type.name_inverse
        return relation_type.name
