from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _mfa_type(self):
        """Odoo's second login step by e-mail code (auth_totp_mail) for the internal
        users of a company that enforces it, on top of Odoo's global policy. A user
        working for several companies follows the strictest of them. An app or a
        passkey the user set up comes first (super() answers for those)."""
        mfa = super()._mfa_type()
        if mfa is not None:
            return mfa
        if self._is_internal() and any(self.sudo().company_ids.mapped("crm_enforce_2fa")):
            return "totp_mail"
        return None
