from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestScreensAfterUninstall(HttpCase):
    """Our addons extended Odoo's CRM and Sales views, menus and rules; once they are
    uninstalled, those screens open and work for a salesperson and for the admin."""

    def test_crm_and_sales_screens(self):
        lead = self.env["crm.lead"].search([("type", "=", "opportunity")], limit=1)
        order = self.env["sale.order"].search([], limit=1)
        self.assertTrue(lead and order, "the database keeps Odoo's demo opportunities and orders")
        self.start_tour("/odoo/crm", "crm_suite_uninstall_check_screens", login="admin")
