"""`make scale`: the scale-out of the README proven on one machine, all on 127.0.0.1.

1. A PostgreSQL cluster of its own (.local/scale/primary, WAL for streaming) with a
   database of crm_core and crm_knowledge, their demo data and more customers,
   opportunities and pooled leads (scripts/scale_seed.py).
2. A streaming replica of it made with `pg_basebackup -R` (.local/scale/replica).
3. The same bounded load (scripts/scale_load.py: N users for M seconds) against Odoo
   run three ways, one after the other: several workers with `db_replica_host`, the
   same workers without the replica, and one worker without the replica.
4. Requests per second, p50 / p95, errors (must be 0), the replica's counters
   (pg_stat_database, pg_stat_user_tables) showing the read-only routes ran there,
   and the ratios.

The clusters stay for the next run (`--fresh` rebuilds them); `make stop` does not
know them: this script stops them when it ends.
"""

import argparse
import configparser
import glob
import json
import os
import shutil
import subprocess
import sys
import time

import requests
from scale_load import MIX, run_load
from testlib import LOCAL, PY, ROOT, conf_options, say, test_port

SCALE = LOCAL / "scale"
PRIMARY = SCALE / "primary"
REPLICA = SCALE / "replica"
DB = "scale"
LOGINS = ["zhang.wei", "chen.jing", "emily.carter"]
PG_OPTIONS = (
    "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
    " -c shared_buffers=256MB -c max_connections=200 -c wal_level=replica"
    " -c max_wal_senders=5 -c hot_standby=on"
)
TABLES = ["res_partner", "crm_lead", "crm_stage", "crm_knowledge_article"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=8, help="virtual users (8)")
    parser.add_argument("--seconds", type=int, default=60, help="seconds per run (60)")
    parser.add_argument("--workers", type=int, default=4, help="Odoo workers (4)")
    parser.add_argument("--fresh", action="store_true", help="rebuild the clusters")
    return parser.parse_args()


def pgbin(tool):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"))
    if not found:
        sys.exit(f"[crm] {tool} not found: PostgreSQL's server package is missing")
    return found[-1]


def as_postgres(cmd):
    """PostgreSQL refuses to run as root: the clusters belong to the postgres user."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def own(path):
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(path, "postgres")
        path.chmod(0o700)


def ports():
    base = int(conf_options()["db_port"])
    return base + 100, base + 101, test_port() + 40


def psql(host, port, sql, db=DB):
    out = subprocess.run(
        ["psql", "-h", str(host), "-p", str(port), "-U", "odoo", "-d", db, "-tAXc", sql],
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip()


def start_cluster(datadir, port):
    running = subprocess.run(
        as_postgres([pgbin("pg_ctl"), "-D", str(datadir), "status"]),
        check=False,
        stdout=subprocess.DEVNULL,
    )
    if running.returncode == 0:  # left running by an interrupted run
        return
    subprocess.run(
        as_postgres(
            [
                pgbin("pg_ctl"),
                "-D",
                str(datadir),
                "-w",
                "-t",
                "120",
                "-l",
                str(datadir / "postgres.log"),
                "-o",
                f"-p {port} -k {datadir} {PG_OPTIONS}",
                "start",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def stop_cluster(datadir):
    if (datadir / "postmaster.pid").exists():
        subprocess.run(
            as_postgres([pgbin("pg_ctl"), "-D", str(datadir), "-m", "fast", "-w", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
        )


def write_conf(primary_port):
    conf = configparser.ConfigParser()
    conf["options"] = {
        "addons_path": conf_options()["addons_path"],
        "data_dir": str(SCALE / "data"),
        "db_host": str(PRIMARY),
        "db_port": str(primary_port),
        "db_user": "odoo",
        "http_interface": "127.0.0.1",
        "list_db": "False",
        "max_cron_threads": "0",
        "log_level": "warn",
    }
    path = SCALE / "odoo.conf"
    with path.open("w") as out:
        conf.write(out)
    return path


def build_primary(conf, primary_port, http_port):
    """The primary cluster and the scale database, once."""
    if not (PRIMARY / "PG_VERSION").exists():
        own(PRIMARY)
        subprocess.run(
            as_postgres(
                [
                    pgbin("initdb"),
                    "-D",
                    str(PRIMARY),
                    "-A",
                    "trust",
                    "-U",
                    "odoo",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    start_cluster(PRIMARY, primary_port)
    seed_file = SCALE / "seed.json"
    if seed_file.exists():
        return json.loads(seed_file.read_text())
    odoo = ["-c", str(conf), "-d", DB]
    if installed(primary_port) != "2":
        say("scale: installing crm_core and crm_knowledge with demo data (a few minutes)")
        with (SCALE / "install.log").open("w") as log:
            subprocess.run(
                [
                    str(PY),
                    "-m",
                    "odoo",
                    *odoo,
                    "-i",
                    "crm_core,crm_knowledge",
                    "--with-demo",
                    "--stop-after-init",
                    "--http-port",
                    str(http_port),
                ],
                check=True,
                stdout=log,
                stderr=log,
            )
    say("scale: adding customers, opportunities and pooled leads")
    seed = subprocess.run(
        [str(PY), "-m", "odoo", "shell", *odoo, "--no-http"],
        stdin=(ROOT / "scripts/scale_seed.py").open(),
        check=True,
        capture_output=True,
        text=True,
    )
    line = next(ln for ln in seed.stdout.splitlines() if ln.startswith("SCALE_SEED "))
    seed_file.write_text(line.removeprefix("SCALE_SEED "))
    return json.loads(seed_file.read_text())


def installed(primary_port):
    """How many of crm_core and crm_knowledge the scale database has installed."""
    exists = psql(
        PRIMARY, primary_port, f"SELECT 1 FROM pg_database WHERE datname = '{DB}'", db="postgres"
    )
    if not exists:
        return "0"
    return psql(
        PRIMARY,
        primary_port,
        "SELECT count(*) FROM ir_module_module WHERE state = 'installed'"
        " AND name IN ('crm_core', 'crm_knowledge')",
    )


def build_replica(primary_port, replica_port):
    if not (REPLICA / "PG_VERSION").exists():
        say("scale: pg_basebackup -R of the primary into .local/scale/replica")
        own(REPLICA)
        subprocess.run(
            as_postgres(
                [
                    pgbin("pg_basebackup"),
                    "-D",
                    str(REPLICA),
                    "-h",
                    str(PRIMARY),
                    "-p",
                    str(primary_port),
                    "-U",
                    "odoo",
                    "-R",
                    "-X",
                    "stream",
                    "-c",
                    "fast",
                ]
            ),
            check=True,
        )
    start_cluster(REPLICA, replica_port)
    state = psql(REPLICA, replica_port, "SELECT pg_is_in_recovery()")
    if state != "t":
        sys.exit("[crm] the replica is not in recovery: it is not a standby")


def still_pooled(seed, primary_port):
    """The pooled leads of each login not claimed by an earlier run."""
    pooled = {}
    for login in LOGINS:
        ids = psql(
            PRIMARY,
            primary_port,
            "SELECT id FROM crm_lead WHERE pool_id IS NOT NULL AND user_id IS NULL"
            f" AND name LIKE 'Scale pooled {login} %' ORDER BY id",
        )
        pooled[login] = [int(i) for i in ids.split()]
    return dict(seed, pooled=pooled)


def counters(host, port):
    db = psql(
        host,
        port,
        "SELECT xact_commit + xact_rollback, tup_returned + tup_fetched"
        f" FROM pg_stat_database WHERE datname = '{DB}'",
    ).split("|")
    scans = psql(
        host,
        port,
        "SELECT string_agg(relname || '=' || (seq_scan + COALESCE(idx_scan, 0)), ',')"
        f" FROM pg_stat_user_tables WHERE relname IN ({', '.join(repr(t) for t in TABLES)})",
    )
    tables = dict(item.split("=") for item in scans.split(",")) if scans else {}
    return {
        "transactions": int(db[0]),
        "tuples": int(db[1]),
        **{t: int(tables.get(t, 0)) for t in TABLES},
    }


def delta(before, after):
    return {key: after[key] - before[key] for key in before}


def serve(conf, http_port, workers, replica_port, label):
    # A script, not `-m odoo`: the server starts its gevent process again from
    # sys.argv, which `-m` leaves as the path of odoo/__main__.py.
    script = SCALE / "odoo-bin"
    script.write_text("import odoo.cli\n\nodoo.cli.main()\n")
    cmd = [str(PY), str(script), "-c", str(conf), "-d", DB, "--db-filter", f"^{DB}$"]
    cmd += ["--http-port", str(http_port), "--gevent-port", str(http_port + 1)]
    cmd += ["--workers", str(workers), "--max-cron-threads", "0"]
    cmd += ["--logfile", str(SCALE / f"odoo-{label}.log")]
    if replica_port:
        cmd += ["--db_replica_host", str(REPLICA), "--db_replica_port", str(replica_port)]
    server = subprocess.Popen(cmd, cwd=ROOT)
    for _attempt in range(240):
        try:
            if requests.get(f"http://127.0.0.1:{http_port}/web/login", timeout=5).ok:
                return server
        except requests.RequestException:
            pass
        time.sleep(0.5)
    server.terminate()
    sys.exit(f"[crm] Odoo ({label}) did not answer; see .local/scale/odoo-{label}.log")


def measure(args, conf, seed, http_port, primary_port, replica_port, workers, label):
    say(f"scale: {label}: {args.users} users for {args.seconds} s")
    server = serve(conf, http_port, workers, replica_port, label)
    base = f"http://127.0.0.1:{http_port}"
    try:
        # A short warm-up: each worker loads the registry and the pages' assets once.
        run_load(base, DB, LOGINS, still_pooled(seed, primary_port), args.users, 10)
        time.sleep(1.5)
        before = {"primary": counters(PRIMARY, primary_port)}
        before["replica"] = counters(REPLICA, replica_port or ports()[1])
        result = run_load(
            base, DB, LOGINS, still_pooled(seed, primary_port), args.users, args.seconds
        )
        time.sleep(1.5)  # statistics reach the views within a second
        result["primary"] = delta(before["primary"], counters(PRIMARY, primary_port))
        result["replica"] = delta(before["replica"], counters(REPLICA, replica_port or ports()[1]))
    finally:
        server.terminate()
        server.wait(timeout=60)
    return result


def report(runs):
    print("\n[crm] scale: the same load, three deployments")
    head = ("deployment", "requests", "req/s", "p50 ms", "p95 ms", "errors")
    print(f"{head[0]:36} {head[1]:>8} {head[2]:>7} {head[3]:>7} {head[4]:>7} {head[5]:>6}")
    for label, r in runs.items():
        print(
            f"{label:36} {r['requests']:8d} {r['rps']:7.1f} {r['p50'] * 1000:7.0f}"
            f" {r['p95'] * 1000:7.0f} {len(r['errors']):6d}"
        )
    print("\n[crm] p50 / p95 per action, ms")
    for name, _weight in MIX:
        cells = "  ".join(
            f"{r['per_action'][name][1] * 1000:5.0f} / {r['per_action'][name][2] * 1000:5.0f}"
            f" ({r['per_action'][name][0]})"
            for r in runs.values()
        )
        print(f"  {name:18} {cells}")
    print("\n[crm] where the queries ran (counter deltas during each measured run)")
    for label, r in runs.items():
        for side in ("primary", "replica"):
            c = r[side]
            scans = ", ".join(f"{t} {c[t]}" for t in TABLES)
            print(
                f"  {label:36} {side:7} transactions {c['transactions']:6d}"
                f" tuples {c['tuples']:9d}  scans: {scans}"
            )
    labels = list(runs)
    a, b = runs[labels[0]], runs[labels[-1]]
    print(
        f"\n[crm] ratio {labels[0]} / {labels[-1]}: {a['rps'] / b['rps']:.2f}x requests per"
        f" second, p95 {b['p95'] / a['p95']:.2f}x lower"
    )
    mid = runs[labels[1]]
    print(
        f"[crm] ratio {labels[0]} / {labels[1]}: {a['rps'] / mid['rps']:.2f}x requests per"
        f" second, p95 {mid['p95'] / a['p95']:.2f}x lower"
    )
    errors = [e for r in runs.values() for e in r["errors"]]
    for error in errors[:10]:
        print(f"[crm] error: {error}")
    return 1 if errors or not runs[labels[0]]["replica"]["transactions"] else 0


def main():
    args = parse_args()
    primary_port, replica_port, http_port = ports()
    if args.fresh:
        stop_cluster(REPLICA)
        stop_cluster(PRIMARY)
        shutil.rmtree(SCALE, ignore_errors=True)
    SCALE.mkdir(parents=True, exist_ok=True)
    conf = write_conf(primary_port)
    try:
        seed = build_primary(conf, primary_port, http_port)
        build_replica(primary_port, replica_port)
        w = args.workers
        runs = {}
        runs[f"{w} workers + streaming replica"] = measure(
            args, conf, seed, http_port, primary_port, replica_port, w, "replica"
        )
        runs[f"{w} workers, primary only"] = measure(
            args, conf, seed, http_port, primary_port, None, w, "workers"
        )
        runs["1 worker, primary only"] = measure(
            args, conf, seed, http_port, primary_port, None, 1, "single"
        )
        (SCALE / "last-run.json").write_text(json.dumps(runs, indent=1))
        return report(runs)
    finally:
        stop_cluster(REPLICA)
        stop_cluster(PRIMARY)


if __name__ == "__main__":
    sys.exit(main())
