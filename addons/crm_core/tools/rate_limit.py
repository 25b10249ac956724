"""Per-client rate limits of the public routes, inside Odoo.

nginx's ``limit_req`` (deploy/nginx.conf) is the limit in production; this one is
the second line, for a server reached without the proxy, and the one a test can
trigger. Each route names a bucket; a client (its address as Odoo sees it, the
forwarded one under ``proxy_mode``) may make ``count`` requests per ``seconds`` in
that bucket, counted in the worker's memory: no database write, so the routes served
from a read-only replica stay read-only. Several workers count apart, so the limit a
client meets is between one and ``workers`` times the setting.

Settings (System Parameters, ``count/seconds``; ``0`` switches a bucket off):
``crm_core.rate_limit.<bucket>``, e.g. ``crm_core.rate_limit.knowledge = 120/60``.
"""

import logging
import math
import threading
import time
from collections import OrderedDict, deque

from odoo.http import request
from odoo.modules import module

_logger = logging.getLogger(__name__)

DEFAULTS = {
    # the knowledge pages and searches of anonymous visitors
    "knowledge": (120, 60),
    # forms posted from the portal or a public page (feedback, returns)
    "form": (30, 60),
    # single-use links carried by e-mails (approvals, invitations)
    "token": (30, 60),
}
# The clients remembered at once; the least recently seen are forgotten first, so an
# attacker cycling through addresses costs bounded memory.
MAX_CLIENTS = 20000

_lock = threading.Lock()
_hits = OrderedDict()


def _limit(env, bucket):
    value = env["ir.config_parameter"].sudo().get_param(f"crm_core.rate_limit.{bucket}")
    if not value:
        return DEFAULTS[bucket]
    try:
        count, seconds = (int(part) for part in value.split("/"))
    except ValueError:
        _logger.warning("crm_core.rate_limit.%s: %r is not count/seconds", bucket, value)
        return DEFAULTS[bucket]
    return count, seconds


def retry_after(bucket, client, env, now=None):
    """Count one request of ``client`` in ``bucket``; the seconds it must wait when it
    is over the limit, else 0."""
    count, seconds = _limit(env, bucket)
    if count <= 0 or seconds <= 0:
        return 0
    now = time.monotonic() if now is None else now
    # Under the test runner every test counts on its own (all of them come from
    # 127.0.0.1): a test that triggers the limit still does, the others never meet it.
    key = (env.cr.dbname, bucket, client, id(module.current_test))
    with _lock:
        stamps = _hits.pop(key, None) or deque()
        _hits[key] = stamps
        while stamps and stamps[0] <= now - seconds:
            stamps.popleft()
        if len(stamps) >= count:
            return max(1, math.ceil(stamps[0] + seconds - now))
        stamps.append(now)
        while len(_hits) > MAX_CLIENTS:
            _hits.popitem(last=False)
    return 0


def reset():
    """Forget every client (tests start from a clean count)."""
    with _lock:
        _hits.clear()


def limited(bucket):
    """The 429 response for the current request when its client is over the limit
    of ``bucket``, else None. Routes call it first:
    ``if response := rate_limit.limited("knowledge"): return response``."""
    client = request.httprequest.remote_addr or "-"
    wait = retry_after(bucket, client, request.env)
    if not wait:
        return None
    _logger.info("rate limit %s: %s must wait %ss", bucket, client, wait)
    response = request.render("crm_core.crm_rate_limited_page", status=429)
    response.headers["Retry-After"] = str(wait)
    return response
