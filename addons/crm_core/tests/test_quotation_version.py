from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged, users

from .common import CrmCoreCommon


@tagged("post_install", "-at_install")
class TestQuotationVersion(CrmCoreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.leads["a"]
        cls.lead.type = "opportunity"
        cls.order = cls.orders["a"]
        cls.order.write(
            {
                "opportunity_id": cls.lead.id,
                "order_line": [
                    Command.clear(),
                    Command.create(
                        {"product_id": cls.product.id, "product_uom_qty": 2, "price_unit": 12}
                    ),
                ],
            }
        )
        cls.name = cls.order.name

    @users("salesman_a")
    def test_new_version_keeps_a_snapshot(self):
        order = self.order.with_env(self.env)
        order.action_new_version()
        snapshot = order.version_ids - order
        self.assertRecordValues(
            snapshot,
            [
                {
                    "name": f"{self.name}-v1",
                    "version": 1,
                    "version_state": "superseded",
                    "version_root_id": order.id,
                    "opportunity_id": self.lead.id,
                    "partner_id": self.customers["a"].id,
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                    "state": "draft",
                    "amount_untaxed": 24.0,
                }
            ],
        )
        self.assertRecordValues(
            snapshot.order_line,
            [{"product_id": self.product.id, "product_uom_qty": 2.0, "price_unit": 12.0}],
        )
        self.assertRecordValues(
            order,
            [
                {
                    "name": self.name,
                    "version": 2,
                    "version_state": "current",
                    "version_root_id": order.id,
                    "version_count": 2,
                    "version_label": "v2",
                    "can_be_versioned": True,
                }
            ],
        )
        self.assertIn(f"{self.name}-v1", order.message_ids[0].body)
        # The live quotation stays editable.
        order.order_line.write({"product_uom_qty": 3, "price_unit": 12})
        self.assertEqual(order.amount_untaxed, 36.0)

        order.action_new_version()
        versions = order.version_ids.sorted("version")
        self.assertRecordValues(
            versions,
            [
                {"name": f"{self.name}-v1", "version": 1, "version_state": "superseded"},
                {"name": f"{self.name}-v2", "version": 2, "version_state": "superseded"},
                {"name": self.name, "version": 3, "version_state": "current"},
            ],
        )
        self.assertEqual(versions[1].amount_untaxed, 36.0)
        self.assertEqual(versions[0].version_ids, versions)
        # Saved versions are part of the live quotation: the opportunity counts one.
        self.assertEqual(self.lead.with_env(self.env).quotation_count, 1)
        action = self.lead.with_env(self.env).action_view_sale_quotation()
        self.assertEqual(action["res_id"], order.id)

    @users("salesman_a")
    def test_snapshot_is_read_only(self):
        order = self.order.with_env(self.env)
        order.action_new_version()
        snapshot = order.version_ids - order
        with self.assertRaisesRegex(UserError, f"{self.name}-v1 is a read-only version"):
            snapshot.write({"note": "Changed"})
        with self.assertRaisesRegex(UserError, f"{self.name}-v1 is a read-only version"):
            snapshot.action_quotation_sent()
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            snapshot.order_line.product_uom_qty = 5
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            self.env["sale.order.line"].create(
                {"order_id": snapshot.id, "product_id": self.product.id}
            )
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            snapshot.order_line.unlink()
        with self.assertRaisesRegex(UserError, "only the live quotation gets a new version"):
            snapshot.action_new_version()
        self.assertRecordValues(snapshot.order_line, [{"product_uom_qty": 2.0, "price_unit": 12.0}])

    @users("salesman_a")
    def test_new_version_needs_an_open_quotation(self):
        order = self.order.with_env(self.env)
        order.action_confirm()
        with self.assertRaisesRegex(UserError, "is confirmed or cancelled"):
            order.action_new_version()
        order.action_cancel()
        with self.assertRaisesRegex(UserError, "is confirmed or cancelled"):
            order.action_new_version()
        self.assertEqual(order.version_count, 1)

    @users("salesman_a")
    def test_confirm_snapshot_makes_others_obsolete(self):
        order = self.order.with_env(self.env)
        order.action_new_version()
        order.action_quotation_sent()
        order.action_new_version()
        v1, v2, live = order.version_ids.sorted("version")
        # The customer accepted the first version.
        v1.action_confirm()
        self.assertRecordValues(
            v1 | v2 | live,
            [
                {"version_state": "current", "state": "sale"},
                {"version_state": "obsolete", "state": "cancel"},
                {"version_state": "obsolete", "state": "cancel"},
            ],
        )
        self.assertEqual(self.lead.with_env(self.env).sale_order_count, 1)
        self.assertEqual(self.lead.with_env(self.env).quotation_count, 0)
        with self.assertRaisesRegex(UserError, f"{self.name} is obsolete"):
            live.action_confirm()
        with self.assertRaisesRegex(UserError, "is a read-only version"):
            live.action_draft()
        with self.assertRaisesRegex(UserError, f"{self.name} is obsolete"):
            live.action_new_version()

    @users("salesman_a")
    def test_confirm_live_makes_snapshots_obsolete(self):
        order = self.order.with_env(self.env)
        order.action_new_version()
        snapshot = order.version_ids - order
        order.action_confirm()
        self.assertRecordValues(
            snapshot | order,
            [
                {"version_state": "obsolete", "state": "cancel"},
                {"version_state": "current", "state": "sale"},
            ],
        )
        with self.assertRaisesRegex(UserError, f"{self.name}-v1 is obsolete"):
            snapshot.action_confirm()

    def test_confirm_two_versions_at_once(self):
        order = self.order
        order.action_new_version()
        with self.assertRaisesRegex(UserError, "only one version of the same quotation"):
            order.version_ids.action_confirm()
        self.assertEqual(set(order.version_ids.mapped("state")), {"draft"})

    def test_access_per_role(self):
        order = self.order
        with self.assertRaises(AccessError):
            order.with_user(self.salesman_c).action_new_version()
        # The team leader works on the quotations of the team.
        order.with_user(self.leader_1).action_new_version()
        snapshot = order.version_ids - order
        self.assertEqual(snapshot.with_user(self.salesman_a).name, f"{self.name}-v1")
        self.assertEqual(
            self.env["sale.order"]
            .with_user(self.salesman_c)
            .search([("id", "in", (order | snapshot).ids)]),
            self.env["sale.order"],
        )
        self.assertEqual(
            self.env["sale.order"]
            .with_user(self.leader_2)
            .search([("id", "in", (order | snapshot).ids)]),
            self.env["sale.order"],
        )
        self.assertEqual(
            self.env["sale.order"]
            .with_user(self.manager)
            .search([("id", "in", (order | snapshot).ids)]),
            order | snapshot,
        )

    def test_versions_are_not_deleted(self):
        order = self.order
        order.action_new_version()
        snapshot = order.version_ids - order
        with self.assertRaisesRegex(UserError, f"{self.name}-v1 is one of several versions"):
            snapshot.unlink()
        with self.assertRaisesRegex(UserError, f"{self.name} is one of several versions"):
            order.unlink()
        self.assertEqual(len(order.version_ids.exists()), 2)

    def test_snapshot_follows_its_owner(self):
        self.order.action_new_version()
        # A work handover moves the whole family, saved versions included.
        self.order.version_ids.write({"user_id": self.salesman_b.id})
        self.assertEqual(self.order.version_ids.user_id, self.salesman_b)
        with self.assertRaisesRegex(UserError, "is a read-only version"):
            self.order.version_ids.write({"version_state": "current"})

    def test_customer_signs_a_saved_version(self):
        self.order.action_new_version()
        snapshot = self.order.version_ids - self.order
        snapshot.write({"signed_by": "Matrix Buyer"})
        snapshot.action_confirm()
        self.assertRecordValues(
            snapshot | self.order,
            [
                {"signed_by": "Matrix Buyer", "version_state": "current", "state": "sale"},
                {"signed_by": False, "version_state": "obsolete", "state": "cancel"},
            ],
        )

    def test_refused_confirmation_changes_nothing(self):
        self.order.action_new_version()
        snapshot = self.order.version_ids - self.order
        snapshot.with_context(crm_version_write=True).order_line = [
            Command.create({"name": "No product", "product_id": False, "price_unit": 1})
        ]
        with self.assertRaisesRegex(UserError, "missing a product"):
            snapshot.action_confirm()
        self.assertRecordValues(
            snapshot | self.order,
            [
                {"version_state": "superseded", "state": "draft"},
                {"version_state": "current", "state": "draft"},
            ],
        )
