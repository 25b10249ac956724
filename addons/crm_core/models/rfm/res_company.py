from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_rfm_window_days = fields.Integer(
        string="RFM Analysis Window (days)",
        default=365,
        help="Confirmed sales orders of this many past days count for the RFM scores.",
    )

    _crm_rfm_window_days_positive = models.Constraint(
        "CHECK(crm_rfm_window_days > 0)", "The RFM analysis window must be at least one day."
    )
