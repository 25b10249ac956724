from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from .pool_common import CrmPoolCommon


@tagged("post_install", "-at_install")
class TestPoolRecallLeads(CrmPoolCommon):
    """A recall writes the leads it moves in one UPDATE (models/pool/crm_lead.py):
    every stored field computed from the owner must still hold the value the ORM
    computes, on the leads and on their lines, and the queries must not grow with
    the number of leads recalled."""

    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.competitor = cls.env["crm.competitor"].create({"name": "Rival Widgets"})

    def make_opportunities(self, count, team, age=40):
        """Owned opportunities of ``team`` created ``age`` days ago, each with a product
        line and a competitor: lines whose stored fields follow the owner."""
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": f"Stale Opportunity {index}",
                    "type": "opportunity",
                    "user_id": self.salesman_a.id,
                    "team_id": team.id,
                    "partner_id": self.customers["a"].id,
                    "product_line_ids": [
                        Command.create({"product_id": self.product.id, "product_uom_qty": 3})
                    ],
                    "competition_ids": [Command.create({"competitor_id": self.competitor.id})],
                }
                for index in range(count)
            ]
        )
        leads.flush_recordset()
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id = ANY(%s)",
            (fields.Datetime.now() - timedelta(days=age), leads.ids),
        )
        leads.invalidate_recordset()
        return leads

    def make_rule(self, pool):
        return self.env["crm.pool.rule"].create(
            {
                "name": "Opportunities without follow-up",
                "resource_type": "opportunity",
                "condition": "no_followup",
                "days": 30,
                "warning_days": 7,
                "pool_id": pool.id,
            }
        )

    def owner_dependent_values(self, leads):
        """{(field, id): value} of every stored computed field reached from the lead's
        owner: on the leads, except those the recall keeps (the team's and the
        company's, _pool_release_stable_fields), and on the records pointing at them."""
        Lead = self.env["crm.lead"]
        stable = Lead._pool_release_stable_fields()
        targets = []

        def walk(tree, records):
            for field in tree.root:
                if field.store and field.compute and field not in stable:
                    targets.append((field, records))
            for inverse, subtree in tree.items():
                related = self.env[inverse.model_name].search([(inverse.name, "in", records.ids)])
                walk(subtree, related)

        walk(self.env.registry.get_field_trigger_tree(Lead._fields["user_id"]), leads)
        self.env.invalidate_all()
        return targets, {
            (field.name, record._name, record.id): record[field.name]
            for field, records in targets
            for record in records
        }

    def assert_recomputed_values_hold(self, leads):
        targets, stored = self.owner_dependent_values(leads)
        self.assertTrue(any(records._name == "crm.lead.product" for _f, records in targets))
        for field, records in targets:
            self.env.add_to_compute(field, records)
        self.env.flush_all()
        _targets, recomputed = self.owner_dependent_values(leads)
        self.assertEqual(recomputed, stored)

    def test_recall_keeps_the_team_and_clears_what_follows_the_owner(self):
        leads = self.make_opportunities(2, self.team_1)
        lines = leads.product_line_ids
        self.assertEqual(lines.mapped("user_id"), self.salesman_a)
        self.assertTrue(all(leads.mapped("date_open")))
        kept = leads.read(["team_id", "company_id", "stage_id", "probability"], load=None)
        self.assertEqual(kept[0]["team_id"], self.team_1.id)
        self.assertTrue(kept[0]["stage_id"])
        self.make_rule(self.pool_public)._apply_rules()
        self.assertRecordValues(
            leads,
            [
                dict(
                    before,
                    user_id=False,
                    pool_id=self.pool_public.id,
                    date_open=False,
                    day_open=0.0,
                    pool_assign_date=False,
                    pool_recall_date=False,
                    write_uid=self.env.uid,
                )
                for before in kept
            ],
        )
        self.assertRecordValues(
            lines, [{"user_id": False, "team_id": self.team_1.id, "product_uom_qty": 3}] * 2
        )
        self.assertFalse(leads.competition_ids.user_id)
        self.assertEqual(
            self.env["crm.pool.log"].search([("lead_id", "in", leads.ids)]).mapped("from_user_id"),
            self.salesman_a,
        )
        self.assert_recomputed_values_hold(leads)

    def test_recall_to_the_pool_of_another_team(self):
        # team_2's pool recalls only team_2's records; moved there, a lead of team_1
        # changes team, so its write goes through the ORM.
        kept = self.make_opportunities(1, self.team_2)
        self.make_rule(self.pool_2)._apply_rules()
        self.assertRecordValues(
            kept, [{"user_id": False, "pool_id": self.pool_2.id, "team_id": self.team_2.id}]
        )
        self.assert_recomputed_values_hold(kept)
        moved = self.make_opportunities(1, self.team_1)
        moved._pool_put(self.pool_2, "recall", reason="test")
        self.assertRecordValues(
            moved, [{"user_id": False, "pool_id": self.pool_2.id, "team_id": self.team_2.id}]
        )
        self.assertEqual(moved.product_line_ids.team_id, self.team_2)
        self.assert_recomputed_values_hold(moved)

    def test_query_count_does_not_grow_with_leads(self):
        rule = self.make_rule(self.pool_public)
        counts = []
        # the first run fills caches; each run starts from the same state
        for size in (1, 4, 12):
            self.env.flush_all()
            self.env.cr.execute("SAVEPOINT pool_lead_query_count")
            leads = self.make_opportunities(size, self.team_1)
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            rule._apply_rules()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertFalse(leads.user_id)
            self.assertFalse(leads.product_line_ids.user_id)
            self.env.cr.execute("ROLLBACK TO SAVEPOINT pool_lead_query_count")
            self.env.invalidate_all()
        self.assertEqual(counts[1], counts[2])
