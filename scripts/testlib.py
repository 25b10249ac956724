"""The pieces scripts/run_tests.py is made of: running Odoo once, reading its log,
counting results, PostgreSQL's client tools. Safe to use from two lanes at once."""

import configparser
import functools
import os
import re
import subprocess
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ROOT / ".local"
PY = LOCAL / "venv" / "bin" / "python"
LOG_DIR = LOCAL / "log" / "tests"
CONF = LOCAL / "odoo.conf"
# Every database the runner makes is named <prefix>_<stage>, so that two checkouts
# sharing one PostgreSQL server can keep apart (CRM_TEST_DB_PREFIX).
DB_PREFIX = os.environ.get("CRM_TEST_DB_PREFIX", "crm_test")

RESULT_RE = re.compile(r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests")
SKIP_RE = re.compile(r"^\S+ \S+ \d+ INFO \S+ \S+: skipped ", re.M)
# A server log line at ERROR or CRITICAL level (Odoo's log format), whole.
ERROR_RE = re.compile(r"^\S+ \S+ \d+ (?:ERROR|CRITICAL) .*$", re.M)
_print_lock = threading.Lock()


def say(text):
    with _print_lock:
        print(f"[crm] {text}", flush=True)


class Tally:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.problems = []
        self.durations = []
        self._lock = threading.Lock()

    def add(self, label, passed, failed, skipped, problem=None):
        with self._lock:
            self.passed += passed
            self.failed += failed
            self.skipped += skipped
            if problem:
                self.problems.append(f"{label}: {problem}")
        say(f"{label}: {passed} passed, {failed} failed, {skipped} skipped")

    def fail(self, label, problem):
        self.add(label, 0, 1, 0, problem)

    def timed(self, stage, seconds):
        with self._lock:
            self.durations.append((stage, seconds))


def addons():
    out = subprocess.run(
        ["bash", str(ROOT / "scripts/addons.sh")], check=True, capture_output=True, text=True
    )
    return out.stdout.split()


@functools.cache
def test_port():
    """The browser tests' first port, derived in scripts/lib.sh like the others."""
    out = subprocess.run(
        ["bash", "-c", '. scripts/lib.sh && echo "$TEST_HTTP_PORT"'],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip())


@functools.cache
def conf_options():
    conf = configparser.ConfigParser()
    conf.read(CONF)
    return dict(conf["options"])


def env(**extra):
    """The environment for Odoo and PostgreSQL's client tools: the server odoo.conf names."""
    options = conf_options()
    e = dict(os.environ)
    e.update(PGHOST=options["db_host"], PGPORT=options["db_port"], PGUSER=options["db_user"])
    if options.get("db_password"):
        e["PGPASSWORD"] = options["db_password"]
    e.update(extra)
    return e


def pg(*args):
    subprocess.run(list(args), check=True, env=env(), stdout=subprocess.DEVNULL)


def fresh_db(db):
    pg("dropdb", "--if-exists", "--force", db)


def write_conf(path, addons_path):
    """A copy of odoo.conf serving other addons (the last release's, a test addon)."""
    text = CONF.read_text()
    text = re.sub(r"^addons_path = .*$", f"addons_path = {addons_path}", text, flags=re.M)
    path.write_text(text)
    return path


def run_logged(log_name, cmd, extra_env=None):
    """Run a command with its output in a log of its own; return (text, rc, seconds)."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log = LOG_DIR / f"{log_name}.log"
    start = time.monotonic()
    with log.open("w") as out:
        rc = subprocess.run(
            cmd, env=env(**(extra_env or {})), cwd=ROOT, check=False, stdout=out, stderr=out
        ).returncode
    seconds = time.monotonic() - start
    say(f"{log_name}: {seconds:.0f} s, log {log.relative_to(ROOT)}")
    return log.read_text(errors="replace"), rc, seconds


def odoo(db, log_name, *args, port, conf=CONF, entry=None, extra_env=None):
    """Run the Odoo server once with --stop-after-init; return the log's text and rc."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log = LOG_DIR / f"{log_name}.log"
    cmd = [
        str(PY),
        *([str(entry)] if entry else ["-m", "odoo"]),
        "-c",
        str(conf),
        "-d",
        db,
        "--http-port",
        str(port),
        "--stop-after-init",
        "--log-level=info",
        "--logfile",
        str(log),
        *args,
    ]
    log.unlink(missing_ok=True)
    start = time.monotonic()
    rc = subprocess.run(cmd, env=env(**(extra_env or {})), check=False).returncode
    text = log.read_text(errors="replace") if log.exists() else ""
    say(f"{log_name}: {time.monotonic() - start:.0f} s, log {log.relative_to(ROOT)}")
    return text, rc


def log_problem(text, rc, tolerated=None):
    """Why a run without tests failed, or None. `tolerated` matches log text (the
    ERROR line and the lines after it) that is expected behaviour, not a failure."""
    errors = ERROR_RE.findall(text)
    if tolerated:
        errors = [e for e in errors if not tolerated.match(text, text.index(e))]
    if rc:
        return f"rc {rc}" + (f": {errors[0][:300]}" if errors else "")
    if errors:
        return f"ERROR in the log: {errors[0][:300]}"
    return None


def count_odoo(tally, label, text, rc):
    results = RESULT_RE.findall(text)
    skipped = len(SKIP_RE.findall(text))
    errors = ERROR_RE.findall(text)
    if not results:
        tally.fail(label, f"no test result in the log (rc {rc})")
        return
    failed, errs, run = (int(x) for x in results[-1])
    bad = failed + errs
    problem = None
    if bad or rc:
        problem = f"{bad} failed or in error, rc {rc}"
    elif errors:
        # An ERROR logged outside any failing test still means something broke.
        bad = 1
        problem = f"ERROR in the log: {errors[0][:300]}"
    elif run == 0:
        bad = 1
        problem = "no test ran"
    tally.add(label, run - failed - errs - skipped, bad, skipped, problem)
