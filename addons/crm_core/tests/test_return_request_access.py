from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import MANAGER
from .return_common import CrmReturnCommon


@tagged("post_install", "-at_install")
class TestReturnRequestAccess(CrmReturnCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.requests = {}
        for key in ("a", "b", "c", "pool"):
            order = cls._delivered_order(cls.customers[key], {cls.widget: (2, 2)})
            cls.requests[key] = cls.env["crm.return.request"].create(
                {
                    "sale_order_id": order.id,
                    "line_ids": [
                        Command.create({"sale_line_id": order.order_line.id, "requested_qty": 1})
                    ],
                }
            )
        cls.portal_user = new_test_user(
            cls.env,
            login="return_portal_a",
            groups="base.group_portal",
            partner_id=cls.contacts["a"].id,
        )
        cls.other_company = cls.env["res.company"].create({"name": "Return Co Two"})
        cls.manager_other = new_test_user(
            cls.env,
            login="return_manager_two",
            groups=MANAGER,
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )

    def _visible(self, user, model="crm.return.request"):
        return self.env[model].with_user(user).search([("id", "!=", 0)])

    def _requests(self, keys):
        records = self.env["crm.return.request"]
        for key in keys:
            records |= self.requests[key]
        return records

    def test_requests_carry_order_owner(self):
        self.assertRecordValues(
            self._requests(["a", "c", "pool"]),
            [
                {"user_id": self.salesman_a.id, "team_id": self.team_1.id},
                {"user_id": self.salesman_c.id, "team_id": self.team_2.id},
                {"user_id": False, "team_id": False},
            ],
        )

    def test_visibility_per_role(self):
        expected = {
            self.salesman_a: ["a", "pool"],
            self.salesman_b: ["b", "pool"],
            self.salesman_c: ["c", "pool"],
            self.leader_1: ["a", "b", "pool"],
            self.leader_2: ["c", "pool"],
            self.manager: ["a", "b", "c", "pool"],
            self.portal_user: ["a"],
            self.manager_other: [],
        }
        for user, keys in expected.items():
            with self.subTest(user=user.login):
                requests = self._requests(keys)
                self.assertEqual(self._visible(user), requests)
                self.assertEqual(self._visible(user, "crm.return.request.line"), requests.line_ids)

    def test_salesperson_cannot_open_other_request(self):
        with self.assertRaises(AccessError):
            self.requests["c"].with_user(self.salesman_a).read(["name"])
        with self.assertRaises(AccessError):
            self.requests["a"].with_user(self.portal_user).write({"reason": "x"})

    def test_portal_sees_own_through_token(self):
        request = self.requests["a"]
        self.assertEqual(request.access_url, f"/my/returns/{request.id}")
        self.assertTrue(request._portal_ensure_token())
