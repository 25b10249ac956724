from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmHoliday(models.Model):
    """A company's holiday calendar: one record per holiday and year. The holiday
    greetings rule reminds the salespeople some days before each."""

    _name = "crm.holiday"
    _description = "Holiday"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date, id"

    name = fields.Char(required=True, translate=True)
    date = fields.Date(required=True, index=True)
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        index=True,
        default=lambda self: self.env.company,
        help="Leave empty for a holiday of every company.",
    )
    active = fields.Boolean(default=True)
    note = fields.Text(string="Greeting Hint")

    _name_date_company_uniq = models.UniqueIndex(
        "(name, date, COALESCE(company_id, 0))", "This holiday is already in the calendar."
    )

    @api.model_create_multi
    def create(self, vals_list):
        # Refused here with a clear message, not at the database's NOT NULL.
        for vals in vals_list:
            if not vals.get("date"):
                raise ValidationError(
                    self.env._("The holiday %(name)s needs a date.", name=vals.get("name") or "")
                )
        return super().create(vals_list)

    def write(self, vals):
        if "date" in vals and not vals["date"]:
            raise ValidationError(
                self.env._("The holiday %(name)s needs a date.", name=self[:1].name or "")
            )
        return super().write(vals)
