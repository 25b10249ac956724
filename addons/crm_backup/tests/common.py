import hashlib
import os
import shutil
import tempfile

from odoo.tests import TransactionCase

RUN_LOGGER = "odoo.addons.crm_backup.models.crm_backup_run"


def content(size, seed):
    """`size` bytes that do not compress, the same on every run."""
    out = bytearray()
    block = seed.encode()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block
    return bytes(out[:size])


class BackupCase(TransactionCase):
    """Each test backs up into a folder of its own, removed afterwards. pg_dump reads
    the database from another connection, so it sees what is committed (the schema,
    the data of the install), never this test's records; the filestore files of the
    test's attachments are written at once, and are in the backup."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Run = cls.env["crm.backup.run"]
        cls.db_name = cls.env.cr.dbname

    def setUp(self):
        super().setUp()
        self.folder = tempfile.mkdtemp(prefix="crm_backup_test_")
        self.addCleanup(shutil.rmtree, self.folder, ignore_errors=True)
        self.env["ir.config_parameter"].set_param("crm_backup.folder", self.folder)

    def failing_pg_dump(self):
        """A pg_dump that writes the start of a dump, then fails as pg_dump does."""
        script = os.path.join(self.folder, "..", f"{os.path.basename(self.folder)}_pg_dump")
        with open(script, "w") as file:
            file.write(
                "#!/bin/sh\n"
                "echo '-- PostgreSQL database dump'\n"
                "echo 'CREATE TABLE public.half_written (id integer);'\n"
                "echo 'pg_dump: error: connection to server failed: FATAL: too many clients' >&2\n"
                "exit 1\n"
            )
        os.chmod(script, 0o755)
        self.addCleanup(os.unlink, script)
        return os.path.normpath(script)
