from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestGroups(TransactionCase):
    def test_team_leader_sits_between_own_and_all_documents(self):
        salesman = self.env.ref("sales_team.group_sale_salesman")
        leader = self.env.ref("crm_core.group_crm_team_leader")
        all_leads = self.env.ref("sales_team.group_sale_salesman_all_leads")
        manager = self.env.ref("sales_team.group_sale_manager")
        self.assertIn(salesman, leader.all_implied_ids)
        self.assertIn(leader, all_leads.all_implied_ids)
        self.assertIn(leader, manager.all_implied_ids)
        self.assertNotIn(all_leads, leader.all_implied_ids)
        # The user form lists a privilege's groups in this order as one selection.
        privilege = self.env.ref("sales_team.res_groups_privilege_sales")
        hierarchy = self.env["res.groups"]._get_view_group_hierarchy()
        self.assertEqual(
            hierarchy["privileges"][privilege.id]["group_ids"],
            [salesman.id, leader.id, all_leads.id, manager.id],
        )

    def test_salesman_has_no_purchase_or_accounting_menus(self):
        from odoo.tests import new_test_user

        user = new_test_user(
            self.env, login="menu_salesman", groups="sales_team.group_sale_salesman"
        )
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        names = {
            xmlid
            for xmlid in (
                "account.menu_finance",
                "account_accountant.menu_accounting",
                "purchase.menu_purchase_root",
            )
            if (menu := self.env.ref(xmlid, raise_if_not_found=False)) and menu.id in visible
        }
        self.assertEqual(names, set())
        self.assertIn(self.env.ref("crm.crm_menu_root").id, visible)
