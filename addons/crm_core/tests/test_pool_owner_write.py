from odoo.exceptions import UserError
from odoo.tests import tagged

from .pool_common import CrmPoolCommon


@tagged("post_install", "-at_install")
class TestPoolOwnerWrite(CrmPoolCommon):
    """Writing the owner (the Salesperson field, an import, an RPC client) of pooled
    records: one write of crm.lead / res.partner, split by the pool's hook."""

    def test_leader_writes_owner_of_pooled_and_owned_leads(self):
        pooled, owned = self.pool_leads["t1"], self.leads["a"]
        (pooled | owned).with_user(self.leader_1).write(
            {"user_id": self.salesman_b.id, "description": "Yours"}
        )
        self.assertRecordValues(
            pooled | owned,
            [
                {"user_id": self.salesman_b.id, "pool_id": False, "description": "<p>Yours</p>"},
                {"user_id": self.salesman_b.id, "pool_id": False, "description": "<p>Yours</p>"},
            ],
        )
        self.assertRecordValues(
            self.logs_of(pooled),
            [
                {
                    "action": "assign",
                    "user_id": self.leader_1.id,
                    "from_pool_id": self.pool_1.id,
                    "to_user_id": self.salesman_b.id,
                }
            ],
        )
        # an owned record changing hands outside the pool keeps Odoo's plain write
        self.assertFalse(self.logs_of(owned))

    def test_refused_owner_write_changes_nothing(self):
        customer = self.pool_customers["t1"]
        with self.assertRaisesRegex(UserError, "^Salesman C is not a member of a team you lead"):
            customer.with_user(self.leader_1).write(
                {"user_id": self.salesman_c.id, "comment": "Taken"}
            )
        self.assertRecordValues(
            customer, [{"user_id": False, "pool_id": self.pool_1.id, "comment": False}]
        )
        self.assertFalse(self.logs_of(customer))

    def test_system_gives_pooled_customer_an_owner(self):
        # the superuser (a cron, a server action) takes the customer out of its pool
        # without the salesperson's checks and without a log
        customer = self.pool_customers["pub"]
        customer.sudo().write({"user_id": self.salesman_a.id})
        self.assertRecordValues(customer, [{"user_id": self.salesman_a.id, "pool_id": False}])
        self.assertFalse(self.logs_of(customer))

    def test_claim_writes_through_the_same_write(self):
        # the Claim button's write names pool_id: the hook lets it pass as it is, so the
        # claim is checked and logged once
        lead = self.pool_leads["pub"].with_user(self.salesman_c)
        lead.action_pool_claim()
        self.assertEqual(self.logs_of(lead).mapped("action"), ["claim"])
        self.assertRecordValues(lead, [{"user_id": self.salesman_c.id, "pool_id": False}])
