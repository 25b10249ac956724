"""deploy/nginx.conf, rendered as the nginx image renders it and run by the nginx of
this machine in front of a small echo server standing in for Odoo: HTTPS only
(TLS 1.2+, HSTS, HTTP redirected), the back-office allow-list, the rate limits."""

import http.client
import http.server
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx.conf"
NETWORKS = ROOT / "deploy" / "backoffice-networks.conf"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Echo(http.server.BaseHTTPRequestHandler):
    """Odoo's stand-in: answers every request with its path and the proxy headers."""

    def _answer(self):
        body = json.dumps(
            {"path": self.path, "proto": self.headers.get("X-Forwarded-Proto")}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args):
        pass


def render(tmp, upstream, networks):
    """The template with the image's envsubst (${CRM_*} only) and the local ports."""
    cert, key = tmp / "cert.pem", tmp / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=crm.test", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    values = {"CRM_SERVER_NAME": "crm.test", "CRM_TLS_CERT": str(cert), "CRM_TLS_KEY": str(key)}
    text = re.sub(r"\$\{(CRM_\w+)\}", lambda m: values[m.group(1)], TEMPLATE.read_text())
    ports = {"http": _free_port(), "https": _free_port()}
    (tmp / "networks.conf").write_text(networks)
    text = (
        text.replace("listen 80;", f"listen 127.0.0.1:{ports['http']};")
        .replace("listen 443 ssl", f"listen 127.0.0.1:{ports['https']} ssl")
        .replace("odoo:8069", f"127.0.0.1:{upstream}")
        .replace("odoo:8072", f"127.0.0.1:{upstream}")
        .replace("/etc/nginx/crm/backoffice-networks.conf", str(tmp / "networks.conf"))
        .replace("/var/cache/nginx/odoo", str(tmp / "cache"))
    )
    (tmp / "default.conf").write_text(text)
    # As root, nginx runs its workers as nobody, who cannot write the test's folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(
        f"{user}pid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\nevents {{}}\nhttp {{\n"
        f"    access_log off;\n    client_body_temp_path {tmp}/body;\n"
        f"    proxy_temp_path {tmp}/proxy;\n    include {tmp}/default.conf;\n}}\n"
    )
    return ports


@pytest.fixture
def proxy(tmp_path_factory):
    """Start nginx on a rendered config; yields a function (networks -> ports)."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert os.path.exists(nginx), "nginx is missing: scripts/system_packages.sh installs it"
    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    started = []

    def start(networks):
        tmp = tmp_path_factory.mktemp("nginx")
        ports = render(tmp, upstream.server_address[1], networks)
        conf = ["-p", str(tmp), "-c", str(tmp / "nginx.conf")]
        test = subprocess.run([nginx, "-t", *conf], capture_output=True, text=True)
        assert test.returncode == 0, test.stderr
        subprocess.run([nginx, *conf], check=True)
        started.append((tmp, conf))
        for _i in range(50):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", ports["https"])) == 0:
                    return ports
            time.sleep(0.1)
        raise AssertionError("nginx did not start")

    yield start
    for _tmp, conf in started:
        subprocess.run([nginx, *conf, "-s", "stop"], check=False)
    upstream.shutdown()


def _tls(version=None):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    if version:
        context.minimum_version = context.maximum_version = version
    return context


def _get(port, path, method="GET", tls=True):
    if tls:
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=_tls(), timeout=10)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, headers={"Host": "crm.test"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


ALL = "0.0.0.0/0 0;\n"
ELSEWHERE = "192.0.2.0/24 0;\n"  # TEST-NET-1: the test client is not in it


def test_https_only_tls12_and_hsts(proxy):
    ports = proxy(ALL)
    response, _body = _get(ports["http"], "/knowledge?q=1", tls=False)
    assert response.status == 301
    assert response.getheader("Location") == "https://crm.test/knowledge?q=1"
    response, body = _get(ports["https"], "/knowledge")
    assert response.status == 200
    assert response.getheader("Strict-Transport-Security") == "max-age=63072000"
    assert json.loads(body) == {"path": "/knowledge", "proto": "https"}
    with socket.create_connection(("127.0.0.1", ports["https"])) as sock:
        with _tls(ssl.TLSVersion.TLSv1_2).wrap_socket(sock) as tls:
            assert tls.version() == "TLSv1.2"
    with socket.create_connection(("127.0.0.1", ports["https"])) as sock:
        with pytest.raises(ssl.SSLError):
            _tls(ssl.TLSVersion.TLSv1_1).wrap_socket(sock)


def test_backoffice_allow_list(proxy):
    ports = proxy(ELSEWHERE)
    refused = ["/odoo", "/odoo/crm", "/web", "/web/dataset/call_kw", "/json/2/res.partner"]
    for path in refused:
        assert _get(ports["https"], path)[0].status == 403, path
    public = ["/web/login", "/knowledge", "/my/returns", "/crm/approval/abc", "/web/assets/1/x.js",
              "/web/image/res.partner/1/avatar_128", "/websocket"]  # fmt: skip
    for path in public:
        assert _get(ports["https"], path)[0].status == 200, path
    # With the shipped file (every network), the back office is open.
    assert _get(proxy(ALL)["https"], "/odoo")[0].status == 200


def _burst(port, path, count, method="GET"):
    """Statuses of ``count`` requests in a row on one kept-alive connection (a new
    TLS handshake per request would let the limits refill between them)."""
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=_tls(), timeout=10)
    statuses = []
    for _i in range(count):
        connection.request(method, path, headers={"Host": "crm.test"})
        response = connection.getresponse()
        response.read()
        statuses.append(response.status)
    connection.close()
    return statuses


def test_rate_limits(proxy):
    ports = proxy(ALL)
    statuses = _burst(ports["https"], "/knowledge?q=x", 40)
    # 10 per second with a burst of 20: the first 21 pass at once, then 429.
    assert statuses[:21] == [200] * 21
    assert statuses.count(429) >= 15
    # 10 per minute with a burst of 5.
    assert _burst(ports["https"], "/web/login", 8, "POST") == [200] * 6 + [429, 429]
    # The back office has no limit of its own.
    assert _burst(ports["https"], "/odoo", 40) == [200] * 40
