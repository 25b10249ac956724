"""Restore a backup into a new database, filestore included: `make restore FILE=... DB=...`.

restore.py -c CONF --file FILE --db DB [--no-neutralize] [--moved]

FILE is a backup in Odoo's own format, as crm_backup writes it (or Odoo's database
manager): a zip with dump.sql, manifest.json and filestore/. The restore is Odoo's
own (`odoo.service.db.restore_db`), run in this process with the database manager
allowed for this process only (production keeps `list_db = False`).

Unless --no-neutralize, the new database is neutralised as Odoo does it for copies:
every scheduled action but the autovacuum is off, outgoing mail servers are off
(Odoo adds one pointing nowhere), and so on for each installed module. --moved keeps
the database's identifier (dbuuid): use it when the restore replaces the original
(a move, a disaster recovery), not for a copy beside it.

Refuses when DB or its filestore folder already exists; on a failed restore, the
half-made database and filestore are removed.
"""

import argparse
import os
import sys
import zipfile


def fail(message):
    print(f"restore: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-c", "--config", required=True, help="the Odoo configuration file")
    parser.add_argument("--file", required=True, help="the backup (.zip)")
    parser.add_argument("--db", required=True, help="the new database")
    parser.add_argument(
        "--no-neutralize",
        action="store_true",
        help="keep scheduled actions and outgoing mail as they were in the backup",
    )
    parser.add_argument(
        "--moved", action="store_true", help="keep the database identifier (not a copy)"
    )
    opts = parser.parse_args()

    if not os.path.isfile(opts.file):
        fail(f"{opts.file}: no such file")
    if not zipfile.is_zipfile(opts.file):
        fail(f"{opts.file} is not a zip file: not a backup in Odoo's format")
    with zipfile.ZipFile(opts.file) as archive:
        names = set(archive.namelist())
    if not {"dump.sql", "manifest.json"} <= names:
        fail(f"{opts.file} has no dump.sql and manifest.json: not a backup in Odoo's format")

    from odoo.service import db as odoo_db  # after the checks: Odoo is slow to load
    from odoo.tools import config

    config.parse_config(["-c", opts.config], setup_logging=True)
    # restore_db is a database-manager function, refused when list_db is off.
    config["list_db"] = True
    if odoo_db.exp_db_exist(opts.db):
        fail(f"the database {opts.db} already exists: choose another name, or drop it first")
    filestore = config.filestore(opts.db)
    if os.path.exists(filestore):
        fail(
            f"the filestore folder {filestore} already exists (left by a dropped database?):"
            " remove it or choose another name"
        )
    neutralize = not opts.no_neutralize
    try:
        odoo_db.restore_db(opts.db, opts.file, copy=not opts.moved, neutralize_database=neutralize)
    except Exception as error:
        odoo_db.exp_drop(opts.db)
        fail(f"restoring {opts.file} into {opts.db} failed: {error}")
    state = "neutralised" if neutralize else "NOT neutralised: crons and outgoing mail as backed up"
    print(f"restore: {opts.file} restored into {opts.db}, filestore {filestore}, {state}")


if __name__ == "__main__":
    main()
