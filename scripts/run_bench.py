#!/usr/bin/env python3
"""make bench: generated data at the sizes the issues name, then every bench/bench_*.py.

The data is generated once into a database (default crm_bench) and every bench
module runs on its own fresh copy of it, so what one bench changes (a recall, a
handover) never skews the next. Each module prints its figures as one line each,
with the plain-Odoo baseline and the ratio.
"""

import argparse
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from testlib import CONF, PY, addons, env, pg  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default="crm_bench", help="database holding the generated data")
    parser.add_argument("--addons-path", default=str(ROOT / "addons"))
    parser.add_argument("--bench-dir", default=str(ROOT / "bench"))
    parser.add_argument("--only", action="append", help="run bench/bench_<ONLY>.py only")
    parser.add_argument("--keep", action="store_true", help="reuse the data database if it exists")
    return parser.parse_args()


def database_exists(name):
    out = subprocess.run(
        ["psql", "-d", "postgres", "-Atc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        env=env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip() == "1"


def install(db, addons_path, modules):
    """Install our addons the way the server does, outside this process."""
    cmd = [
        str(PY), "-m", "odoo", "-c", str(CONF), "--addons-path", addons_path, "-d", db,
        "-i", ",".join(modules), "--stop-after-init", "--log-level=warn",
        "--http-port", "0",
    ]  # fmt: skip
    subprocess.run(cmd, env=env(), check=True)


def odoo_env(db, addons_path):
    import odoo
    from odoo import api
    from odoo.modules.registry import Registry

    odoo.tools.config.parse_config(["-c", str(CONF), "--addons-path", addons_path])
    registry = Registry(db)
    cr = registry.cursor()
    return api.Environment(cr, api.SUPERUSER_ID, {"tracking_disable": True})


def close(e):
    """Release the database entirely, so that it can be copied or dropped."""
    from odoo.modules.registry import Registry
    from odoo.sql_db import close_db

    db = e.cr.dbname
    e.cr.close()
    Registry.delete(db)
    close_db(db)


def bench_modules(bench_dir, only):
    files = sorted(Path(bench_dir).glob("bench_*.py"))
    if only:
        files = [f for f in files if f.stem.removeprefix("bench_") in only]
    for path in files:
        spec = importlib.util.spec_from_file_location(f"crm_bench_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield path.stem.removeprefix("bench_"), module


def main():
    args = parse_args()
    import os

    os.environ.update({k: v for k, v in env().items() if k.startswith("PG")})
    import odoo.init  # noqa: F401 - the shortcuts (odoo.Command, ...) odoo-bin sets up

    from bench import data
    from bench.harness import Bench

    modules = addons()
    started = time.monotonic()
    if not (args.keep and database_exists(args.db)):
        pg("dropdb", "--if-exists", args.db)
        install(args.db, args.addons_path, modules)
        bench = Bench()
        e = odoo_env(args.db, args.addons_path)
        data.generate(e, bench, modules)
        e.cr.commit()
        close(e)
    failed = []
    for name, module in bench_modules(args.bench_dir, args.only):
        work = f"{args.db}_work"
        pg("dropdb", "--if-exists", work)
        pg("createdb", "-T", args.db, work)
        e = odoo_env(work, args.addons_path)
        bench = Bench()
        data.load(e, bench)
        print(f"[bench] --- {name}", flush=True)
        try:
            module.run(e, bench)
        except Exception as exc:
            import traceback

            traceback.print_exc()
            failed.append(f"{name}: {exc}")
        finally:
            e.cr.rollback()
            close(e)
            pg("dropdb", "--if-exists", work)
    print(f"[bench] done in {time.monotonic() - started:.0f} s", flush=True)
    if failed:
        print("[bench] FAILED: " + "; ".join(failed), flush=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
