import re

from odoo.tests import HttpCase, new_test_user


class LoginCase(HttpCase):
    """Logging in as a browser does: the login form's CSRF token, then its POST."""

    @classmethod
    def _new_login_user(cls, login, password, groups, **values):
        """A user who logs in with ``password`` and receives mail at login@example.com."""
        return new_test_user(
            cls.env,
            login=login,
            password=password,
            email=f"{login}@example.com",
            groups=groups,
            **values,
        )

    def _login(self, login, password):
        page = self.url_open("/web/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(
            "/web/login", data={"login": login, "password": password, "csrf_token": token}
        )
