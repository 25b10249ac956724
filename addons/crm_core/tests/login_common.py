import re

from odoo.tests import HttpCase


class LoginCase(HttpCase):
    """Logging in as a browser does: the login form's CSRF token, then its POST."""

    def _login(self, login, password):
        page = self.url_open("/web/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(
            "/web/login", data={"login": login, "password": password, "csrf_token": token}
        )
