"""`make test`: lint, the install matrix, our tests, Odoo's own crm/sale tests, tests/.

Runs after scripts/setup.sh. Every Odoo run writes a log in .local/log/tests; the
counts come from those logs and from pytest's JUnit report. Exits non-zero on any
failure, error, skipped test or ERROR line, and ends with one line
`N passed, N failed, N skipped`.
"""

import argparse
import configparser
import functools
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ROOT / ".local"
PY = LOCAL / "venv" / "bin" / "python"
LOG_DIR = LOCAL / "log" / "tests"
CONF = LOCAL / "odoo.conf"
# Odoo's own suites that must keep passing with our rules installed.
ODOO_SUITES = ["crm", "sale_crm", "sale"]
# Odoo tests left out, each for a reason outside our addons:
# - it skips itself without the Enterprise module account_accountant;
# - it skips itself without demo data, and with demo data loaded afterwards
#   (force-demo) the import does not find the demo customer "Azure Interior";
#   it needs demo data from the install on.
ODOO_EXCLUDED = [
    "/sale:TestSaleToInvoice.test_partial_invoicing_interaction_with_invoicing_switch_threshold",
    "/sale:TestImportFiles.test_import_quotation_template_xls",
]
# Their at_install tests run a second time with our addons installed. sale's are
# left out: written for sale alone, they fail once sale_stock (which crm_core
# needs) computes delivered quantities from stock moves.
AT_INSTALL_AGAIN = ["crm", "sale_crm"]
LINTED = ["addons", "tests", "scripts", "bench"]

RESULT_RE = re.compile(r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests")
SKIP_RE = re.compile(r"^\S+ \S+ \d+ INFO \S+ \S+: skipped ", re.M)
# A server log line at ERROR or CRITICAL level (Odoo's log format), whole.
ERROR_RE = re.compile(r"^\S+ \S+ \d+ (?:ERROR|CRITICAL) .*$", re.M)


class Tally:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.problems = []

    def add(self, label, passed, failed, skipped, problem=None):
        self.passed += passed
        self.failed += failed
        self.skipped += skipped
        line = f"{label}: {passed} passed, {failed} failed, {skipped} skipped"
        print(f"[crm] {line}", flush=True)
        if problem:
            self.problems.append(f"{label}: {problem}")


def addons():
    out = subprocess.run(
        ["bash", str(ROOT / "scripts/addons.sh")], check=True, capture_output=True, text=True
    )
    return out.stdout.split()


@functools.cache
def test_port():
    """The browser tests' port, derived in scripts/lib.sh like the others."""
    out = subprocess.run(
        ["bash", "-c", '. scripts/lib.sh && echo "$TEST_HTTP_PORT"'],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip()


def env():
    """The environment for PostgreSQL's client tools: the server odoo.conf names."""
    conf = configparser.ConfigParser()
    conf.read(CONF)
    options = conf["options"]
    e = dict(os.environ)
    e.update(PGHOST=options["db_host"], PGPORT=options["db_port"], PGUSER=options["db_user"])
    if options.get("db_password"):
        e["PGPASSWORD"] = options["db_password"]
    return e


def pg(*args):
    subprocess.run(list(args), check=True, env=env(), stdout=subprocess.DEVNULL)


def odoo(db, log_name, *args, entry=None):
    """Run the Odoo server once with --stop-after-init; return the log's text and rc."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log = LOG_DIR / f"{log_name}.log"
    cmd = [
        str(PY),
        *([str(entry)] if entry else ["-m", "odoo"]),
        "-c",
        str(CONF),
        "-d",
        db,
        "--http-port",
        test_port(),
        "--stop-after-init",
        "--log-level=info",
        "--logfile",
        str(log),
        *args,
    ]
    log.unlink(missing_ok=True)
    start = time.monotonic()
    rc = subprocess.run(cmd, env=env(), check=False).returncode
    text = log.read_text(errors="replace") if log.exists() else ""
    print(
        f"[crm] {log_name}: {time.monotonic() - start:.0f} s, log {log.relative_to(ROOT)}",
        flush=True,
    )
    return text, rc


def count_odoo(tally, label, text, rc):
    results = RESULT_RE.findall(text)
    skipped = len(SKIP_RE.findall(text))
    errors = ERROR_RE.findall(text)
    if not results:
        tally.add(label, 0, 1, 0, f"no test result in the log (rc {rc})")
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


def fresh_db(db):
    pg("dropdb", "--if-exists", "--force", db)


def load_demo(tally, db):
    log = LOG_DIR / "demo.log"
    cmd = [str(PY), "-m", "odoo", "module", "force-demo", "-c", str(CONF), "-d", db]
    with log.open("w") as out:
        rc = subprocess.run(cmd, env=env(), check=False, stdout=out, stderr=subprocess.STDOUT)
    errors = ERROR_RE.findall(log.read_text(errors="replace"))
    if rc.returncode or errors:
        tally.add("demo data", 0, 1, 0, f"rc {rc.returncode}, see {log.relative_to(ROOT)}")
        return False
    return True


def run_pytest(tally, db):
    tests_dir = ROOT / "tests"
    if not any(tests_dir.glob("test_*.py")):
        tally.add("tests/", 0, 1, 0, "no top-level tests found")
        return
    junit = LOG_DIR / "pytest.xml"
    junit.unlink(missing_ok=True)
    cmd = [
        str(PY),
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        f"--odoo-config={CONF}",
        f"--odoo-database={db}",
        f"--junitxml={junit}",
        str(tests_dir),
    ]
    rc = subprocess.run(cmd, env=env(), cwd=ROOT, check=False).returncode
    if not junit.exists():
        tally.add("tests/ (pytest)", 0, 1, 0, f"pytest wrote no report (rc {rc})")
        return
    suite = ET.parse(junit).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total, fail = int(suite.get("tests")), int(suite.get("failures")) + int(suite.get("errors"))
    skip = int(suite.get("skipped"))
    problem = f"rc {rc}" if rc or fail or skip or not total else None
    tally.add(
        "tests/ (pytest)", total - fail - skip, fail or (1 if rc and not skip else 0), skip, problem
    )


def lint(tally):
    checks = {
        "ruff check": [str(PY), "-m", "ruff", "check", *LINTED],
        "ruff format": [str(PY), "-m", "ruff", "format", "--check", *LINTED],
        "pylint-odoo": [
            str(PY),
            "-m",
            "pylint",
            "--rcfile=.pylintrc-mandatory",
            *[str(p.parent) for p in sorted((ROOT / "addons").glob("*/__manifest__.py"))],
        ],
    }
    for label, cmd in checks.items():
        rc = subprocess.run(cmd, cwd=ROOT, check=False).returncode
        tally.add(label, 0 if rc else 1, 1 if rc else 0, 0, f"rc {rc}" if rc else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--addon", help="only this addon: install it alone and run its tests")
    parser.add_argument("--no-lint", action="store_true")
    parser.add_argument("--keep-db", action="store_true", help="leave the test databases behind")
    opts = parser.parse_args()

    tally = Tally()
    ours = addons()
    started = time.monotonic()
    if not opts.no_lint and not opts.addon:
        lint(tally)

    dbs = []
    # The install matrix: each addon alone on a fresh database, with its tests at install.
    for addon in [opts.addon] if opts.addon else ours:
        db = f"crm_test_{addon}"
        dbs.append(db)
        fresh_db(db)
        text, rc = odoo(
            db, f"alone-{addon}", "-i", addon, "--test-enable", "--test-tags", f"/{addon}"
        )
        count_odoo(tally, f"{addon} alone", text, rc)

    if not opts.addon:
        # All together, Odoo's way: each module's at_install tests while it installs,
        # then every post_install test with everything installed. No demo data yet:
        # Odoo's query-count tests are sized for Odoo's own demo data at most.
        db = "crm_test_all"
        dbs.append(db)
        fresh_db(db)
        tags = [f"/{m}" for m in ours + ODOO_SUITES] + [f"-{t}" for t in ODOO_EXCLUDED]
        args = ["-i", ",".join(ours), "--test-enable", "--test-tags", ",".join(tags)]
        text, rc = odoo(db, "all-together", *args)
        count_odoo(tally, "all addons together + Odoo's crm, sale_crm, sale", text, rc)
        # Odoo's at_install tests once more, now with our rules in force.
        tags = ",".join(f"/{m}" for m in AT_INSTALL_AGAIN)
        text, rc = odoo(
            db,
            "odoo-at-install-again",
            "--test-enable",
            "--test-tags",
            tags,
            entry=ROOT / "scripts/odoo_post_install_all.py",
        )
        count_odoo(tally, "crm, sale_crm at_install tests with our addons installed", text, rc)
        # Then the demo data `make run` installs, and the cross-addon tests on it.
        if load_demo(tally, db):
            run_pytest(tally, db)

    if not opts.keep_db:
        for db in dbs:
            fresh_db(db)

    minutes = (time.monotonic() - started) / 60
    for problem in tally.problems:
        print(f"[crm] PROBLEM {problem}")
    print(f"[crm] make test took {minutes:.1f} min")
    print(f"{tally.passed} passed, {tally.failed} failed, {tally.skipped} skipped")
    sys.exit(1 if tally.failed or tally.skipped or tally.problems else 0)


if __name__ == "__main__":
    main()
