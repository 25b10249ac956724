from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import SALESMAN


@tagged("post_install", "-at_install")
class TestCustomerTimelineUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(cls.env, login="tour_timeline_salesman", groups=SALESMAN)
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Timeline Tour Co",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.salesman.id,
            }
        )
        cls.opportunity = cls.env["crm.lead"].create(
            {
                "name": "Tour Big Deal",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
            }
        )
        product = cls.env["product.product"].create({"name": "Tour Widget", "list_price": 50})
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
                "order_line": [Command.create({"product_id": product.id})],
            }
        )
        cls.order.action_confirm()
        cls.customer.message_post(
            body="Tour note: call back on Monday",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )

    def test_customer_timeline_opens_opportunity(self):
        self.start_tour(
            f"/odoo/crm-customers/{self.customer.id}",
            "crm_core_customer_timeline",
            login="tour_timeline_salesman",
        )
