from odoo import Command
from odoo.tests import Form

from odoo.addons.crm_core.tests.common import CrmCoreCommon


class CrmExpenseCommon(CrmCoreCommon):
    """crm_core's teams, people and documents, with Odoo's generic chart of
    accounts, an employee behind every salesperson, two expense items and a bank
    journal advances are paid from."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        if not company.chart_template:
            cls.env["account.chart.template"].try_loading("generic_coa", company)
        cls.accountant = cls.env["res.users"].create(
            {
                "name": "Accountant",
                "login": "expense_accountant",
                "group_ids": [Command.set([cls.env.ref("account.group_account_invoice").id])],
            }
        )
        cls.department_1 = cls.env["hr.department"].create({"name": "Field Sales"})
        cls.department_2 = cls.env["hr.department"].create({"name": "Key Accounts"})
        Employee = cls.env["hr.employee"]
        cls.employees = {}
        for key, department in (
            ("a", cls.department_1),
            ("b", cls.department_1),
            ("c", cls.department_2),
        ):
            user = cls.owners[key][0]
            cls.employees[key] = Employee.create(
                {
                    "name": user.name,
                    "user_id": user.id,
                    "work_contact_id": user.partner_id.id,
                    "department_id": department.id,
                    "expense_manager_id": cls.env.ref("base.user_admin").id,
                }
            )
        Product = cls.env["product.product"]
        cls.travel = Product.create(
            {
                "name": "Travel",
                "type": "service",
                "can_be_expensed": True,
                "standard_price": 0.0,
                "supplier_taxes_id": [Command.clear()],
            }
        )
        cls.meals = Product.create(
            {
                "name": "Meals",
                "type": "service",
                "can_be_expensed": True,
                "standard_price": 0.0,
                "supplier_taxes_id": [Command.clear()],
            }
        )
        cls.bank = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", company.id)], limit=1
        )
        company.crm_expense_advance_journal_id = cls.bank

    @classmethod
    def _new_request(cls, key="a", amount=1000.0, document=None, **values):
        user, team = cls.owners[key]
        document = document if document is not None else cls.leads[key]
        vals = {
            **(document._crm_expense_defaults() if document else {}),
            "purpose": f"Visit of {key}",
            "product_id": cls.travel.id,
            "amount": amount,
            "employee_id": cls.employees[key].id,
            "user_id": user.id,
            "team_id": team.id,
            **values,
        }
        return cls.env["crm.expense.request"].create(vals)

    @classmethod
    def _approve(cls, request):
        request.action_submit()
        request.with_user(cls.manager).validate_tier()
        return request

    @classmethod
    def _payout(cls, request, amount, **values):
        payout = cls.env["crm.expense.payout"].create(
            {"request_id": request.id, "description": f"Spent {amount}", "amount": amount, **values}
        )
        payout.action_confirm()
        return payout

    def _pay_advance(self, request, amount):
        action = request.with_user(self.accountant).action_advance()
        wizard = Form(
            self.env["crm.expense.advance"]
            .with_user(self.accountant)
            .with_context(action["context"])
        )
        wizard.amount = amount
        return wizard.save().action_pay()
