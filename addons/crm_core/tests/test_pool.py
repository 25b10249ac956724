from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .pool_common import CrmPoolCommon


@tagged("post_install", "-at_install")
class TestPoolSetup(CrmPoolCommon):
    def test_pools_created_for_company_and_teams(self):
        self.assertTrue(self.pool_public.is_public)
        self.assertFalse(self.pool_public.team_id)
        self.assertEqual(len(self.pool_1), 1)
        self.assertFalse(self.pool_1.is_public)
        team = self.env["crm.team"].create({"name": "Team Three"})
        self.assertEqual(team.pool_ids.name, "Team Three Pool")
        company = self.env["res.company"].create({"name": "Pool Company B"})
        public = self.env["crm.pool"]._get_public_pool(company)
        self.assertEqual(public.company_id, company)
        # running it again creates nothing
        self.assertFalse(self.env["crm.pool"]._ensure_pools())

    def test_pool_counts(self):
        self.assertRecordValues(
            self.pool_1,
            [{"customer_count": 1, "lead_count": 1, "opportunity_count": 1}],
        )

    def test_pooled_record_cannot_have_owner(self):
        with self.assertRaisesRegex(ValidationError, "cannot be in the pool"):
            self.env["crm.lead"].create(
                {"name": "Both", "user_id": self.salesman_a.id, "pool_id": self.pool_1.id}
            )


@tagged("post_install", "-at_install")
class TestPoolClaim(CrmPoolCommon):
    def test_claim_customer(self):
        customer = self.pool_customers["t1"].with_user(self.salesman_a)
        customer.action_pool_claim()
        self.assertRecordValues(
            customer,
            [{"user_id": self.salesman_a.id, "pool_id": False, "pool_recall_date": False}],
        )
        self.assertTrue(customer.pool_assign_date)
        self.assertRecordValues(
            self.logs_of(customer),
            [
                {
                    "action": "claim",
                    "resource_type": "customer",
                    "user_id": self.salesman_a.id,
                    "from_user_id": False,
                    "to_user_id": self.salesman_a.id,
                    "from_pool_id": self.pool_1.id,
                    "to_pool_id": False,
                    "reason": False,
                }
            ],
        )
        self.assertEqual(self.logs_of(customer).record_name, "Pooled Customer t1")

    def test_claim_by_writing_the_owner(self):
        lead = self.pool_leads["pub"].with_user(self.salesman_c)
        lead.write({"user_id": self.salesman_c.id, "description": "Mine now"})
        self.assertRecordValues(
            lead,
            [{"user_id": self.salesman_c.id, "pool_id": False, "description": "<p>Mine now</p>"}],
        )
        self.assertEqual(self.logs_of(lead).action, "claim")
        self.assertEqual(self.logs_of(lead).resource_type, "lead")

    def test_claim_owned_record(self):
        with self.assertRaisesRegex(
            UserError, r"^Matrix Customer a is already owned by Salesman A\.$"
        ):
            self.customers["a"].with_user(self.salesman_a).action_pool_claim()
        self.pool_opportunities["t1"].with_user(self.salesman_a).action_pool_claim()
        with self.assertRaisesRegex(UserError, "is already owned by Salesman A"):
            self.pool_opportunities["t1"].with_user(self.leader_1).action_pool_claim()

    def test_claim_record_outside_pools(self):
        with self.assertRaisesRegex(UserError, r"^Matrix Lead pool is not in a resource pool\.$"):
            self.leads["pool"].with_user(self.salesman_a).action_pool_claim()

    def test_claim_contact(self):
        contact = self.env["res.partner"].create(
            {"name": "Pool Contact", "parent_id": self.pool_customers["pub"].id}
        )
        with self.assertRaisesRegex(UserError, "is a contact; claim or release its company"):
            contact.with_user(self.salesman_a).action_pool_claim()


@tagged("post_install", "-at_install")
class TestPoolQuota(CrmPoolCommon):
    def test_company_default_and_user_override(self):
        Quota = self.env["crm.pool.quota"]
        Quota.create({"resource_type": "customer", "quota": 1})
        customer = self.pool_customers["pub"].with_user(self.salesman_a)
        # salesman_a already holds "Matrix Customer a"
        with self.assertRaises(UserError) as caught:
            customer.action_pool_claim()
        self.assertEqual(
            str(caught.exception),
            "Quota reached: Salesman A may hold at most 1 customers and already holds 1.",
        )
        self.assertFalse(customer.user_id)
        self.assertFalse(self.logs_of(customer))
        Quota.create({"resource_type": "customer", "quota": 2, "user_id": self.salesman_a.id})
        customer.action_pool_claim()
        self.assertEqual(customer.user_id, self.salesman_a)
        with self.assertRaisesRegex(
            UserError, r"may hold at most 2 customers and already holds 2\.$"
        ):
            self.pool_customers["t1"].with_user(self.salesman_a).action_pool_claim()
        # other types stay unlimited, other users follow the default
        self.pool_leads["t1"].with_user(self.salesman_a).action_pool_claim()
        with self.assertRaisesRegex(UserError, "Salesman B may hold at most 1 customers"):
            self.pool_customers["t1"].with_user(self.salesman_b).action_pool_claim()

    def test_quota_applies_to_direct_write_and_assignment(self):
        self.env["crm.pool.quota"].create(
            {"resource_type": "opportunity", "quota": 1, "user_id": self.salesman_b.id}
        )
        self.env["crm.lead"].create(
            {"name": "B's opportunity", "type": "opportunity", "user_id": self.salesman_b.id}
        )
        with self.assertRaisesRegex(UserError, "Salesman B may hold at most 1 opportunities"):
            self.pool_opportunities["t1"].with_user(self.salesman_b).write(
                {"user_id": self.salesman_b.id}
            )
        with self.assertRaisesRegex(UserError, "Salesman B may hold at most 1 opportunities"):
            self.pool_opportunities["t1"].with_user(self.leader_1)._pool_assign(self.salesman_b)
        self.assertFalse(self.pool_opportunities["t1"].user_id)

    def test_quota_must_be_positive(self):
        for quota in (0, -3):
            with (
                self.subTest(quota=quota),
                self.assertRaisesRegex(ValidationError, "A quota must be at least 1"),
                self.env.cr.savepoint(),
            ):
                self.env["crm.pool.quota"].create({"resource_type": "lead", "quota": quota})


@tagged("post_install", "-at_install")
class TestPoolReleaseAssign(CrmPoolCommon):
    def test_release_to_team_pool_and_public_pool(self):
        customer = self.customers["a"].with_user(self.salesman_a)
        customer._pool_release(self.pool_1, "No budget this year")
        self.assertRecordValues(
            customer,
            [{"user_id": False, "pool_id": self.pool_1.id, "team_id": self.team_1.id}],
        )
        self.assertRecordValues(
            self.logs_of(customer),
            [
                {
                    "action": "release",
                    "user_id": self.salesman_a.id,
                    "from_user_id": self.salesman_a.id,
                    "to_user_id": False,
                    "from_pool_id": False,
                    "to_pool_id": self.pool_1.id,
                    "reason": "No budget this year",
                }
            ],
        )
        lead = self.leads["a"].with_user(self.salesman_a)
        lead._pool_release(self.pool_public, "Wrong region")
        self.assertRecordValues(lead, [{"user_id": False, "pool_id": self.pool_public.id}])

    def test_release_refusals(self):
        with self.assertRaisesRegex(UserError, "cannot be released to Team Two Pool"):
            self.leads["a"].with_user(self.salesman_a)._pool_release(self.pool_2, "Why not")
        with self.assertRaisesRegex(UserError, "has no owner to release it"):
            self.pool_leads["t1"].with_user(self.salesman_a)._pool_release(self.pool_1, "x")
        with self.assertRaises(AccessError):
            self.leads["b"].with_user(self.salesman_a)._pool_release(self.pool_1, "x")

    def test_release_wizard(self):
        wizard = (
            self.env["crm.pool.release"]
            .with_user(self.salesman_a)
            .create({"res_model": "crm.lead", "res_ids": str(self.leads["a"].id)})
        )
        self.assertEqual(wizard.allowed_pool_ids, self.pool_public | self.pool_1)
        self.assertEqual(wizard.pool_id, self.pool_1)
        with self.assertRaisesRegex(UserError, "Say why these records go back to a pool"):
            wizard.action_release()
        wizard.reason = "  Moving on  "
        wizard.action_release()
        self.assertEqual(self.leads["a"].pool_id, self.pool_1)
        self.assertEqual(self.logs_of(self.leads["a"]).reason, "Moving on")

    def test_release_wizard_defaults_to_the_pool_it_came_from(self):
        customer = self.pool_customers["pub"].with_user(self.salesman_a)
        customer.action_pool_claim()
        wizard = (
            self.env["crm.pool.release"]
            .with_user(self.salesman_a)
            .create({"res_model": "res.partner", "res_ids": str(customer.id)})
        )
        self.assertEqual(wizard.pool_id, self.pool_public)
        self.assertEqual(wizard.destination, "1 record(s) will go to Public Pool.")
        wizard.pool_id = self.pool_1
        self.assertEqual(wizard.destination, "1 record(s) will go to Team One Pool.")

    def test_release_to_another_company_pool(self):
        company_b = self.env["res.company"].create({"name": "Pool Company B"})
        pool_b = self.env["crm.pool"]._get_public_pool(company_b)
        message = (
            f"^{self.leads['a'].name} cannot be released to {pool_b.name}: that pool "
            "belongs to Pool Company B.$"
        )
        lead = self.leads["a"].with_user(self.salesman_a)
        with self.assertRaisesRegex(UserError, message):
            lead._pool_release(lead.env["crm.pool"].browse(pool_b.id), "x")
        wizard = (
            self.env["crm.pool.release"]
            .with_user(self.salesman_a)
            .create({"res_model": "crm.lead", "res_ids": str(lead.id), "reason": "x"})
        )
        wizard.write({"pool_id": pool_b.id})
        with self.assertRaisesRegex(UserError, message):
            wizard.action_release()
        self.assertRecordValues(lead, [{"user_id": self.salesman_a.id, "pool_id": False}])

    def test_leader_recall_and_reclaim_block(self):
        customer = self.customers["a"]
        customer.with_user(self.leader_1)._pool_release(self.pool_1, "Not followed")
        log = self.logs_of(customer)
        self.assertRecordValues(
            log,
            [
                {
                    "action": "recall",
                    "user_id": self.leader_1.id,
                    "from_user_id": self.salesman_a.id,
                    "to_pool_id": self.pool_1.id,
                }
            ],
        )
        with self.assertRaisesRegex(
            UserError,
            r"was recalled from Salesman A on \d{4}-\d\d-\d\d; it cannot be claimed back by"
            r" them before \d{4}-\d\d-\d\d\.$",
        ):
            customer.with_user(self.salesman_a).action_pool_claim()
        self.env.company.pool_reclaim_days = 0
        customer.with_user(self.salesman_a).action_pool_claim()
        self.assertEqual(customer.user_id, self.salesman_a)

    def test_reclaim_block_leaves_others_free(self):
        customer = self.customers["a"]
        customer.with_user(self.leader_1)._pool_release(self.pool_1, "Not followed")
        customer.with_user(self.salesman_b).action_pool_claim()
        self.assertEqual(customer.user_id, self.salesman_b)

    def test_assign(self):
        opportunity = self.pool_opportunities["t1"]
        wizard = (
            self.env["crm.pool.assign"]
            .with_user(self.leader_1)
            .create(
                {
                    "res_model": "crm.lead",
                    "res_ids": str(opportunity.id),
                    "user_id": self.salesman_b.id,
                    "reason": "Knows the customer",
                }
            )
        )
        wizard.action_assign()
        self.assertRecordValues(opportunity, [{"user_id": self.salesman_b.id, "pool_id": False}])
        self.assertRecordValues(
            self.logs_of(opportunity),
            [
                {
                    "action": "assign",
                    "user_id": self.leader_1.id,
                    "to_user_id": self.salesman_b.id,
                    "from_pool_id": self.pool_1.id,
                    "reason": "Knows the customer",
                }
            ],
        )
        # reassigning an owned record is an assignment from the previous owner
        opportunity.with_user(self.leader_1)._pool_assign(self.salesman_a)
        self.assertEqual(self.logs_of(opportunity)[-1].from_user_id, self.salesman_b)
        self.assertEqual(opportunity.user_id, self.salesman_a)

    def test_assign_refusals(self):
        lead = self.pool_leads["t1"]
        with self.assertRaisesRegex(UserError, "^Only team leaders and sales managers may assign"):
            lead.with_user(self.salesman_a)._pool_assign(self.salesman_b)
        with self.assertRaisesRegex(UserError, "^Only team leaders and sales managers may assign"):
            lead.with_user(self.salesman_a).write({"user_id": self.salesman_b.id})
        with self.assertRaisesRegex(UserError, "^Salesman C is not a member of a team you lead"):
            lead.with_user(self.leader_1)._pool_assign(self.salesman_c)
        with self.assertRaisesRegex(UserError, "^Choose the salesperson to assign to"):
            lead.with_user(self.leader_1)._pool_assign(self.env["res.users"])
        self.assertFalse(lead.user_id)
        # the manager may assign across teams
        lead.with_user(self.manager)._pool_assign(self.salesman_c)
        self.assertEqual(lead.user_id, self.salesman_c)

    def test_records_outside_pools_keep_odoo_behaviour(self):
        # an unowned lead outside any pool is taken without pool checks or logs
        self.leads["pool"].with_user(self.salesman_a).write({"user_id": self.salesman_a.id})
        self.assertEqual(self.leads["pool"].user_id, self.salesman_a)
        self.assertFalse(self.logs_of(self.leads["pool"]))


@tagged("post_install", "-at_install")
class TestPoolBadInputs(CrmPoolCommon):
    def rule_vals(self, **vals):
        return {
            "name": "Stale customers",
            "resource_type": "customer",
            "condition": "no_followup",
            "days": 30,
            "warning_days": 5,
            "pool_id": self.pool_public.id,
            **vals,
        }

    def test_rule_without_target(self):
        Rule = self.env["crm.pool.rule"]
        with self.assertRaisesRegex(
            ValidationError, "^The recall rule Stale customers needs a target pool.$"
        ):
            Rule.create(self.rule_vals(pool_id=False))
        rule = Rule.create(self.rule_vals())
        with self.assertRaisesRegex(ValidationError, "needs a target pool"):
            rule.pool_id = False

    def test_rule_days(self):
        Rule = self.env["crm.pool.rule"]
        for vals in ({"days": -5}, {"days": 0}, {"warning_days": -1}):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(ValidationError, "needs at least 1 day before a recall"),
            ):
                Rule.create(self.rule_vals(**vals))
        with self.assertRaisesRegex(ValidationError, "the warning must come less than 30 days"):
            Rule.create(self.rule_vals(warning_days=30))
        with self.assertRaisesRegex(ValidationError, "customers have no stages"):
            Rule.create(self.rule_vals(condition="no_stage"))

    def test_negative_reclaim_days(self):
        with self.assertRaisesRegex(ValidationError, "negative number of days"):
            self.env.company.pool_reclaim_days = -1
