"""The upgrade from the last release and the uninstall, on one database where our
addons were used.

1. The last release (`RELEASE`, by commit id: tags may not reach CI) is checked out
   with `git worktree` into .local/release; its crm_core and crm_knowledge are
   installed with demo data and Chinese, and records are added through the ORM
   (`scripts/db_check.py seed`).
2. A snapshot (ids of every record, every value of our columns, record rules, access
   rights, xmlids), the upgrade to the working tree (`-u crm_core,crm_knowledge`), a
   second snapshot, and the comparison: nothing lost or changed.
3. crm_knowledge, then crm_core, are uninstalled; no table, column, menu, action, rule,
   server action, view, cron or group of theirs may remain, and a browser tour
   (tests/addons/crm_suite_uninstall_check) opens Odoo's CRM and Sales screens.
"""

import re
import subprocess
import time

from testlib import (
    CONF,
    DB_PREFIX,
    LOCAL,
    PY,
    ROOT,
    count_odoo,
    fresh_db,
    log_problem,
    odoo,
    run_logged,
    write_conf,
)

# crm_core 19.0.1.0.0 and crm_knowledge as released.
RELEASE = "af9db5f"
UPGRADED = ["crm_core", "crm_knowledge"]
DB = f"{DB_PREFIX}_upgrade"


# Uninstalling deletes the demo records the module created, one savepoint each; a
# demo customer or product that confirmed orders and stock moves still reference
# cannot go, Odoo keeps it as business data and the SQL layer logs the refused
# DELETE. Only that refusal is expected; `db_check.py clean` then proves that
# nothing of ours stayed behind.
_KEPT = "res_partner|product_product|product_template"
_USERS = "sale_order|sale_order_line|stock_move|stock_move_line|account_move_line"
KEPT_IN_USE = re.compile(
    rf"[^\n]*odoo\.sql_db: bad query: b'DELETE FROM \"(?:{_KEPT})\"[^\n]*\n"
    rf"ERROR:  ?update or delete on table \"\w+\" violates foreign key constraint"
    rf" \"\w+\" on table \"(?:{_USERS})\"\n"
)


def release_checkout():
    """The release's tree in .local/release, made afresh when it is not that commit."""
    path = LOCAL / "release"
    git = ["git", "-C", str(ROOT)]
    want = subprocess.run(
        [*git, "rev-parse", "--verify", f"{RELEASE}^{{commit}}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    head = subprocess.run(
        ["git", "-C", str(path), "rev-parse", "HEAD"], check=False, capture_output=True, text=True
    ).stdout.strip()
    if head != want:
        subprocess.run(
            [*git, "worktree", "remove", "--force", str(path)], check=False, capture_output=True
        )
        subprocess.run(["rm", "-rf", str(path)], check=True)
        subprocess.run([*git, "worktree", "prune"], check=True)
        subprocess.run(
            [*git, "worktree", "add", "--detach", str(path), want],
            check=True,
            capture_output=True,
        )
    return path


def db_check(log_name, conf, *args):
    cmd = [str(PY), str(ROOT / "scripts/db_check.py"), "-c", str(conf), "-d", DB, *args]
    return run_logged(log_name, cmd)


def upgrade_and_uninstall(tally, port):
    started = time.monotonic()
    label = f"upgrade from {RELEASE}"
    try:
        release = release_checkout()
    except subprocess.CalledProcessError as error:
        tally.fail(label, f"cannot check out {RELEASE} from this repository's history: {error}")
        return []
    old_conf = write_conf(LOCAL / "odoo-release.conf", release / "addons")
    before, after = LOCAL / "log/tests/upgrade-before.json", LOCAL / "log/tests/upgrade-after.json"
    after.unlink(missing_ok=True)
    fresh_db(DB)
    steps = [
        lambda: odoo(
            DB,
            "upgrade-1-release-install",
            "-i",
            ",".join(UPGRADED),
            "--with-demo",
            "--load-language=zh_CN",
            port=port,
            conf=old_conf,
        ),
        lambda: db_check("upgrade-2-seed", old_conf, "seed")[:2],
        lambda: db_check("upgrade-3-snapshot", old_conf, "snapshot", str(before))[:2],
        lambda: odoo(DB, "upgrade-4-upgrade", "-u", ",".join(UPGRADED), port=port),
        lambda: db_check("upgrade-5-snapshot", CONF, "snapshot", str(after))[:2],
    ]
    for step in steps:
        problem = log_problem(*step())
        if problem:
            tally.fail(label, problem)
            return [DB]
    cmd = [str(PY), str(ROOT / "scripts/db_check.py"), "compare", str(before), str(after)]
    text, rc, _seconds = run_logged("upgrade-6-compare", cmd)
    print(text, end="", flush=True)
    tally.add(label, 0 if rc else 1, 1 if rc else 0, 0, "see upgrade-6-compare.log" if rc else None)
    tally.timed("upgrade from the release", time.monotonic() - started)

    started = time.monotonic()
    label = "uninstall crm_knowledge, then crm_core"
    for addon in reversed(UPGRADED):
        cmd = [str(PY), "-m", "odoo", "module", "uninstall", "-c", str(CONF), "-d", DB, addon]
        problem = log_problem(*run_logged(f"uninstall-{addon}", cmd)[:2], KEPT_IN_USE)
        if problem:
            tally.fail(label, f"{addon}: {problem}")
            return [DB]
    text, rc, _seconds = db_check("uninstall-clean", CONF, "clean", str(after))
    print(text, end="", flush=True)
    tally.add(label, 0 if rc else 1, 1 if rc else 0, 0, "see uninstall-clean.log" if rc else None)
    check_conf = write_conf(LOCAL / "odoo-check.conf", f"{ROOT / 'addons'},{ROOT / 'tests/addons'}")
    text, rc = odoo(
        DB,
        "uninstall-screens",
        "-i",
        "crm_suite_uninstall_check",
        "--test-enable",
        "--test-tags",
        "/crm_suite_uninstall_check",
        port=port,
        conf=check_conf,
    )
    count_odoo(tally, "Odoo's CRM and Sales screens after the uninstall", text, rc)
    tally.timed("uninstall and screens", time.monotonic() - started)
    return [DB]
