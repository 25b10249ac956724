from odoo import Command
from odoo.tests import tagged

from .login_common import LoginCase


@tagged("post_install", "-at_install")
class TestLogin2faPerCompany(LoginCase):
    """The company setting (General Settings > Permissions) enforcing the e-mailed
    second step for that company's employees while Odoo's global policy is off."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("auth_totp.policy", False)
        cls.strict = cls.env["res.company"].create({"name": "Strict Branch"})
        cls.lenient = cls.env.company
        only_strict = {"company_id": cls.strict.id, "company_ids": [Command.set(cls.strict.ids)]}
        salesman = "sales_team.group_sale_salesman"
        cls.branch_sales = cls._new_login_user(
            "twofa.branch", "Branch-Pass-2026", salesman, **only_strict
        )
        cls.head_sales = cls._new_login_user("twofa.head", "Head-Pass-2026", salesman)
        cls.both = cls._new_login_user(
            "twofa.both",
            "Both-Pass-2026",
            salesman,
            company_ids=[Command.set((cls.lenient | cls.strict).ids)],
        )
        cls.branch_customer = cls._new_login_user(
            "twofa.branch.portal", "Portal-Pass-2026", "base.group_portal", **only_strict
        )

    def _enforce(self, company, value=True):
        settings = self.env["res.config.settings"].with_company(company).create({})
        settings.crm_enforce_2fa = value
        settings.execute()

    def test_only_the_enforcing_company_asks_for_the_code(self):
        self.assertEqual(
            [u._mfa_type() for u in (self.branch_sales, self.head_sales, self.both)],
            [None, None, None],
        )
        self._enforce(self.strict)
        self.assertRecordValues(
            self.strict | self.lenient, [{"crm_enforce_2fa": True}, {"crm_enforce_2fa": False}]
        )
        # the strictest company of a user wins; portal users are never asked
        self.assertEqual(
            [
                u._mfa_type()
                for u in (self.branch_sales, self.head_sales, self.both, self.branch_customer)
            ],
            ["totp_mail", None, "totp_mail", None],
        )
        response = self._login("twofa.branch", "Branch-Pass-2026")
        self.assertIn("/web/login/totp", response.url)
        self.assertIn("/web/login", self.url_open("/odoo").url)

    def test_the_other_company_logs_in_with_the_password(self):
        self._enforce(self.strict)
        response = self._login("twofa.head", "Head-Pass-2026")
        self.assertNotIn("/web/login", response.url)
        self.assertEqual(self.url_open("/odoo").status_code, 200)

    def test_switching_it_off_again(self):
        self._enforce(self.strict)
        self._enforce(self.strict, False)
        self.assertIsNone(self.branch_sales._mfa_type())
        response = self._login("twofa.branch", "Branch-Pass-2026")
        self.assertNotIn("/web/login", response.url)
