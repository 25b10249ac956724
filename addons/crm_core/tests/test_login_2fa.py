from odoo.tests import new_test_user, tagged

from .login_common import LoginCase


@tagged("post_install", "-at_install")
class TestLogin2fa(LoginCase):
    """Odoo's two-factor enforcement (auth_totp_mail, installed with crm_core) as
    General Settings sets it: "employees only" sends every internal user to a second
    step with a code by e-mail; portal customers and resellers log in with their
    password alone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales = new_test_user(
            cls.env,
            login="twofa.sales",
            password="Sales-Pass-2026",
            email="twofa.sales@example.com",
            groups="sales_team.group_sale_salesman",
        )
        cls.customer = new_test_user(
            cls.env,
            login="twofa.portal",
            password="Portal-Pass-2026",
            email="twofa.portal@example.com",
            groups="base.group_portal",
        )
        cls.env["res.config.settings"].create(
            {"auth_totp_enforce": True, "auth_totp_policy": "employee_required"}
        ).execute()

    def _codes_sent(self, user):
        return self.env["mail.mail"].search_count(
            [("email_to", "=", user.email), ("subject", "ilike", "authentication code")]
        )

    def test_internal_user_needs_the_mailed_code(self):
        self.assertEqual(self.sales._mfa_type(), "totp_mail")
        response = self._login(self.sales.login, "Sales-Pass-2026")
        self.assertIn("/web/login/totp", response.url)
        self.assertEqual(self._codes_sent(self.sales), 1)
        # Without the code the back office stays closed.
        self.assertIn("/web/login", self.url_open("/odoo").url)

    def test_portal_user_logs_in_with_the_password(self):
        self.assertFalse(self.customer._mfa_type())
        response = self._login(self.customer.login, "Portal-Pass-2026")
        self.assertNotIn("/web/login", response.url)
        self.assertEqual(self._codes_sent(self.customer), 0)
