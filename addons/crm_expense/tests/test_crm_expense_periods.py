import io
from datetime import timedelta

import openpyxl

from odoo import fields
from odoo.tests import tagged
from odoo.tools import date_utils

from odoo.addons.crm_core.tests.common import FrozenTodayMixin

from .common import CrmExpenseCommon


@tagged("post_install", "-at_install")
class TestCrmExpensePeriods(FrozenTodayMixin, CrmExpenseCommon):
    """The month and quarter cross-tabs and the export's period, on the frozen day
    and (in `make test`) on a month end, a year end and 29 February: a payout of
    yesterday and one of today fall in the same month or in two."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.today()
        cls.yesterday = cls.today - timedelta(days=1)
        cls.request_a = cls._approve(cls._new_request("a", 1000.0))
        cls.request_c = cls._approve(cls._new_request("c", 500.0))
        cls._payout(cls.request_a, 100.0, date=cls.yesterday)
        cls._payout(cls.request_a, 40.0, date=cls.today)
        cls._payout(cls.request_c, 70.0, date=cls.yesterday)

    def _expected(self, period, pairs):
        figures = {}
        for key, day, amount in pairs:
            start = date_utils.start_of(day, period)
            figures[key, start] = figures.get((key, start), 0.0) + amount
        return figures

    def test_salesperson_by_month(self):
        groups = self.env["crm.expense.analysis"]._read_group(
            [("kind", "=", "payout")], ["user_id", "date:month"], ["spent_amount:sum"]
        )
        self.assertEqual(
            {(user, month): spent for user, month, spent in groups},
            self._expected(
                "month",
                [
                    (self.salesman_a, self.yesterday, 100.0),
                    (self.salesman_a, self.today, 40.0),
                    (self.salesman_c, self.yesterday, 70.0),
                ],
            ),
        )

    def test_team_by_quarter(self):
        groups = self.env["crm.expense.analysis"]._read_group(
            [], ["team_id", "date:quarter"], ["spent_amount:sum", "approved_amount:sum"]
        )
        spent = {(team, quarter): value for team, quarter, value, _approved in groups}
        self.assertEqual(
            spent,
            self._expected(
                "quarter",
                [
                    (self.team_1, self.yesterday, 100.0),
                    (self.team_1, self.today, 40.0),
                    (self.team_2, self.yesterday, 70.0),
                    # the requests' rows: approved, nothing spent
                    (self.team_1, self.today, 0.0),
                    (self.team_2, self.today, 0.0),
                ],
            ),
        )
        approved = sum(value for _team, _quarter, _spent, value in groups)
        self.assertEqual(approved, 1500.0)

    def test_export_of_today_only(self):
        wizard = self.env["crm.expense.analysis.export"].create(
            {"preset": "salesperson_month", "date_from": self.today, "date_to": self.today}
        )
        content, _kind = self.env["ir.actions.report"]._render(
            "crm_expense.action_report_crm_expense_analysis_xlsx", wizard.ids
        )
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        lines = list(book.worksheets[1].iter_rows(values_only=True))[1:]
        # today's rows: the two requests and the payout of 40
        self.assertEqual(len(lines), 3)
        self.assertEqual(sum(line[14] or 0.0 for line in lines), 40.0)
