from datetime import date

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.crm_core.tests.common import MANAGER, SALESMAN


@tagged("post_install", "-at_install")
class TestCrmLoanUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.manager = new_test_user(
            cls.env,
            login="tour_loan_manager",
            groups=f"{MANAGER},stock.group_stock_user",
            name="Tour Loan Manager",
        )
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {"name": "Tour Loan Customer", "is_company": True, "customer_rank": 1}
        )
        cls.next_customer = Partner.create(
            {"name": "Tour Next Customer", "is_company": True, "customer_rank": 1}
        )
        cls.analyser = cls.env["product.product"].create(
            {
                "name": "Tour Analyser",
                "is_storable": True,
                "tracking": "serial",
                "list_price": 800.0,
                "taxes_id": [Command.clear()],
            }
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.stock = warehouse.lot_stock_id
        cls.serials = cls.env["stock.lot"].create(
            [
                {"name": name, "product_id": cls.analyser.id}
                for name in ("TA-1", "TA-2", "TA-3", "TP-1")
            ]
        )
        for serial in cls.serials:
            cls.env["stock.quant"]._update_available_quantity(
                cls.analyser, cls.stock, 1.0, lot_id=serial
            )

    def _shipped(self, partner, serials, user, **values):
        loan = self.env["crm.loan"].create(
            {
                "loan_type": "demo",
                "partner_id": partner.id,
                "user_id": user.id,
                "line_ids": [
                    Command.create(
                        {
                            "product_id": self.analyser.id,
                            "product_uom_qty": len(serials),
                            "lot_ids": serials.ids,
                        }
                    )
                ],
                **values,
            }
        )
        return self._ship(loan)

    def _ship(self, loan):
        loan.action_submit()
        loan.with_user(self.manager).validate_tier()
        loan.action_ship()
        loan.picking_ids.button_validate()
        return loan

    def test_demo_unit_loan_tour(self):
        self.start_tour(
            "/odoo/action-crm_loan.crm_loan_action/new",
            "crm_loan_demo_flow",
            login="tour_loan_manager",
        )
        loan = self.env["crm.loan"].search([("partner_id", "=", self.customer.id)])
        ta1, ta2, ta3 = self.serials[:3]
        self.assertRecordValues(
            loan,
            [
                {
                    "loan_type": "demo",
                    "state": "done",
                    "user_id": self.manager.id,
                    "purpose": "Trial at the customer's lab",
                    "expected_return_date": date(2027, 1, 15),
                    "expected_feedback_date": date(2026, 12, 31),
                    "loaned_qty": 3.0,
                    "outstanding_qty": 0.0,
                }
            ],
        )
        self.assertRecordValues(
            loan.line_ids,
            [{"lot_ids": (ta1 | ta2 | ta3).ids, "returned_qty": 1.0, "converted_qty": 2.0}],
        )
        self.assertRecordValues(loan.return_ids, [{"state": "done", "condition": "good"}])
        self.assertEqual(loan.return_ids.line_ids.lot_ids, ta1)
        sale, reloan = loan.conversion_ids.sorted("id")
        self.assertRecordValues(
            sale | reloan, [{"kind": "sale", "state": "done"}, {"kind": "reloan", "state": "done"}]
        )
        self.assertRecordValues(
            sale.sale_order_id,
            [{"state": "sale", "partner_id": self.customer.id, "amount_untaxed": 800.0}],
        )
        self.assertEqual(sale.sale_order_id.picking_ids.move_line_ids.lot_id, ta2)
        self.assertRecordValues(
            reloan.new_loan_id,
            [
                {
                    "partner_id": self.next_customer.id,
                    "origin_loan_id": loan.id,
                    "state": "shipped",
                    "expected_return_date": date(2027, 2, 28),
                    "outstanding_qty": 1.0,
                }
            ],
        )
        self.assertEqual(reloan.new_loan_id.line_ids.lot_ids, ta3)
        quants = self.env["stock.quant"].search(
            [("lot_id", "in", self.serials[:3].ids), ("quantity", ">", 0)]
        )
        self.assertEqual(
            {q.lot_id.name: q.location_id for q in quants},
            {
                "TA-1": self.stock,
                "TA-2": self.env.ref("stock.stock_location_customers"),
                "TA-3": reloan.new_loan_id.location_id,
            },
        )

    def test_portal_feedback_tour(self):
        buyer = self.env["res.partner"].create(
            {"name": "Tour Loan Buyer", "parent_id": self.customer.id}
        )
        new_test_user(
            self.env, login="tour_loan_portal", groups="base.group_portal", partner_id=buyer.id
        )
        loan = self._shipped(self.customer, self.serials[3:], self.manager)
        self.start_tour("/my/loans", "crm_loan_portal_feedback", login="tour_loan_portal")
        self.assertRecordValues(
            loan.feedback_ids,
            [
                {
                    "source": "portal",
                    "author_id": buyer.id,
                    "rating": "4",
                    "problems": "The display flickers when cold",
                    "requirements": "A Chinese user manual",
                }
            ],
        )

    def test_overdue_view_tour(self):
        owner = new_test_user(
            self.env, login="tour_loan_owner", groups=SALESMAN, name="Tour Loan Owner"
        )
        late = self.env["res.partner"].create(
            {"name": "Tour Late Customer", "is_company": True, "customer_rank": 1}
        )
        # Dates long past: overdue on every day the suite may run.
        self._shipped(
            late,
            self.serials[:1],
            owner,
            expected_return_date="2026-01-15",
            expected_feedback_date="2026-01-20",
        )
        waiting = self.env["crm.loan"].create(
            {
                "partner_id": self.customer.id,
                "user_id": owner.id,
                "expected_ship_date": "2026-02-01",
                "line_ids": [
                    Command.create(
                        {
                            "product_id": self.analyser.id,
                            "product_uom_qty": 1,
                            "lot_ids": self.serials[1:2].ids,
                        }
                    )
                ],
            }
        )
        waiting.action_submit()
        waiting.with_user(self.manager).validate_tier()
        self.start_tour(
            "/odoo/action-crm_loan.crm_loan_alert_action",
            "crm_loan_overdue",
            login="tour_loan_owner",
        )
