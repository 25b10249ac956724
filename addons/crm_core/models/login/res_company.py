from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_enforce_2fa = fields.Boolean(
        string="Two-Factor Login for Employees",
        help="Employees of this company must pass a second step at login: their "
        "authenticator app or passkey, or else a code sent by e-mail. Odoo's own policy "
        "(General Settings) applies to every company at once; this one to this company.",
    )
