import io
from datetime import date
from unittest.mock import patch

import openpyxl
from freezegun import freeze_time

from odoo import Command, fields
from odoo.sql_db import BaseCursor
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.crm_core.tests.common import MANAGER, SALESMAN

# The tours read absolute dates: everything happens on 17 June 2025. The server's
# clock is frozen, the browser's is not, and Odoo leaves the year out of the dates
# of the browser's current year: a past year keeps "Jun 17, 2025" whole.
TODAY = date(2025, 6, 17)
ACCOUNTANT = "account.group_account_invoice"


@tagged("post_install", "-at_install")
class TestCrmExpenseUi(HttpCase):
    """The expense flow through the screens: the salesperson raises a request from
    an opportunity, the sales manager validates it, finance pays an advance, the
    salesperson records what was spent and hands it to Odoo's expenses; then the
    analysis, its preset favourites and the Excel export."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # After the set-up of the case, whose clean-ups check that no patch outlives
        # the class. The database's clock too: create_date and write_date come from
        # now(), which freezegun cannot reach.
        cls.startClassPatcher(freeze_time(f"{TODAY} 10:00:00"))
        cls.startClassPatcher(patch.object(BaseCursor, "now", lambda cr: fields.Datetime.now()))
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        company = cls.env.company
        if not company.chart_template:
            cls.env["account.chart.template"].try_loading("generic_coa", company)
        cls.bank = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", company.id)], limit=1
        )
        company.crm_expense_advance_journal_id = cls.bank

        cls.salesman = new_test_user(
            cls.env, login="tour_expense_salesman", groups=SALESMAN, name="Tour Expense Salesman"
        )
        cls.manager = new_test_user(
            cls.env, login="tour_expense_manager", groups=MANAGER, name="Tour Expense Manager"
        )
        cls.accountant = new_test_user(
            cls.env,
            login="tour_expense_accountant",
            groups=ACCOUNTANT,
            name="Tour Expense Accountant",
        )
        cls.field_sales = cls.env["hr.department"].create({"name": "Tour Field Sales"})
        cls.key_accounts = cls.env["hr.department"].create({"name": "Tour Key Accounts"})
        cls.employees = cls.env["hr.employee"].create(
            [
                {
                    "name": user.name,
                    "user_id": user.id,
                    "work_contact_id": user.partner_id.id,
                    "department_id": department.id,
                    "expense_manager_id": cls.manager.id,
                }
                for user, department in (
                    (cls.salesman, cls.field_sales),
                    (cls.manager, cls.key_accounts),
                    (cls.accountant, cls.key_accounts),
                )
            ]
        )
        cls.salesman_employee, cls.manager_employee = cls.employees[:2]
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Tour Expense Team",
                "user_id": cls.manager.id,
                "member_ids": [Command.link(cls.salesman.id)],
            }
        )
        Product = cls.env["product.product"]
        cls.travel, cls.meals = Product.create(
            [
                {
                    "name": name,
                    "type": "service",
                    "can_be_expensed": True,
                    "standard_price": 0.0,
                    "supplier_taxes_id": [Command.clear()],
                }
                for name in ("Tour Travel", "Tour Meals")
            ]
        )
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {
                "name": "Tour Expense Customer",
                "is_company": True,
                "customer_rank": 1,
                "user_id": cls.salesman.id,
            }
        )
        cls.restaurant = Partner.create({"name": "Tour Expense Restaurant", "supplier_rank": 1})
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Tour Expense Deal",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
                "team_id": cls.team.id,
            }
        )

    def _request_url(self, request):
        return f"/odoo/action-crm_expense.crm_expense_request_action/{request.id}"

    def test_request_from_opportunity_to_reimbursement_tours(self):
        self.start_tour(
            f"/odoo/crm/{self.lead.id}",
            "crm_expense_request_raise",
            login="tour_expense_salesman",
        )
        request = self.env["crm.expense.request"].search([("lead_id", "=", self.lead.id)])
        self.assertRecordValues(
            request,
            [
                {
                    "state": "submitted",
                    "purpose": "Visit the plant with the customer",
                    "product_id": self.travel.id,
                    "amount": 1000.0,
                    "currency_id": self.env.company.currency_id.id,
                    "approved_amount": 0.0,
                    "employee_id": self.salesman_employee.id,
                    "department_id": self.field_sales.id,
                    "user_id": self.salesman.id,
                    "team_id": self.team.id,
                    "date": TODAY,
                    "res_model": "crm.lead",
                    "res_id": self.lead.id,
                    "partner_id": self.customer.id,
                    "lead_id": self.lead.id,
                    "create_uid": self.salesman.id,
                }
            ],
        )
        self.assertRegex(request.name, r"^EXR/2025/\d{4}$")
        self.assertRecordValues(
            request.review_ids,
            [{"status": "pending", "requested_by": self.salesman.id, "done_by": False}],
        )

        self.start_tour(
            self._request_url(request), "crm_expense_request_validate", login="tour_expense_manager"
        )
        self.assertRecordValues(
            request,
            [
                {
                    "state": "approved",
                    "validation_status": "validated",
                    "approved_amount": 1000.0,
                    "remaining_amount": 1000.0,
                }
            ],
        )
        self.assertRecordValues(
            request.review_ids, [{"status": "approved", "done_by": self.manager.id}]
        )

        self.start_tour(
            self._request_url(request), "crm_expense_advance", login="tour_expense_accountant"
        )
        self.assertRecordValues(
            request.advance_payment_ids,
            [
                {
                    "payment_type": "outbound",
                    "partner_type": "supplier",
                    "partner_id": self.salesman.partner_id.id,
                    "amount": 400.0,
                    "currency_id": self.env.company.currency_id.id,
                    "journal_id": self.bank.id,
                    "date": TODAY,
                    "memo": f"Advance on {request.name}",
                    "state": "in_process",
                    "crm_expense_request_id": request.id,
                    "create_uid": self.accountant.id,
                }
            ],
        )
        self.assertRecordValues(
            request,
            [
                {
                    "state": "approved",
                    "advanced_amount": 400.0,
                    "spent_amount": 0.0,
                    "can_be_advanced": True,
                }
            ],
        )

        self.start_tour(
            self._request_url(request),
            "crm_expense_payouts_reimburse",
            login="tour_expense_salesman",
        )
        payouts = request.payout_ids.sorted("id")
        common = {
            "state": "approved",
            "over_budget": False,
            "product_id": self.travel.id,
            "employee_id": self.salesman_employee.id,
            "user_id": self.salesman.id,
            "team_id": self.team.id,
            "partner_id": self.customer.id,
            "lead_id": self.lead.id,
            "res_model": "crm.lead",
            "res_id": self.lead.id,
            "date": TODAY,
            "payment_mode": "own_account",
            "create_uid": self.salesman.id,
        }
        self.assertRecordValues(
            payouts,
            [
                {
                    **common,
                    "description": "Taxi to the plant",
                    "amount": 300.0,
                    "amount_company": 300.0,
                    "payee_id": False,
                },
                {
                    **common,
                    "description": "Dinner with the customer",
                    "amount": 500.0,
                    "amount_company": 500.0,
                    "payee_id": self.restaurant.id,
                },
            ],
        )
        self.assertRegex(payouts[0].name, r"^EXP/2025/\d{4}$")
        expenses = request.expense_ids.sorted("total_amount_currency")
        self.assertEqual(payouts.expense_id, expenses)
        self.assertRecordValues(
            expenses,
            [
                {
                    "name": name,
                    "employee_id": self.salesman_employee.id,
                    "product_id": self.travel.id,
                    "total_amount_currency": amount,
                    "currency_id": self.env.company.currency_id.id,
                    "date": TODAY,
                    "payment_mode": "own_account",
                    "state": "draft",
                    "description": "Visit the plant with the customer",
                    "crm_expense_request_id": request.id,
                    "crm_expense_payout_id": payout.id,
                }
                for name, amount, payout in (
                    ("Taxi to the plant", 300.0, payouts[0]),
                    ("Dinner with the customer", 500.0, payouts[1]),
                )
            ],
        )
        self.assertRecordValues(
            request,
            [
                {
                    "state": "approved",
                    "approved_amount": 1000.0,
                    "advanced_amount": 400.0,
                    "spent_amount": 800.0,
                    "reimbursed_amount": 0.0,
                    "remaining_amount": 200.0,
                    "can_be_reimbursed": False,
                }
            ],
        )
        self.assertEqual(len(request.advance_payment_ids), 1)
        self.assertRecordValues(
            self.lead.with_user(self.salesman),
            [
                {
                    "crm_expense_request_count": 1,
                    "crm_expense_approved_amount": 1000.0,
                    "crm_expense_spent_amount": 800.0,
                }
            ],
        )

    def _approved_request(self, user, employee, amount, product, day):
        request = self.env["crm.expense.request"].create(
            {
                **self.lead._crm_expense_defaults(),
                "purpose": f"Tour analysis {amount}",
                "product_id": product.id,
                "amount": amount,
                "employee_id": employee.id,
                "user_id": user.id,
                "team_id": self.team.id,
                "date": day,
            }
        )
        request.action_submit()
        request.with_user(self.manager).validate_tier()
        return request

    def _confirmed_payout(self, request, amount, day, **values):
        payout = self.env["crm.expense.payout"].create(
            {
                "request_id": request.id,
                "description": f"Spent {amount}",
                "amount": amount,
                "date": day,
                **values,
            }
        )
        payout.action_confirm()
        return payout

    def test_analysis_favourite_and_export_tour(self):
        # May: the salesperson's 1,000 approved, 300 spent; June: 200 more spent on
        # meals, and the manager's 600 approved, 450 spent.
        salesman_request = self._approved_request(
            self.salesman, self.salesman_employee, 1000.0, self.travel, date(2025, 5, 20)
        )
        manager_request = self._approved_request(
            self.manager, self.manager_employee, 600.0, self.meals, date(2025, 6, 3)
        )
        payouts = (
            self._confirmed_payout(salesman_request, 300.0, date(2025, 5, 28))
            | self._confirmed_payout(
                salesman_request, 200.0, date(2025, 6, 5), product_id=self.meals.id
            )
            | self._confirmed_payout(manager_request, 450.0, date(2025, 6, 12))
        )
        self.assertEqual(set(payouts.mapped("state")), {"approved"})
        Export = self.env["crm.expense.analysis.export"]
        last_before = Export.search([], order="id desc", limit=1).id or 0

        self.start_tour(
            "/odoo/crm",
            "crm_expense_analysis_export",
            login="tour_expense_manager",
        )

        wizard = Export.search([("id", ">", last_before)], order="id desc", limit=1)
        self.assertRecordValues(
            wizard,
            [
                {
                    "preset": "salesperson_month",
                    "row_groupby": "user_id",
                    "col_groupby": "date:month",
                    "measure": "spent_amount",
                    "date_from": False,
                    "date_to": False,
                    "with_details": True,
                    "create_uid": self.manager.id,
                }
            ],
        )
        self.authenticate("tour_expense_manager", "tour_expense_manager")
        response = self.url_open(f"/report/xlsx/crm_expense.analysis_xlsx/{wizard.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.headers["Content-Type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
        crosstab, details = book.worksheets
        rows = list(crosstab.iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "Spent by Salesperson and Month")

        # The same cross-tab, straight from the analysis.
        groups = (
            self.env["crm.expense.analysis"]
            .with_user(self.manager)
            ._read_group([], ["user_id", "date:month"], ["spent_amount:sum"])
        )
        expected = {}
        for user, month, spent in groups:
            expected.setdefault(user.display_name, {})[month.strftime("%Y-%m")] = spent
        months = sorted({month for cells in expected.values() for month in cells})
        self.assertEqual(months, ["2025-05", "2025-06"])
        column_totals = [
            sum(cells.get(month, 0.0) for cells in expected.values()) for month in months
        ]
        self.assertEqual(
            rows[2:],
            [
                ("Salesperson", *months, "Total"),
                *(
                    (
                        name,
                        *(expected[name].get(month) for month in months),
                        sum(expected[name].values()),
                    )
                    for name in sorted(expected)
                ),
                ("Total", *column_totals, sum(column_totals)),
            ],
        )
        # And in figures, as the tour read them on the pivot.
        self.assertEqual(
            rows[2:],
            [
                ("Salesperson", "2025-05", "2025-06", "Total"),
                ("Tour Expense Manager", None, 450.0, 450.0),
                ("Tour Expense Salesman", 300.0, 200.0, 500.0),
                ("Total", 300.0, 650.0, 950.0),
            ],
        )
        lines = list(details.iter_rows(values_only=True))
        self.assertEqual(lines[0][:3], ("Reference", "Line Type", "Date"))
        self.assertEqual(
            len(lines) - 1,
            self.env["crm.expense.analysis"].with_user(self.manager).search_count([]),
        )
        self.assertEqual(sum(line[14] or 0.0 for line in lines[1:]), 950.0)
        self.assertEqual(sum(line[13] or 0.0 for line in lines[1:]), 1600.0)
