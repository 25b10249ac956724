"""The demo data `make run` installs: each demo login sees what its role allows."""

from suite_case import SuiteCase

CUSTOMERS = [("parent_id", "=", False), ("is_crm_customer", "=", True)]


class TestDemoRoles(SuiteCase):
    def login(self, login):
        user = self.env["res.users"].search([("login", "=", login)])
        self.assertEqual(len(user), 1, f"demo user {login} is missing")
        return user

    def visible_customers(self, login):
        return self.env["res.partner"].with_user(self.login(login)).search(CUSTOMERS)

    def test_salesperson_sees_own_and_own_pools_customers(self):
        zhang = self.login("zhang.wei")
        seen = self.visible_customers("zhang.wei")
        east_pool = self.env.ref("crm_core.customer_28")
        export_pool = self.env.ref("crm_core.customer_29")
        public_pool = self.env.ref("crm_core.customer_26") | self.env.ref("crm_core.customer_27")
        unowned_outside_pools = self.env["res.partner"].search(
            [*CUSTOMERS, ("user_id", "=", False), ("pool_id", "=", False)]
        )
        expected = self.env["res.partner"].search([*CUSTOMERS, ("user_id", "=", zhang.id)])
        self.assertEqual(len(expected), 8)
        # The public pool and the pool of zhang's team (华东), not the export team's pool.
        self.assertEqual(seen, expected | public_pool | east_pool | unowned_outside_pools)
        self.assertNotIn(export_pool, seen)

    def test_team_leader_sees_the_team(self):
        wang = self.login("wang.fang")
        team = self.env.ref("crm_core.team_east_china")
        members = team.member_ids | wang
        seen = self.visible_customers("wang.fang")
        self.assertEqual(set(seen.mapped("user_id.login")), set(members.mapped("login")))
        self.assertEqual(len(seen.filtered("user_id")), 16)  # 8 + 7 + wang's own 1

    def test_manager_sees_every_customer(self):
        every = self.env["res.partner"].search(CUSTOMERS)
        self.assertEqual(self.visible_customers("liu.yang"), every)

    def test_salesperson_orders_and_leads(self):
        zhang = self.login("zhang.wei")
        orders = self.env["sale.order"].with_user(zhang).search([])
        self.assertTrue(orders)
        self.assertEqual(set(orders.mapped("user_id").ids) - {False}, {zhang.id})
        leads = self.env["crm.lead"].with_user(zhang).search([])
        self.assertEqual(set(leads.mapped("user_id").ids) - {False}, {zhang.id})
