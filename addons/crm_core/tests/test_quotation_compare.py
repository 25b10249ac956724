from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged, users

from .common import CrmCoreCommon


@tagged("post_install", "-at_install")
class TestQuotationCompare(CrmCoreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.p_keep = Product.create({"name": "Keep Widget", "list_price": 10})
        cls.p_drop = Product.create({"name": "Drop Widget", "list_price": 20})
        cls.p_disc = Product.create({"name": "Disc Widget", "list_price": 5})
        cls.p_same = Product.create({"name": "Same Widget", "list_price": 7})
        cls.p_twin = Product.create({"name": "Twin Widget", "list_price": 3})
        cls.p_new = Product.create({"name": "New Widget", "list_price": 50})
        cls.order = cls.orders["a"]

        def line(product, qty, price, name=None, discount=0.0):
            vals = {
                "product_id": product.id,
                "product_uom_qty": qty,
                "price_unit": price,
                "discount": discount,
            }
            if name:
                vals["name"] = name
            return Command.create(vals)

        cls.order.order_line = [
            Command.clear(),
            line(cls.p_keep, 1, 10),
            line(cls.p_drop, 2, 20),
            line(cls.p_disc, 1, 5),
            line(cls.p_same, 4, 7),
            line(cls.p_twin, 1, 3, name="Twin red"),
            line(cls.p_twin, 1, 3, name="Twin blue"),
        ]
        cls.order.action_new_version()
        cls.snapshot = cls.order.version_ids - cls.order
        lines = {sol.name: sol for sol in cls.order.order_line}
        lines["Keep Widget"].product_uom_qty = 3
        lines["Drop Widget"].unlink()
        lines["Disc Widget"].discount = 10
        lines["Twin blue"].price_unit = 2.5
        cls.order.order_line = [line(cls.p_new, 1, 50)]

    @users("salesman_a")
    def test_compare_added_removed_changed(self):
        action = self.order.with_env(self.env).action_compare_versions()
        wizard = self.env["crm.quotation.compare"].browse(action["res_id"])
        self.assertRecordValues(
            wizard, [{"old_order_id": self.snapshot.id, "new_order_id": self.order.id}]
        )
        self.assertRecordValues(
            wizard.line_ids,
            [
                {
                    "change": "changed",
                    "product_id": self.p_keep.id,
                    "old_qty": 1.0,
                    "new_qty": 3.0,
                    "old_price_unit": 10.0,
                    "new_price_unit": 10.0,
                    "old_discount": 0.0,
                    "new_discount": 0.0,
                },
                {
                    "change": "changed",
                    "product_id": self.p_disc.id,
                    "old_qty": 1.0,
                    "new_qty": 1.0,
                    "old_price_unit": 5.0,
                    "new_price_unit": 5.0,
                    "old_discount": 0.0,
                    "new_discount": 10.0,
                },
                {
                    "change": "changed",
                    "product_id": self.p_twin.id,
                    "old_qty": 1.0,
                    "new_qty": 1.0,
                    "old_price_unit": 3.0,
                    "new_price_unit": 2.5,
                    "old_discount": 0.0,
                    "new_discount": 0.0,
                },
                {
                    "change": "added",
                    "product_id": self.p_new.id,
                    "old_qty": 0.0,
                    "new_qty": 1.0,
                    "old_price_unit": 0.0,
                    "new_price_unit": 50.0,
                    "old_discount": 0.0,
                    "new_discount": 0.0,
                },
                {
                    "change": "removed",
                    "product_id": self.p_drop.id,
                    "old_qty": 2.0,
                    "new_qty": 0.0,
                    "old_price_unit": 20.0,
                    "new_price_unit": 0.0,
                    "old_discount": 0.0,
                    "new_discount": 0.0,
                },
            ],
        )

        self.assertEqual(wizard.line_ids[2].name, "Twin blue")

    @users("salesman_a")
    def test_compare_from_snapshot_and_swap(self):
        snapshot = self.snapshot.with_env(self.env)
        action = snapshot.action_compare_versions()
        wizard = self.env["crm.quotation.compare"].browse(action["res_id"])
        self.assertRecordValues(
            wizard, [{"old_order_id": snapshot.id, "new_order_id": self.order.id}]
        )
        # The other way round: added and removed swap.
        with Form(wizard) as form:
            form.old_order_id = self.order
            form.new_order_id = snapshot
        wizard.action_compare()
        self.assertEqual(
            [(cl.change, cl.product_id) for cl in wizard.line_ids],
            [
                ("changed", self.p_keep),
                ("changed", self.p_disc),
                ("changed", self.p_twin),
                ("added", self.p_drop),
                ("removed", self.p_new),
            ],
        )

    @users("salesman_a")
    def test_same_content_has_no_difference(self):
        order = self.order.with_env(self.env)
        order.action_new_version()
        v2 = order.version_ids.filtered(lambda o: o.version == 2)
        wizard = self.env["crm.quotation.compare"].create(
            {"old_order_id": v2.id, "new_order_id": order.id}
        )
        wizard.action_compare()
        self.assertRecordValues(wizard, [{"line_ids": [], "has_differences": False}])

    @users("salesman_a")
    def test_compare_errors(self):
        order = self.order.with_env(self.env)
        Compare = self.env["crm.quotation.compare"]
        wizard = Compare.create({"old_order_id": order.id, "new_order_id": order.id})
        with self.assertRaisesRegex(UserError, f"Choose two different versions of {order.name}"):
            wizard.action_compare()
        other = self.orders["pool"].with_env(self.env)
        wizard = Compare.create({"old_order_id": order.id, "new_order_id": other.id})
        with self.assertRaisesRegex(
            UserError, f"{order.name} and {other.name} are not versions of the same quotation"
        ):
            wizard.action_compare()
        self.assertFalse(wizard.line_ids)
        with self.assertRaisesRegex(UserError, f"{other.name} has no other version"):
            other.action_compare_versions()

    def test_compare_access_per_role(self):
        vals = {"old_order_id": self.snapshot.id, "new_order_id": self.order.id}
        Compare = self.env["crm.quotation.compare"]
        for user in (self.salesman_c, self.leader_2):
            with self.assertRaises(AccessError, msg=user.login):
                Compare.with_user(user).create(vals).action_compare()
        for user in (self.salesman_a, self.leader_1, self.manager):
            wizard = Compare.with_user(user).create(vals)
            wizard.action_compare()
            self.assertEqual(len(wizard.line_ids), 5, user.login)
