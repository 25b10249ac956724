"""The restore drill of `make test`: a backup made by crm_backup restores, whole.

1. A database `<prefix>_drill` with crm_core and crm_backup and demo data; a few
   attachments of varied sizes (empty, one byte, Chinese text, binary of 100 KB and
   3 MB, one content stored twice) are added and committed.
2. The row counts (every table of a model or many2many of our addons, and Odoo's
   main tables) and the sha1 of every attachment's content, read from the
   filestore, are taken; then the backup runs through the module's own method
   (`crm.backup.run._backup`, what the daily cron calls) into .local/drill-backups.
3. scripts/restore.py restores it under `<prefix>_drill_restored`; a second restore
   into that name must be refused.
4. The same figures are taken from the restored database and compared: any table
   whose count differs, any attachment missing or whose content differs fails the
   stage, by name. The restored database must be neutralised: no active scheduled
   action but Odoo's autovacuum, every active outgoing mail server Odoo's dummy one,
   `database.is_neutralized` set.

As a script, the Odoo side of steps 1, 2 and 4:
    backup_drill.py -c CONF -d DB backup FOLDER OUT.json
    backup_drill.py -c CONF -d DB snapshot OUT.json
"""

import argparse
import hashlib
import json
import shutil
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Odoo's tables our addons add to or depend on, counted beside our own.
ODOO_TABLES = [
    "res_partner",
    "res_users",
    "res_company",
    "res_groups",
    "crm_lead",
    "crm_team",
    "crm_stage",
    "sale_order",
    "sale_order_line",
    "account_move",
    "account_move_line",
    "product_template",
    "product_product",
    "stock_picking",
    "stock_move",
    "stock_quant",
    "calendar_event",
    "utm_campaign",
    "mail_message",
    "mail_followers",
    "mail_activity",
    "mail_tracking_value",
    "ir_attachment",
    "ir_model_data",
    "ir_ui_view",
    "ir_ui_menu",
    "ir_rule",
    "ir_model_access",
    "ir_cron",
    "tier_definition",
    "tier_review",
]


def pseudo_random(size, seed):
    out = bytearray()
    block = seed.encode()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block
    return bytes(out[:size])


ATTACHMENTS = {
    "drill-empty.txt": b"",
    "drill-one-byte.bin": b"\x00",
    "drill-notes-zh.txt": ("恢复演练 附件内容校验 Restore drill.\n" * 40).encode(),
    "drill-100k.bin": pseudo_random(100 * 1024, "100k"),
    "drill-3m.bin": pseudo_random(3 * 1024 * 1024, "3m") + b"\xff\x00",
    "drill-same-as-100k.bin": pseudo_random(100 * 1024, "100k"),
}


# -- the Odoo side ------------------------------------------------------------------


def open_env(config_path, database):
    import odoo  # only the Odoo side needs Odoo
    from odoo.modules.registry import Registry
    from odoo.tools import config

    config.parse_config(["-c", config_path], setup_logging=True)
    cr = Registry(database).cursor()
    return cr, odoo.api.Environment(cr, odoo.api.SUPERUSER_ID, {"active_test": False})


def our_addons():
    return sorted(p.parent.name for p in (ROOT / "addons").glob("*/__manifest__.py"))


def counted_tables(env):
    """Tables of the models and many2many fields our installed addons define, and
    Odoo's main tables that exist here."""
    ours = our_addons()
    env.cr.execute(
        """SELECT m.model FROM ir_model m JOIN ir_model_data d
             ON d.model = 'ir.model' AND d.res_id = m.id AND d.module = ANY(%s)""",
        [ours],
    )
    tables = set()
    for (model,) in env.cr.fetchall():
        records = env.get(model)
        if records is not None and not records._abstract and records._auto:
            tables.add(records._table)
    env.cr.execute(
        """SELECT f.relation_table FROM ir_model_fields f JOIN ir_model_data d
             ON d.model = 'ir.model.fields' AND d.res_id = f.id AND d.module = ANY(%s)
            WHERE f.ttype = 'many2many' AND f.relation_table IS NOT NULL""",
        [ours],
    )
    tables |= {table for (table,) in env.cr.fetchall()}
    tables |= set(ODOO_TABLES)
    env.cr.execute(
        """SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
              AND table_name = ANY(%s)""",
        [sorted(tables)],
    )
    return sorted(table for (table,) in env.cr.fetchall())


def snapshot(env):
    from odoo.tools import SQL

    counts = {}
    for table in counted_tables(env):
        env.cr.execute(SQL("SELECT count(*) FROM %s", SQL.identifier(table)))
        counts[table] = env.cr.fetchone()[0]
    attachments = {}
    Attachment = env["ir.attachment"]
    env.cr.execute("SELECT id, store_fname, checksum, db_datas FROM ir_attachment ORDER BY id")
    for att_id, store_fname, checksum, db_datas in env.cr.fetchall():
        if store_fname:
            path = Path(Attachment._full_path(store_fname))
            data = path.read_bytes() if path.is_file() else None
        else:
            data = bytes(db_datas) if db_datas is not None else b""
        attachments[str(att_id)] = {
            "store_fname": store_fname,
            "checksum": checksum,
            "sha1": hashlib.sha1(data).hexdigest() if data is not None else None,
        }
    env.cr.execute(
        """SELECT c.cron_name FROM ir_cron c
            WHERE c.active AND c.id NOT IN (SELECT res_id FROM ir_model_data
                  WHERE model = 'ir.cron' AND module = 'base' AND name = 'autovacuum_job')
            ORDER BY 1"""
    )
    active_crons = [str(name) for (name,) in env.cr.fetchall()]
    env.cr.execute("SELECT name, smtp_host FROM ir_mail_server WHERE active ORDER BY id")
    mail_servers = [list(row) for row in env.cr.fetchall()]
    neutralized = env["ir.config_parameter"].get_param("database.is_neutralized")
    return {
        "counts": counts,
        "attachments": attachments,
        "active_crons": active_crons,
        "active_mail_servers": mail_servers,
        "is_neutralized": neutralized,
    }


def backup(env, folder):
    """Add the attachments, commit, take the snapshot, back up with the module."""
    partner = env.ref("base.main_partner")
    env["ir.attachment"].create(
        [
            {"name": name, "raw": raw, "res_model": "res.partner", "res_id": partner.id}
            for name, raw in ATTACHMENTS.items()
        ]
    )
    env["ir.config_parameter"].set_param("crm_backup.folder", folder)
    env.cr.commit()
    before = snapshot(env)
    # The run is created in this transaction: the dump, from another connection,
    # does not see it, so the restored database has the counts taken above.
    run = env["crm.backup.run"]._backup("cron")
    values = run.read(["state", "file_path", "file_size", "duration", "error"])[0]
    env.cr.commit()
    return {"source": before, "run": {k: v for k, v in values.items() if k != "id"}}


def odoo_main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("backup")
    one.add_argument("folder")
    one.add_argument("out")
    two = sub.add_parser("snapshot")
    two.add_argument("out")
    opts = parser.parse_args()
    cr, env = open_env(opts.config, opts.database)
    try:
        result = backup(env, opts.folder) if opts.command == "backup" else snapshot(env)
    finally:
        cr.close()
    Path(opts.out).write_text(json.dumps(result, indent=1, sort_keys=True))


# -- the stage, in the test runner ---------------------------------------------------


def compare(source, restored):
    """Every difference between the two snapshots, as sentences."""
    problems = []
    for table in sorted(set(source["counts"]) | set(restored["counts"])):
        before, after = source["counts"].get(table), restored["counts"].get(table)
        if before != after:
            problems.append(f"table {table}: {before} rows backed up, {after} restored")
    for att_id, before in sorted(source["attachments"].items(), key=lambda kv: int(kv[0])):
        after = restored["attachments"].get(att_id)
        if after is None:
            problems.append(f"attachment {att_id} ({before['store_fname']}) not restored")
        elif before["sha1"] is None:
            problems.append(f"attachment {att_id}: file {before['store_fname']} missing at source")
        elif after["sha1"] != before["sha1"]:
            problems.append(
                f"attachment {att_id} ({before['store_fname']}): content sha1 {after['sha1']}"
                f" restored, {before['sha1']} backed up"
            )
        elif before["checksum"] and after["sha1"] != before["checksum"]:
            problems.append(f"attachment {att_id}: content does not match its checksum")
    extra = set(restored["attachments"]) - set(source["attachments"])
    if extra:
        problems.append(f"attachments restored that were not backed up: {sorted(extra)}")
    if restored["active_crons"]:
        problems.append(f"not neutralised: active scheduled actions {restored['active_crons']}")
    live = [s for s in restored["active_mail_servers"] if s[1] != "invalid"]
    if live or not restored["active_mail_servers"]:
        problems.append(f"not neutralised: active mail servers {restored['active_mail_servers']}")
    if restored["is_neutralized"] not in ("True", "true", True):
        problems.append("not neutralised: database.is_neutralized is not set")
    return problems


def backup_drill(tally, port):
    """The stage: returns the databases it made, for the runner to drop."""
    from testlib import (  # the Odoo side runs without them
        CONF,
        DB_PREFIX,
        LOCAL,
        LOG_DIR,
        PY,
        conf_options,
        fresh_db,
        log_problem,
        odoo,
        run_logged,
    )

    label = "restore drill (backup, restore, compare)"
    started = time.monotonic()
    source_db, restored_db = f"{DB_PREFIX}_drill", f"{DB_PREFIX}_drill_restored"
    folder = LOCAL / "drill-backups"
    filestores = Path(conf_options()["data_dir"]) / "filestore"
    for db in (source_db, restored_db):
        fresh_db(db)
        shutil.rmtree(filestores / db, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    dbs = [source_db, restored_db]
    me = [str(PY), str(Path(__file__).resolve()), "-c", str(CONF)]
    source_json, restored_json = LOG_DIR / "drill-source.json", LOG_DIR / "drill-restored.json"

    text, rc = odoo(
        source_db, "drill-1-install", "-i", "crm_core,crm_backup", "--with-demo", port=port
    )
    problem = log_problem(text, rc)
    if problem:
        tally.fail(label, f"install: {problem}")
        return dbs
    text, rc, _s = run_logged(
        "drill-2-backup", [*me, "-d", source_db, "backup", str(folder), str(source_json)]
    )
    problem = log_problem(text, rc)
    if problem:
        tally.fail(label, f"backup: {problem}")
        return dbs
    made = json.loads(source_json.read_text())
    run = made["run"]
    backup_file = Path(run["file_path"] or "")
    if run["state"] != "done" or not backup_file.is_file():
        tally.fail(label, f"the backup run is {run['state']}: {run['error']}")
        return dbs
    with zipfile.ZipFile(backup_file) as archive:
        names = archive.namelist()
    if names[:2] != ["manifest.json", "dump.sql"] or backup_file.stat().st_size != run["file_size"]:
        tally.fail(label, f"{backup_file.name}: not the expected zip ({names[:3]}, size)")
        return dbs
    restore = [str(PY), str(ROOT / "scripts/restore.py"), "-c", str(CONF)]
    restore += ["--file", str(backup_file), "--db", restored_db]
    text, rc, _s = run_logged("drill-3-restore", restore)
    problem = log_problem(text, rc)
    if problem:
        tally.fail(label, f"restore: {problem}")
        return dbs
    text, rc, _s = run_logged("drill-4-restore-refused", restore)
    if rc != 1 or f"the database {restored_db} already exists" not in text:
        tally.fail(label, f"a restore into the existing {restored_db} was not refused (rc {rc})")
        return dbs
    text, rc, _s = run_logged(
        "drill-5-snapshot", [*me, "-d", restored_db, "snapshot", str(restored_json)]
    )
    problem = log_problem(text, rc)
    if problem:
        tally.fail(label, f"snapshot of the restored database: {problem}")
        return dbs
    problems = compare(made["source"], json.loads(restored_json.read_text()))
    seconds = time.monotonic() - started
    tally.timed("restore drill", seconds)
    if problems:
        (LOG_DIR / "drill-differences.txt").write_text("\n".join(problems) + "\n")
        shown = "; ".join(problems[:5])
        more = f" (+{len(problems) - 5} more in drill-differences.txt)" if len(problems) > 5 else ""
        tally.fail(label, shown + more)
        return dbs
    source = made["source"]
    size_mb = run["file_size"] / 1024 / 1024
    tally.add(label, 1, 0, 0)
    from testlib import say

    say(
        f"restore drill: {len(source['counts'])} tables and {len(source['attachments'])}"
        f" attachments identical; backup {size_mb:.1f} MB in {run['duration']:.1f} s;"
        f" restored database neutralised"
    )
    shutil.rmtree(folder, ignore_errors=True)
    return dbs


if __name__ == "__main__":
    sys.exit(odoo_main())
