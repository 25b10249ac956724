from psycopg2 import IntegrityError
from psycopg2.errors import SerializationFailure

from odoo import SUPERUSER_ID, Command, api, sql_db
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.crm_core.tests.common import MANAGER, SALESMAN


class DatabaseSnapshot:
    """What a test that commits must leave as it found it: the rows of every table,
    and the database's sequences. ``restore`` deletes the rows made since the
    snapshot, drops the sequences made since (those of new ``ir.sequence``
    records) and puts back the columns that setting up a loan writes on existing
    rows; ``changes`` names whatever still differs."""

    # existing rows written by the set-up: the loan picking types of the
    # warehouse, the digest that new users subscribe to
    WRITTEN = {
        "stock_warehouse": [
            "crm_loan_out_type_id",
            "crm_loan_in_type_id",
            "write_uid",
            "write_date",
        ],
        "digest_digest": ["write_uid", "write_date"],
    }

    def __init__(self, cr):
        self.sizes, self.sequences, self.checksums = self.measure(cr)
        self.written = {}
        for table, columns in self.WRITTEN.items():
            cr.execute(
                SQL(
                    "SELECT id, %s FROM %s",
                    SQL(", ").join(map(SQL.identifier, columns)),
                    SQL.identifier(table),
                )
            )
            self.written[table] = cr.fetchall()

    @staticmethod
    def measure(cr):
        cr.execute(
            """SELECT table_name, EXISTS(
                          SELECT FROM information_schema.columns c
                           WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                             AND c.column_name = 'id' AND c.data_type IN ('integer', 'bigint'))
                 FROM information_schema.tables t
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
             ORDER BY table_name"""
        )
        tables = cr.fetchall()
        cr.execute(
            SQL(" UNION ALL ").join(
                SQL(
                    "SELECT %s, %s, md5(COALESCE(string_agg(x::text, ',' ORDER BY x::text), ''))"
                    " FROM %s x",
                    table,
                    SQL("COALESCE(MAX(id), 0)") if has_id else SQL("NULL::int"),
                    SQL.identifier(table),
                )
                for table, has_id in tables
            )
        )
        sizes, checksums = {}, {}
        for table, size, checksum in cr.fetchall():
            if size is not None:
                sizes[table] = size
            checksums[table] = checksum
        cr.execute(
            "SELECT relname FROM pg_class"
            " WHERE relkind = 'S' AND relnamespace = current_schema()::regnamespace"
        )
        return sizes, {row[0] for row in cr.fetchall()}, checksums

    def restore(self, cr):
        sizes, sequences, _checksums = self.measure(cr)
        for sequence in sorted(sequences - self.sequences):
            cr.execute(SQL("DROP SEQUENCE %s", SQL.identifier(sequence)))
        grown = {table for table, size in sizes.items() if size > self.sizes.get(table, 0)}
        # Deleted in whatever order the foreign keys allow, cascades and set-nulls
        # included: a table refused now goes again once the others are done.
        pending = sorted(grown)
        while pending:
            refused = []
            for table in pending:
                try:
                    with cr.savepoint(flush=False):
                        cr.execute(
                            SQL(
                                "DELETE FROM %s WHERE id > %s",
                                SQL.identifier(table),
                                self.sizes.get(table, 0),
                            ),
                            log_exceptions=False,
                        )
                except IntegrityError:
                    refused.append(table)
            if refused == pending:
                raise AssertionError(f"The new rows of {refused} cannot be deleted")
            pending = refused
        for table, rows in self.written.items():
            columns = self.WRITTEN[table]
            for row_id, *values in rows:
                cr.execute(
                    SQL(
                        "UPDATE %s SET %s WHERE id = %s",
                        SQL.identifier(table),
                        SQL(", ").join(
                            SQL("%s = %s", SQL.identifier(column), value)
                            for column, value in zip(columns, values, strict=True)
                        ),
                        row_id,
                    )
                )

    def changes(self, cr):
        _sizes, sequences, checksums = self.measure(cr)
        changed = sorted(
            t
            for t in checksums.keys() | self.checksums.keys()
            if checksums.get(t) != self.checksums.get(t)
        )
        return changed, sorted(sequences ^ self.sequences)


@tagged("post_install", "-at_install")
class TestCrmLoanConcurrentSettlement(TransactionCase):
    """Two users settle the same outstanding units of a loan at once, each through
    their own database connection, on committed data: one return or conversion
    goes through, the other is refused."""

    def setUp(self):
        super().setUp()
        self.cursors = []
        self.admin_cr = self.new_cursor()
        self.snapshot = DatabaseSnapshot(self.admin_cr)
        self.admin_cr.rollback()
        self.addCleanup(self.cleanup)
        env = api.Environment(self.admin_cr, SUPERUSER_ID, {"tracking_disable": True})
        self.owner = new_test_user(env, login="loan_race_owner", groups=SALESMAN)
        self.manager = new_test_user(env, login="loan_race_manager", groups=MANAGER)
        customer = env["res.partner"].create({"name": "Loan Race Customer", "is_company": True})
        kit = env["product.product"].create(
            {"name": "Raced Kit", "is_storable": True, "standard_price": 8.0}
        )
        warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
        env["stock.quant"]._update_available_quantity(kit, warehouse.lot_stock_id, 10.0)
        loan = env["crm.loan"].create(
            {
                "partner_id": customer.id,
                "user_id": self.owner.id,
                "warehouse_id": warehouse.id,
                "line_ids": [Command.create({"product_id": kit.id, "product_uom_qty": 5})],
            }
        )
        loan.with_context(skip_validation_check=True).write({"state": "approved"})
        loan.action_ship()
        loan.picking_ids.move_ids.write({"quantity": 5, "picked": True})
        loan.picking_ids.button_validate()
        self.assertRecordValues(loan, [{"state": "shipped", "outstanding_qty": 5.0}])
        self.loan_id, self.line_id, self.kit_id = loan.id, loan.line_ids.id, kit.id
        self.loan_name, self.location_id = loan.name, loan.location_id.id
        self.admin_cr.commit()  # pylint: disable=invalid-commit

    def new_cursor(self):
        cr = sql_db.db_connect(self.env.cr.dbname).cursor()
        self.cursors.append(cr)
        return cr

    def cleanup(self):
        for cr in self.cursors[1:]:
            cr.rollback()
            cr.close()
        cr = self.admin_cr
        cr.rollback()
        self.snapshot.restore(cr)
        # removes what setUp and the test committed
        cr.commit()  # pylint: disable=invalid-commit
        changed = self.snapshot.changes(cr)
        cr.close()
        self.assertEqual(changed, ([], []), "the test left changes in the database")

    def env_of(self, user):
        return api.Environment(self.new_cursor(), user.id, {})

    def draft(self, env, model, qty, **values):
        """A draft return or conversion of ``qty`` units, committed like a form
        saved before its button is clicked."""
        document = env[model].create(
            {
                "loan_id": self.loan_id,
                "line_ids": [Command.create({"loan_line_id": self.line_id, "quantity": qty})],
                **values,
            }
        )
        env.cr.commit()  # pylint: disable=invalid-commit
        return document

    def assert_settled(self, returned, converted, done_returns, done_conversions):
        cr = self.new_cursor()
        cr.execute(
            """SELECT loaned_qty, returned_qty, converted_qty, outstanding_qty
                 FROM crm_loan_line WHERE id = %s""",
            [self.line_id],
        )
        self.assertEqual(cr.fetchall(), [(5.0, returned, converted, 5.0 - returned - converted)])
        cr.execute("SELECT state, outstanding_qty FROM crm_loan WHERE id = %s", [self.loan_id])
        self.assertEqual(cr.fetchall(), [("shipped", 5.0 - returned - converted)])
        for table, done in (
            ("crm_loan_return", done_returns),
            ("crm_loan_conversion", done_conversions),
        ):
            cr.execute(
                SQL(
                    "SELECT state, count(*) FROM %s WHERE loan_id = %s GROUP BY state",
                    SQL.identifier(table),
                    self.loan_id,
                )
            )
            self.assertEqual(dict(cr.fetchall()).get("done", 0), done, table)
        cr.execute(
            """SELECT crm_loan_kind, count(*) FROM stock_picking
                WHERE crm_loan_id = %s AND state = 'done' GROUP BY crm_loan_kind
             ORDER BY crm_loan_kind""",
            [self.loan_id],
        )
        kinds = [("ship", 1)]
        if done_returns:
            kinds.append(("return", done_returns))
        if done_conversions:
            kinds.append(("consume", done_conversions))
        self.assertEqual(cr.fetchall(), sorted(kinds))
        cr.execute(
            """SELECT COALESCE(SUM(quantity), 0) FROM stock_quant
                WHERE product_id = %s AND location_id = %s""",
            [self.kit_id, self.location_id],
        )
        self.assertEqual(cr.fetchone()[0], 5.0 - returned - converted)
        cr.rollback()

    def test_two_returns_at_once(self):
        env_1, env_2 = self.env_of(self.owner), self.env_of(self.manager)
        back_1 = self.draft(env_1, "crm.loan.return", 3)
        back_2 = self.draft(env_2, "crm.loan.return", 3)
        back_1.action_confirm()
        # the owner holds the lock on the loan's lines until their transaction commits
        with self.assertRaisesRegex(
            UserError,
            f"^Loan {self.loan_name} is being returned or converted by someone else right now",
        ):
            back_2.action_confirm()
        env_2.cr.rollback()
        env_1.cr.commit()  # pylint: disable=invalid-commit
        env_2.invalidate_all()
        with self.assertRaisesRegex(
            UserError,
            f"^Return {back_2.name} of loan {self.loan_name}: 3.0 Raced Kit is more than "
            "the 2.0 still outstanding",
        ):
            back_2.action_confirm()
        env_2.cr.rollback()
        self.assert_settled(returned=3.0, converted=0.0, done_returns=1, done_conversions=0)

    def test_conversion_against_a_return(self):
        env_1, env_2 = self.env_of(self.owner), self.env_of(self.manager)
        conversion = self.draft(env_1, "crm.loan.conversion", 3, kind="consume")
        back = self.draft(env_2, "crm.loan.return", 3)
        conversion.action_confirm()
        with self.assertRaisesRegex(UserError, "is being returned or converted by someone else"):
            back.action_confirm()
        env_2.cr.rollback()
        env_1.cr.commit()  # pylint: disable=invalid-commit
        env_2.invalidate_all()
        with self.assertRaisesRegex(UserError, "is more than the 2.0 still outstanding"):
            back.action_confirm()
        env_2.cr.rollback()
        self.assert_settled(returned=0.0, converted=3.0, done_returns=0, done_conversions=1)

    def test_return_committed_while_the_other_reads(self):
        env_1, env_2 = self.env_of(self.owner), self.env_of(self.manager)
        back_1 = self.draft(env_1, "crm.loan.return", 4)
        back_2 = self.draft(env_2, "crm.loan.return", 4)
        # the manager's transaction has read the loan with everything outstanding ...
        self.assertEqual(back_2.loan_id.outstanding_qty, 5.0)
        # ... when the owner's return commits
        back_1.action_confirm()
        env_1.cr.commit()  # pylint: disable=invalid-commit
        # the lock finds the line changed since: Odoo retries the request on this
        with self.assertRaises(SerializationFailure):
            back_2.action_confirm()
        env_2.cr.rollback()
        env_2.invalidate_all()
        # and the retry reads the settled quantity
        with self.assertRaisesRegex(UserError, "4.0 Raced Kit is more than the 1.0 still"):
            back_2.action_confirm()
        env_2.cr.rollback()
        self.assert_settled(returned=4.0, converted=0.0, done_returns=1, done_conversions=0)
