from odoo import fields, models


class CrmResellerGrade(models.Model):
    _name = "crm.reseller.grade"
    _description = "Reseller Grade"
    # The first grade is the highest: the assignment rule prefers it.
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10, help="The lower, the higher the grade.")
    active = fields.Boolean(default=True)
    partner_count = fields.Integer(string="Resellers", compute="_compute_partner_count")

    _name_unique = models.UniqueIndex("(name)", "A reseller grade with this name already exists.")

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("reseller_grade_id", "in", self.ids), ("is_reseller", "=", True)],
                ["reseller_grade_id"],
                ["__count"],
            )
        )
        for grade in self:
            grade.partner_count = counts.get(grade, 0)
