"""`make test`: lint, each addon's tests once, Odoo's own suites with our addons
installed, the upgrade from the last release, the uninstall, the restore drill
(scripts/backup_drill.py: a crm_backup backup restored under a new name and compared),
tests/.

Every test runs once, except where a second run proves what the first cannot:
- the tests tagged `crm_dated` (their result depends on today's date, which they
  freeze) run again at a month end, a year end and 29 February (`DATED_DAYS`): the
  first run proves the feature on an ordinary day, the others on the days where
  date arithmetic breaks;
- nothing else. Our addons' tests run on the database where the addon is installed
  alone with crm_core (the install matrix), never again with all addons together:
  what only the combination can show is in tests/ (cross-addon scenarios) and in
  Odoo's own suites, which run once, post-install, on the database with every addon
  of ours (so our record rules and overrides are in force), and not while Odoo's
  modules install (where they would prove nothing about our addons).

The stages run in two lanes at once (`CRM_TEST_LANES`, default 2; CI has 2 cores),
each on its own databases and HTTP port. A coming addon adds only its own alone
stage (its tests, once). Every Odoo run writes a log in .local/log/tests; the counts
come from those logs and from pytest's JUnit report. Exits non-zero on any failure,
error, skipped test or ERROR line, and ends with the duration of each stage and one
line `N passed, N failed, N skipped`.
"""

import argparse
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

from backup_drill import backup_drill
from testlib import (
    CONF,
    DB_PREFIX,
    LOG_DIR,
    PY,
    ROOT,
    Tally,
    addons,
    count_odoo,
    fresh_db,
    log_problem,
    odoo,
    run_logged,
    say,
    test_port,
)
from upgrade_stage import upgrade_and_uninstall

# Odoo's own suites that must keep passing with our rules installed.
ODOO_SUITES = ["crm", "sale_crm", "sale", "helpdesk_mgmt"]
# Their at_install tests run post-install (scripts/odoo_post_install_all.py), with our
# addons installed. sale's are left out: written for sale alone, they fail once
# sale_stock (which crm_core needs) computes delivered quantities from stock moves.
AT_INSTALL_AS_POST = ["crm", "sale_crm", "helpdesk_mgmt"]
# Odoo tests left out, each for a reason outside our addons:
# - it skips itself without the Enterprise module account_accountant;
# - it needs Odoo's demo data from the install on.
ODOO_EXCLUDED = [
    "/sale:TestSaleToInvoice.test_partial_invoicing_interaction_with_invoicing_switch_threshold",
    "/sale:TestImportFiles.test_import_quotation_template_xls",
]
# The days date arithmetic gets wrong: a month end, a year end, a leap day.
DATED_DAYS = ["2027-04-30", "2026-12-31", "2028-02-29"]
LINTED = ["addons", "tests", "scripts", "bench"]
ALL_DB = f"{DB_PREFIX}_all"


def has_dated_tests(addon):
    tests = ROOT / "addons" / addon / "tests"
    # The tag sits on FrozenTodayMixin (crm_core/tests/common.py) or on a test class.
    return any(
        "FrozenTodayMixin" in path.read_text() or '"crm_dated"' in path.read_text()
        for path in tests.glob("*.py")
    )


def alone(tally, addon, port):
    """The install matrix: the addon alone (with crm_core) on a fresh database, with
    its own tests; then its date-dependent tests on the other days."""
    db = f"{DB_PREFIX}_{addon}"
    fresh_db(db)
    started = time.monotonic()
    text, rc = odoo(
        db, f"alone-{addon}", "-i", addon, "--test-enable", "--test-tags", f"/{addon}", port=port
    )
    count_odoo(tally, f"{addon} alone", text, rc)
    tally.timed(f"{addon} alone", time.monotonic() - started)
    if has_dated_tests(addon):
        started = time.monotonic()
        for day in DATED_DAYS:
            text, rc = odoo(
                db,
                f"dated-{addon}-{day}",
                "--test-enable",
                "--test-tags",
                f"crm_dated/{addon}",
                port=port,
                extra_env={"CRM_TEST_TODAY": day},
            )
            count_odoo(tally, f"{addon} dated tests on {day}", text, rc)
        tally.timed(f"{addon} on {len(DATED_DAYS)} other days", time.monotonic() - started)
    return db


def together(tally, ours, port):
    """Every addon of ours on one database; Odoo's suites once with them installed;
    then the demo data and the cross-addon tests of tests/."""
    db = ALL_DB
    fresh_db(db)
    started = time.monotonic()
    text, rc = odoo(db, "all-install", "-i", ",".join(ours), port=port)
    problem = log_problem(text, rc)
    if problem:
        tally.fail("all addons together: install", problem)
        return db
    tags = [f"/{m}" for m in ODOO_SUITES] + [f"-{t}" for t in ODOO_EXCLUDED]
    text, rc = odoo(
        db,
        "odoo-suites",
        "--test-enable",
        "--test-tags",
        ",".join(tags),
        port=port,
        entry=ROOT / "scripts/odoo_post_install_all.py",
        extra_env={"CRM_AT_INSTALL_AS_POST": ",".join(AT_INSTALL_AS_POST)},
    )
    count_odoo(tally, f"Odoo's {', '.join(ODOO_SUITES)} with all our addons installed", text, rc)
    tally.timed("all together + Odoo's suites", time.monotonic() - started)
    started = time.monotonic()
    if load_demo(tally, db):
        run_pytest(tally, db)
    tally.timed("demo data + tests/", time.monotonic() - started)
    return db


def load_demo(tally, db):
    cmd = [str(PY), "-m", "odoo", "module", "force-demo", "-c", str(CONF), "-d", db]
    text, rc, _seconds = run_logged("demo", cmd)
    problem = log_problem(text, rc)
    if problem:
        tally.fail("demo data", problem)
        return False
    return True


def run_pytest(tally, db):
    tests_dir = ROOT / "tests"
    if not any(tests_dir.glob("test_*.py")):
        tally.fail("tests/", "no top-level tests found")
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
        "--ignore=tests/addons",
        str(tests_dir),
    ]
    _text, rc, _seconds = run_logged("pytest", cmd)
    if not junit.exists():
        tally.fail("tests/ (pytest)", f"pytest wrote no report (rc {rc})")
        return
    suite = ET.parse(junit).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total, fail = int(suite.get("tests")), int(suite.get("failures")) + int(suite.get("errors"))
    skip = int(suite.get("skipped"))
    problem = (
        f"rc {rc}, see .local/log/tests/pytest.log" if rc or fail or skip or not total else None
    )
    tally.add(
        "tests/ (pytest)", total - fail - skip, fail or (1 if rc and not skip else 0), skip, problem
    )


def lint(tally):
    started = time.monotonic()
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
    if (ROOT / "scripts/gen_readme.sh").exists():
        checks["README.rst from readme/"] = ["bash", "scripts/gen_readme.sh", "--check"]
    for label, cmd in checks.items():
        rc = subprocess.run(cmd, cwd=ROOT, check=False).returncode
        tally.add(label, 0 if rc else 1, 1 if rc else 0, 0, f"rc {rc}" if rc else None)
    tally.timed("lint", time.monotonic() - started)


# Seconds each stage took in a fresh checkout on 2 cores (an addon's alone stage with
# its dated reruns); a stage not listed counts ALONE_DEFAULT. Only their order matters:
# with guesses far off, "together" and crm_core's 40 minutes ended up in one lane.
STAGE_SECONDS = {"together": 1520, "upgrade": 380, "drill": 160}
ALONE_SECONDS = {
    "crm_core": 1070,
    "crm_knowledge": 450,
    "crm_service": 400,
    "crm_expense": 355,
    "crm_loan": 300,
    "crm_loan_expense": 175,
    "crm_service_knowledge": 250,
    "crm_backup": 100,
}
ALONE_DEFAULT = 200


def lanes_for(ours, count):
    """Split the stages over `count` lanes, longest first, each onto the lane with the
    least work so far (STAGE_SECONDS, ALONE_SECONDS)."""
    jobs = [(name, seconds, None) for name, seconds in STAGE_SECONDS.items()]
    jobs += [("alone", ALONE_SECONDS.get(addon, ALONE_DEFAULT), addon) for addon in ours]
    jobs.sort(key=lambda job: -job[1])
    lanes = [[] for _ in range(count)]
    loads = [0] * count
    for job in jobs:
        lane = loads.index(min(loads))
        lanes[lane].append(job)
        loads[lane] += job[1]
    return lanes


def run_lane(tally, jobs, port, ours, dbs):
    for kind, _cost, addon in jobs:
        try:
            if kind == "alone":
                dbs.append(alone(tally, addon, port))
            elif kind == "together":
                dbs.append(together(tally, ours, port))
            elif kind == "drill":
                dbs.extend(backup_drill(tally, port))
            else:
                dbs.extend(upgrade_and_uninstall(tally, port))
        except Exception as error:
            tally.fail(f"{kind} {addon or ''}".strip(), repr(error))


def rules_as_installed(tally, dbs):
    """The upgraded database's rules against a fresh install of the working tree."""
    upgraded = LOG_DIR / "upgrade-after.json"
    if ALL_DB not in dbs or not upgraded.exists():
        tally.fail("rules after the upgrade", "the upgrade or the all-addons stage did not run")
        return
    cmd = [str(PY), str(ROOT / "scripts/db_check.py"), "-c", str(CONF), "-d", ALL_DB]
    text, rc, _seconds = run_logged("upgrade-7-as-installed", [*cmd, "as-installed", str(upgraded)])
    print(text, end="", flush=True)
    label = "rules after the upgrade as in a fresh install"
    tally.add(
        label, 0 if rc else 1, 1 if rc else 0, 0, "see upgrade-7-as-installed.log" if rc else None
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--addon", help="only this addon: install it alone and run its tests")
    parser.add_argument(
        "--drill", action="store_true", help="only the restore drill (scripts/backup_drill.py)"
    )
    parser.add_argument("--no-lint", action="store_true")
    parser.add_argument("--keep-db", action="store_true", help="leave the test databases behind")
    opts = parser.parse_args()

    tally = Tally()
    ours = addons()
    started = time.monotonic()
    dbs = []
    if opts.addon:
        dbs.append(alone(tally, opts.addon, test_port()))
    elif opts.drill:
        dbs.extend(backup_drill(tally, test_port()))
    else:
        if not opts.no_lint:
            lint(tally)
        count = max(1, int(os.environ.get("CRM_TEST_LANES", "2")))
        lanes = lanes_for(ours, count)
        with ThreadPoolExecutor(max_workers=count) as pool:
            futures = [
                pool.submit(run_lane, tally, jobs, test_port() + index, ours, dbs)
                for index, jobs in enumerate(lanes)
            ]
            for future in futures:
                future.result()
        rules_as_installed(tally, dbs)

    if not opts.keep_db:
        for db in dbs:
            fresh_db(db)

    minutes = (time.monotonic() - started) / 60
    for problem in tally.problems:
        say(f"PROBLEM {problem}")
    for stage, seconds in tally.durations:
        say(f"stage {stage}: {seconds / 60:.1f} min")
    say(f"make test took {minutes:.1f} min")
    print(f"{tally.passed} passed, {tally.failed} failed, {tally.skipped} skipped")
    sys.exit(1 if tally.failed or tally.skipped or tally.problems else 0)


if __name__ == "__main__":
    main()
