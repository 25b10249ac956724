from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .login_common import LoginCase

COOLDOWN = "Too many login failures, please wait a bit before trying again."


@tagged("post_install", "-at_install")
class TestLoginThrottle(LoginCase):
    """Password guessing over HTTP: after base.login_cooldown_after failures from one
    address, Odoo ignores every login attempt from it, the right password included,
    for base.login_cooldown_duration seconds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(cls.env, login="throttle.sales", password="Right-Pass-2026")
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("base.login_cooldown_after", 3)
        params.set_param("base.login_cooldown_duration", 60)

    def setUp(self):
        super().setUp()
        # The failures are counted per registry and address (127.0.0.1 for every test).
        self.addCleanup(lambda: getattr(self.registry, "_login_failures", {}).clear())

    def _login(self, password):
        return super()._login(self.user.login, password)

    def _logged_in(self, response):
        return "/web/login" not in response.url

    def test_cooldown_after_failures_then_login_again(self):
        with freeze_time("2026-03-02 10:00:00") as frozen:
            for _attempt in range(3):
                response = self._login("wrong")
                self.assertFalse(self._logged_in(response))
                self.assertIn("Wrong login/password", response.text)
            # The fourth attempt is not even checked: the right password is refused.
            response = self._login("Right-Pass-2026")
            self.assertFalse(self._logged_in(response))
            self.assertIn(COOLDOWN, response.text)
            frozen.tick(59)
            self.assertIn(COOLDOWN, self._login("Right-Pass-2026").text)
            frozen.tick(2)
            self.assertTrue(self._logged_in(self._login("Right-Pass-2026")))
            # A success clears the count: one more failure is only a failure.
            self.url_open("/web/session/logout")
            self.assertIn("Wrong login/password", self._login("wrong").text)

    def test_no_cooldown_below_the_threshold(self):
        with freeze_time("2026-03-02 10:00:00"):
            for _attempt in range(2):
                self.assertFalse(self._logged_in(self._login("wrong")))
            self.assertTrue(self._logged_in(self._login("Right-Pass-2026")))
