import os
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command, fields
from odoo.sql_db import BaseCursor
from odoo.tests import TransactionCase, new_test_user

SALESMAN = "sales_team.group_sale_salesman,base.group_partner_manager"
LEADER = "crm_core.group_crm_team_leader,base.group_partner_manager"
MANAGER = "sales_team.group_sale_manager,base.group_partner_manager"


# The day the date-dependent tests run on. `make test` runs them again on a month end,
# a year end and 29 February (scripts/run_tests.py, DATED_DAYS), through this variable.
TEST_TODAY = os.environ.get("CRM_TEST_TODAY") or "2026-06-10"


class FrozenTodayMixin:
    """For test classes whose results depend on today's date: the whole class, its
    set-up included, runs at 10:00 UTC on TEST_TODAY, and carries the tag `crm_dated`.
    Expectations are computed from the frozen day, never written as dates.

    The database's clock is frozen too: create_date and write_date come from the
    transaction's now(), which freezegun cannot reach, and a record made "today" must
    not look months old (or not yet made) to the code under test."""

    def __init_subclass__(cls, **kwargs):
        # The tag joins the tags the class inherits from its test case (`standard`,
        # at_install or post_install); @tagged on this mixin would shadow them, and
        # the class would only run when crm_dated is asked for.
        result = super().__init_subclass__(**kwargs)
        tags = next(
            (b.__dict__["test_tags"] for b in cls.__mro__ if "test_tags" in b.__dict__), None
        )
        cls.test_tags = {"standard", "at_install"} if tags is None else set(tags)
        cls.test_tags.add("crm_dated")
        return result

    @classmethod
    def setUpClass(cls):
        cls.startClassPatcher(freeze_time(f"{TEST_TODAY} 10:00:00"))
        cls.startClassPatcher(patch.object(BaseCursor, "now", lambda cr: fields.Datetime.now()))
        super().setUpClass()


class CrmCoreCommon(TransactionCase):
    """Two teams; in each a leader and salespeople; records owned by each of them
    and records in the public pool (no owner)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        new_user = lambda login, groups: new_test_user(  # noqa: E731
            cls.env, login=login, groups=groups, name=login.replace("_", " ").title()
        )
        cls.salesman_a = new_user("salesman_a", SALESMAN)
        cls.salesman_b = new_user("salesman_b", SALESMAN)
        cls.salesman_c = new_user("salesman_c", SALESMAN)
        cls.leader_1 = new_user("leader_1", LEADER)
        cls.leader_2 = new_user("leader_2", LEADER)
        cls.manager = new_user("manager", MANAGER)

        Team = cls.env["crm.team"]
        cls.team_1 = Team.create({"name": "Team One", "user_id": cls.leader_1.id})
        cls.team_2 = Team.create({"name": "Team Two", "user_id": cls.leader_2.id})
        cls.env["crm.team.member"].create(
            [
                {"crm_team_id": cls.team_1.id, "user_id": cls.salesman_a.id},
                {"crm_team_id": cls.team_1.id, "user_id": cls.salesman_b.id},
                {"crm_team_id": cls.team_2.id, "user_id": cls.salesman_c.id},
            ]
        )
        # a: own, b: teammate's, c: other team's, pool: nobody's.
        cls.owners = {
            "a": (cls.salesman_a, cls.team_1),
            "b": (cls.salesman_b, cls.team_1),
            "c": (cls.salesman_c, cls.team_2),
            "pool": (cls.env["res.users"], cls.env["crm.team"]),
        }
        Partner = cls.env["res.partner"]
        cls.customers, cls.contacts, cls.leads, cls.orders = {}, {}, {}, {}
        cls.product = cls.env["product.product"].create({"name": "Matrix Widget", "list_price": 10})
        for key, (user, team) in cls.owners.items():
            customer = Partner.create(
                {
                    "name": f"Matrix Customer {key}",
                    "is_company": True,
                    "customer_rank": 1,
                    "user_id": user.id,
                    "team_id": team.id,
                }
            )
            cls.customers[key] = customer
            cls.contacts[key] = Partner.create(
                {"name": f"Matrix Contact {key}", "parent_id": customer.id, "type": "contact"}
            )
            cls.leads[key] = cls.env["crm.lead"].create(
                {
                    "name": f"Matrix Lead {key}",
                    "partner_id": customer.id,
                    "user_id": user.id,
                    "team_id": team.id,
                }
            )
            cls.orders[key] = cls.env["sale.order"].create(
                {
                    "partner_id": customer.id,
                    "user_id": user.id,
                    "team_id": team.id,
                    "order_line": [Command.create({"product_id": cls.product.id})],
                }
            )
        # Neither a customer nor owned: a vendor, visible to everyone.
        cls.vendor = Partner.create({"name": "Matrix Vendor", "supplier_rank": 1})

    @classmethod
    def records(cls, kind, keys):
        mapping = getattr(cls, kind)
        records = mapping["a"].browse()
        for key in keys:
            records |= mapping[key]
        return records
