import datetime

from odoo import models
from odoo.tools import SQL

DETAIL_FIELDS = [
    "name",
    "kind",
    "date",
    "user_id",
    "team_id",
    "department_id",
    "employee_id",
    "product_id",
    "partner_id",
    "document_model_id",
    "lead_id",
    "campaign_id",
    "requested_amount",
    "approved_amount",
    "spent_amount",
]
FETCH_SIZE = 5000


class CrmExpenseAnalysisXlsx(models.AbstractModel):
    """The cross-tab of the expense analysis as an Excel workbook: the grouped
    sheet, then every line. Lines stream from one query in chunks into
    xlsxwriter's constant-memory mode, so 200,000 lines never sit in memory."""

    _name = "report.crm_expense.analysis_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Expense Analysis Cross-Tab (XLSX)"

    def get_workbook_options(self):
        return {"constant_memory": True}

    def generate_xlsx_report(self, workbook, data, objs):
        wizard = objs[:1]
        wizard.ensure_one()
        styles = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "total": workbook.add_format({"bold": True, "num_format": "#,##0.00", "top": 1}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
        }
        self._write_crosstab(workbook, wizard, styles)
        if wizard.with_details:
            self._write_details(workbook, wizard, styles)

    def _label(self, value, groupby):
        if value is None or value is False:
            return self.env._("None")
        if isinstance(value, models.BaseModel):
            return value.display_name
        if isinstance(value, datetime.date):
            granularity = groupby.partition(":")[2]
            if granularity == "quarter":
                return f"{value.year} Q{(value.month - 1) // 3 + 1}"
            if granularity == "year":
                return str(value.year)
            return value.strftime("%Y-%m")
        return str(value)

    def _write_crosstab(self, workbook, wizard, styles):
        analysis = self.env["crm.expense.analysis"]
        row_by, col_by, measure = wizard.row_groupby, wizard.col_groupby, wizard.measure
        groups = analysis._read_group(
            wizard._analysis_domain(), [row_by, col_by], [f"{measure}:sum"]
        )
        rows, cols, cells = {}, {}, {}
        for row_value, col_value, amount in groups:
            row_key = self._label(row_value, row_by)
            col_key = self._label(col_value, col_by)
            rows.setdefault(row_key, 0.0)
            cols.setdefault(col_key, 0.0)
            rows[row_key] += amount
            cols[col_key] += amount
            cells[row_key, col_key] = cells.get((row_key, col_key), 0.0) + amount
        selection = dict(wizard._fields["row_groupby"]._description_selection(self.env))
        measures = dict(wizard._fields["measure"]._description_selection(self.env))
        sheet = workbook.add_worksheet(self.env._("Cross-Tab"))
        sheet.write(
            0,
            0,
            self.env._(
                "%(measure)s by %(rows)s and %(cols)s",
                measure=measures[measure],
                rows=selection[row_by],
                cols=selection[col_by],
            ),
            styles["title"],
        )
        col_keys = sorted(cols)
        sheet.write(2, 0, selection[row_by], styles["header"])
        for index, col_key in enumerate(col_keys, start=1):
            sheet.write(2, index, col_key, styles["header"])
        sheet.write(2, len(col_keys) + 1, self.env._("Total"), styles["header"])
        line = 3
        for row_key in sorted(rows):
            sheet.write(line, 0, row_key)
            for index, col_key in enumerate(col_keys, start=1):
                if (row_key, col_key) in cells:
                    sheet.write_number(line, index, cells[row_key, col_key], styles["money"])
            sheet.write_number(line, len(col_keys) + 1, rows[row_key], styles["total"])
            line += 1
        sheet.write(line, 0, self.env._("Total"), styles["header"])
        for index, col_key in enumerate(col_keys, start=1):
            sheet.write_number(line, index, cols[col_key], styles["total"])
        sheet.write_number(line, len(col_keys) + 1, sum(rows.values()), styles["total"])
        sheet.set_column(0, 0, 28)
        sheet.set_column(1, len(col_keys) + 1, 14)

    def _write_details(self, workbook, wizard, styles):
        analysis = self.env["crm.expense.analysis"]
        fields_ = [analysis._fields[name] for name in DETAIL_FIELDS]
        sheet = workbook.add_worksheet(self.env._("Details"))
        for index, field in enumerate(fields_):
            sheet.write(0, index, field._description_string(self.env), styles["header"])
        # The ORM builds the query (record rules included); the rows come in chunks
        # from a server-side cursor. fetchmany() on env.cr would not do: the whole
        # result is transferred at execute(), and the name queries run on the same
        # cursor between two chunks replace it (the sheet stopped at FETCH_SIZE lines).
        query = analysis._search(wizard._analysis_domain(), order="date, id")
        cursor = SQL.identifier(f"crm_expense_details_{wizard.id}")
        self.env.cr.execute(
            SQL(
                "DECLARE %s NO SCROLL CURSOR FOR %s",
                cursor,
                query.select(*(SQL.identifier(query.table, name) for name in DETAIL_FIELDS)),
            )
        )
        kinds = dict(analysis._fields["kind"]._description_selection(self.env))
        names = {}
        line = 1
        while True:
            self.env.cr.execute(SQL("FETCH FORWARD %s FROM %s", FETCH_SIZE, cursor))
            chunk = self.env.cr.fetchall()
            if not chunk:
                break
            self._resolve_names(chunk, fields_, names)
            for values in chunk:
                for index, (field, value) in enumerate(zip(fields_, values, strict=True)):
                    if value is None:
                        continue
                    if field.type == "many2one":
                        sheet.write_string(line, index, names[field.comodel_name][value])
                    elif field.type == "monetary":
                        sheet.write_number(line, index, value, styles["money"])
                    elif field.type == "date":
                        sheet.write_datetime(line, index, value, styles["date"])
                    elif field.type == "selection":
                        sheet.write_string(line, index, kinds[value])
                    else:
                        sheet.write_string(line, index, value)
                line += 1
        self.env.cr.execute(SQL("CLOSE %s", cursor))
        sheet.set_column(0, len(fields_) - 1, 16)

    def _resolve_names(self, chunk, fields_, names):
        """Display names of the chunk's related records not seen yet, one batch
        per model: the name cache grows with distinct records, not with lines."""
        loaded = False
        for index, field in enumerate(fields_):
            if field.type != "many2one":
                continue
            known = names.setdefault(field.comodel_name, {})
            missing = {values[index] for values in chunk} - known.keys() - {None}
            if missing:
                records = self.env[field.comodel_name].browse(missing).sudo()
                known.update((record.id, record.display_name) for record in records)
                loaded = True
        if loaded:
            # Only the names are kept: the records read for them (every prefetched
            # column of tens of thousands of customers and opportunities) would stay
            # in the ORM cache until the end, 230 MB for 200,000 lines.
            self.env.invalidate_all()
