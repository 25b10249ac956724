import ast
import io
from unittest.mock import patch

import openpyxl

from odoo.tests import tagged

from odoo.addons.crm_expense.wizard.crm_expense_analysis_export import PRESETS

from .common import CrmExpenseCommon


@tagged("post_install", "-at_install")
class TestCrmExpenseAnalysis(CrmExpenseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.request_a = cls._approve(cls._new_request("a", 1000.0))
        cls.request_c = cls._approve(cls._new_request("c", 600.0, product_id=cls.meals.id))
        cls._payout(cls.request_a, 300.0)
        cls._payout(cls.request_a, 200.0, product_id=cls.meals.id)
        cls._payout(cls.request_c, 450.0)

    def test_department_by_item_figures(self):
        groups = self.env["crm.expense.analysis"]._read_group(
            [], ["department_id", "product_id"], ["spent_amount:sum", "approved_amount:sum"]
        )
        figures = {
            (dep.name, item.name): (spent, approved) for dep, item, spent, approved in groups
        }
        self.assertEqual(
            figures,
            {
                ("Field Sales", "Travel"): (300.0, 1000.0),
                ("Field Sales", "Meals"): (200.0, 0.0),
                # The payout of a request spends on the request's item.
                ("Key Accounts", "Meals"): (450.0, 600.0),
            },
        )

    def test_the_six_favourites_group_as_the_export_presets(self):
        filters = self.env["ir.filters"].search([("model_id", "=", "crm.expense.analysis")])
        self.assertEqual(len(filters), 6)
        contexts = {tuple(ast.literal_eval(f.context)["group_by"]) for f in filters}
        self.assertEqual(contexts, set(PRESETS.values()))

    def test_xlsx_totals_match_the_database(self):
        wizard = self.env["crm.expense.analysis.export"].create({"preset": "department_item"})
        content, kind = self.env["ir.actions.report"]._render(
            "crm_expense.action_report_crm_expense_analysis_xlsx", wizard.ids
        )
        self.assertEqual(kind, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        crosstab, details = book.worksheets
        rows = list(crosstab.iter_rows(values_only=True))
        header = rows[2]
        self.assertEqual(header, ("Department", "Meals", "Travel", "Total"))
        self.assertEqual(rows[3], ("Field Sales", 200.0, 300.0, 500.0))
        self.assertEqual(rows[4], ("Key Accounts", 450.0, None, 450.0))
        self.assertEqual(rows[5], ("Total", 650.0, 300.0, 950.0))
        lines = list(details.iter_rows(values_only=True))[1:]
        self.assertEqual(len(lines), self.env["crm.expense.analysis"].search_count([]))
        spent = sum(line[14] or 0.0 for line in lines)
        total = sum(
            self.env["crm.expense.payout"]
            .search([("state", "=", "approved")])
            .mapped("amount_company")
        )
        self.assertEqual(spent, total)
        self.assertEqual(spent, 950.0)

    def test_detail_sheet_has_every_line_beyond_one_chunk(self):
        """The detail lines come in chunks; names are read between two chunks, and
        that must not cut the sheet short after the first one."""
        wizard = self.env["crm.expense.analysis.export"].create({"preset": "department_item"})
        with patch("odoo.addons.crm_expense.report.crm_expense_analysis_xlsx.FETCH_SIZE", 2):
            content, _kind = self.env["ir.actions.report"]._render(
                "crm_expense.action_report_crm_expense_analysis_xlsx", wizard.ids
            )
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        lines = list(book.worksheets[1].iter_rows(values_only=True))[1:]
        self.assertEqual(len(lines), 5)
        self.assertEqual(sum(line[14] or 0.0 for line in lines), 950.0)

    def test_detail_sheet_keeps_names_not_records(self):
        """Only the names of the related records stay from one chunk to the next:
        their records (every prefetched column) would fill the memory of a 200,000
        line export."""
        report = type(self.env["report.crm_expense.analysis_xlsx"])
        resolve = report._resolve_names
        cached = []

        def spy(this, chunk, fields_, names):
            resolve(this, chunk, fields_, names)
            for field in fields_:
                if field.type == "many2one":
                    model = this.env[field.comodel_name]
                    name_field = model._fields[model._rec_name]
                    ids = this.env.cache.get_records(model, name_field, all_contexts=True).ids
                    cached.extend((field.comodel_name, id_) for id_ in ids)

        wizard = self.env["crm.expense.analysis.export"].create({"preset": "department_item"})
        self.env.invalidate_all()
        with (
            patch("odoo.addons.crm_expense.report.crm_expense_analysis_xlsx.FETCH_SIZE", 2),
            patch.object(report, "_resolve_names", spy),
        ):
            content, _kind = self.env["ir.actions.report"]._render(
                "crm_expense.action_report_crm_expense_analysis_xlsx", wizard.ids
            )
        self.assertEqual(cached, [])
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        lines = list(book.worksheets[1].iter_rows(values_only=True))[1:]
        employees = {self.employees["a"].name, self.employees["c"].name}
        self.assertEqual({line[6] for line in lines}, employees)
