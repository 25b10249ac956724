from odoo import SUPERUSER_ID, api, sql_db
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import SALESMAN


@tagged("post_install", "-at_install")
class TestPoolConcurrentClaim(TransactionCase):
    """Two salespeople claim the same pooled lead at once, each through their own
    database connection, on committed data."""

    def setUp(self):
        super().setUp()
        dbname = self.env.cr.dbname
        self.cursors = []
        self.admin_cr = self.new_cursor(dbname)
        admin_env = api.Environment(self.admin_cr, SUPERUSER_ID, {"tracking_disable": True})
        self.user_1 = new_test_user(admin_env, login="pool_race_1", groups=SALESMAN)
        self.user_2 = new_test_user(admin_env, login="pool_race_2", groups=SALESMAN)
        pool = admin_env["crm.pool"]._get_public_pool(admin_env.company)
        self.lead = admin_env["crm.lead"].create(
            {"name": "Raced Lead", "user_id": False, "pool_id": pool.id}
        )
        self.pool_id = pool.id
        self.admin_cr.commit()
        self.addCleanup(self.cleanup)

    def new_cursor(self, dbname):
        cr = sql_db.db_connect(dbname).cursor()
        self.cursors.append(cr)
        return cr

    def cleanup(self):
        cr = self.admin_cr
        cr.rollback()
        for other in self.cursors[1:]:
            other.rollback()
            other.close()
        env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
        lead = env["crm.lead"].browse(self.lead.id)
        env["crm.pool.log"].search([("lead_id", "=", lead.id)]).unlink()
        lead.unlink()
        users = env["res.users"].browse([self.user_1.id, self.user_2.id])
        partners = users.partner_id
        users.unlink()
        partners.unlink()
        # removes what setUp committed
        cr.commit()  # pylint: disable=invalid-commit
        cr.close()

    def env_of(self, user):
        cr = self.new_cursor(self.env.cr.dbname)
        return api.Environment(cr, user.id, {})

    def test_lock_held_by_the_other_claim(self):
        env_1, env_2 = self.env_of(self.user_1), self.env_of(self.user_2)
        env_1["crm.lead"].browse(self.lead.id).action_pool_claim()
        # user_1 holds the row lock until their transaction commits
        with self.assertRaisesRegex(UserError, "^Raced Lead is being claimed by someone else"):
            env_2["crm.lead"].browse(self.lead.id).action_pool_claim()
        env_2.cr.rollback()
        env_1.cr.commit()
        env_2.invalidate_all()
        with self.assertRaisesRegex(UserError, "^Raced Lead was just claimed by someone else"):
            env_2["crm.lead"].browse(self.lead.id).action_pool_claim()
        env_2.cr.rollback()
        self.assert_owner(self.user_1, claims=1)

    def test_other_claim_committed_meanwhile(self):
        env_1, env_2 = self.env_of(self.user_1), self.env_of(self.user_2)
        lead_2 = env_2["crm.lead"].browse(self.lead.id)
        # user_2's transaction sees the lead unowned ...
        self.assertFalse(lead_2.user_id)
        # ... while user_1 claims it and commits
        env_1["crm.lead"].browse(self.lead.id).action_pool_claim()
        env_1.cr.commit()
        with self.assertRaisesRegex(UserError, "^Raced Lead was just claimed by someone else"):
            lead_2.action_pool_claim()
        env_2.cr.rollback()
        self.assert_owner(self.user_1, claims=1)

    def assert_owner(self, user, claims):
        cr = self.new_cursor(self.env.cr.dbname)
        cr.execute("SELECT user_id, pool_id FROM crm_lead WHERE id = %s", [self.lead.id])
        self.assertEqual(cr.fetchall(), [(user.id, None)])
        cr.execute(
            "SELECT count(*) FROM crm_pool_log WHERE lead_id = %s AND action = 'claim'",
            [self.lead.id],
        )
        self.assertEqual(cr.fetchone()[0], claims)
        cr.rollback()
