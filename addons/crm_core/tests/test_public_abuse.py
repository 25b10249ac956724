"""Public routes under abuse: the in-app rate limit, and a burst of malformed requests
that must never give an HTTP 500 or a server ERROR log line."""

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.crm_core.tools import rate_limit

HUGE_ID = "9" * 25  # beyond PostgreSQL's integer and bigint
# What a client over its limit or sending nonsense may get; never 500.
CLEAN_STATUSES = {200, 303, 400, 403, 404, 405, 410, 413, 429}


class PublicAbuseMixin:
    """A bounded burst against the local test server, checked request by request."""

    def setUp(self):
        super().setUp()
        rate_limit.reset()
        self.addCleanup(rate_limit.reset)

    def burst(self, requests):
        """Send each (method, path, data) request; return the statuses, after checking
        none is a 500 and the server logged no ERROR line meanwhile."""
        statuses = []
        with self.assertNoLogs("odoo", level="ERROR"):
            for method, path, data in requests:
                if method == "GET":
                    response = self.url_open(path, allow_redirects=False)
                else:
                    response = self.url_open(path, data=data or {}, allow_redirects=False)
                self.assertIn(response.status_code, CLEAN_STATUSES, f"{method} {path[:80]} {data}")
                statuses.append(response.status_code)
        return statuses


@tagged("post_install", "-at_install")
class TestRateLimit(PublicAbuseMixin, HttpCase):
    def test_approval_links_are_limited_per_client(self):
        self.env["ir.config_parameter"].set_param("crm_core.rate_limit.token", "3/60")
        statuses = [self.url_open(f"/crm/approval/unknown-{n}").status_code for n in range(5)]
        self.assertEqual(statuses, [404, 404, 404, 429, 429])
        response = self.url_open("/crm/approval/unknown-6")
        self.assertEqual(response.status_code, 429)
        self.assertTrue(1 <= int(response.headers["Retry-After"]) <= 60)
        self.assertIn("Too many requests", response.text)
        # Another bucket keeps its own count: the knowledge of the same client is not
        # refused because its approval links were.
        self.assertEqual(rate_limit.retry_after("knowledge", "127.0.0.1", self.env), 0)

    def test_window_slides_and_clients_count_apart(self):
        env = self.env
        env["ir.config_parameter"].set_param("crm_core.rate_limit.form", "2/10")
        self.assertEqual(rate_limit.retry_after("form", "10.0.0.1", env, now=100.0), 0)
        self.assertEqual(rate_limit.retry_after("form", "10.0.0.1", env, now=101.0), 0)
        self.assertEqual(rate_limit.retry_after("form", "10.0.0.1", env, now=102.0), 8)
        self.assertEqual(rate_limit.retry_after("form", "10.0.0.2", env, now=102.0), 0)
        # the first request left the window: one more is allowed, then refused again
        self.assertEqual(rate_limit.retry_after("form", "10.0.0.1", env, now=110.5), 0)
        self.assertEqual(rate_limit.retry_after("form", "10.0.0.1", env, now=110.6), 1)

    def test_zero_switches_off_and_nonsense_falls_back(self):
        env = self.env
        param = env["ir.config_parameter"]
        param.set_param("crm_core.rate_limit.form", "0/60")
        self.assertFalse(
            any(rate_limit.retry_after("form", "10.0.0.3", env, now=1.0) for _n in range(100))
        )
        param.set_param("crm_core.rate_limit.form", "many")
        with self.assertLogs("odoo.addons.crm_core.tools.rate_limit", "WARNING"):
            self.assertEqual(rate_limit._limit(env, "form"), rate_limit.DEFAULTS["form"])

    def test_memory_is_bounded(self):
        self.patch(rate_limit, "MAX_CLIENTS", 50)
        for n in range(200):
            rate_limit.retry_after("token", f"10.1.{n // 250}.{n % 250}", self.env, now=1.0)
        self.assertEqual(len(rate_limit._hits), 50)


@tagged("post_install", "-at_install")
class TestPublicBadInput(PublicAbuseMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env, login="abuse_portal", groups="base.group_portal", name="Abuse Portal"
        )

    @mute_logger("odoo.http")  # Odoo's own WARNING lines for refused CSRF tokens
    def test_burst_of_bad_input_as_a_visitor(self):
        bad = [
            ("GET", "/crm/approval/" + "x" * 5000, None),
            ("GET", "/crm/approval/%00%ff%fe", None),
            ("GET", "/crm/approval/' OR 1=1 --", None),
            ("POST", "/crm/approval/unknown", {"reason": "r" * 100000}),
            ("GET", f"/my/returns/{HUGE_ID}", None),
            ("GET", "/my/returns/-1", None),
            ("GET", "/my/returns/1?access_token=" + "%ff" * 300, None),
            ("GET", "/my/returns/new?order_id=abc", None),
            ("GET", f"/my/returns/new?order_id={HUGE_ID}", None),
        ]
        statuses = self.burst(bad * 2)
        self.assertNotIn(200, statuses[4:7], "a return request page opened without access")

    @mute_logger("odoo.http")
    def test_burst_of_bad_input_as_a_portal_user(self):
        self.authenticate("abuse_portal", "abuse_portal")
        bad = [
            ("GET", f"/my/returns/new?order_id={HUGE_ID}", None),
            ("GET", "/my/returns/new?order_id=-5", None),
            ("GET", "/my/returns/new?order_id=1e9", None),
            ("GET", f"/my/returns/{HUGE_ID}", None),
            ("GET", "/my/returns/page/" + HUGE_ID, None),
            ("GET", "/my/returns?page=abc", None),
            ("POST", f"/my/returns/new?order_id={HUGE_ID}", {"type": "nonsense"}),
        ]
        statuses = self.burst(bad)
        self.assertEqual(statuses[0], 303, "an unknown order sends the user back")
