"""Odoo's own backup format, written streaming.

The file is what `odoo.service.db.dump_db(db, stream, "zip")` writes and
`odoo.service.db.restore_db` (and the database manager) reads: a zip with
`dump.sql` (plain `pg_dump --no-owner`), `manifest.json` (Odoo's
`dump_db_manifest`) and the filestore under `filestore/`. Odoo's `dump_db` cannot
serve here: it refuses to run when `list_db` is off (as in production), and it
copies the whole filestore into a temporary folder before zipping it. This writer
pipes pg_dump's output straight into the zip entry and adds the filestore files
from where they are, so it needs no temporary space beyond the archive itself.
"""

import json
import os
import shutil
import subprocess
import tempfile
import time
import zipfile

from odoo.service import db as odoo_db
from odoo.tools.misc import exec_pg_environ, find_pg_tool

CHUNK = 1024 * 1024
# Give up (and fail the run) rather than wait for ever behind a transaction that
# holds a table exclusively, such as a module update (milliseconds).
LOCK_WAIT = "--lock-wait-timeout=600000"
# Odoo's dump_db_manifest without its `list_db` guard: reading the manifest of the
# database we are connected to manages no database.
dump_db_manifest = getattr(odoo_db.dump_db_manifest, "__wrapped__", odoo_db.dump_db_manifest)


class BackupError(Exception):
    """pg_dump failed; the message is its own."""


def write_backup(cr, db_name, filestore, path):
    """Write the backup of `db_name` (to which `cr` is connected) with the files of
    the folder `filestore` into the new file `path`; raise on any failure, leaving
    `path` for the caller to remove."""
    manifest = dump_db_manifest(cr)
    with (
        tempfile.TemporaryFile() as errors,
        zipfile.ZipFile(path, "x", zipfile.ZIP_DEFLATED, allowZip64=True) as archive,
    ):
        archive.writestr("manifest.json", json.dumps(manifest, indent=4))
        # The dump first: its snapshot is taken when pg_dump starts, so every file an
        # attachment of the snapshot names already exists when the filestore is read
        # (the caller keeps the filestore's garbage collector out meanwhile).
        cmd = [find_pg_tool("pg_dump"), "--no-owner", LOCK_WAIT, db_name]
        with subprocess.Popen(
            cmd,
            env=exec_pg_environ(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
        ) as dump:
            entry_info = zipfile.ZipInfo("dump.sql", time.localtime()[:6])
            entry_info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(entry_info, "w", force_zip64=True) as entry:
                shutil.copyfileobj(dump.stdout, entry, CHUNK)
            returncode = dump.wait()
        if returncode:
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            raise BackupError(f"pg_dump exited with status {returncode}: {message}")
        if os.path.isdir(filestore):
            for folder, subfolders, files in os.walk(filestore):
                subfolders.sort()
                for name in sorted(files):
                    full = os.path.join(folder, name)
                    relative = os.path.relpath(full, filestore)
                    archive.write(full, f"filestore/{relative}")
