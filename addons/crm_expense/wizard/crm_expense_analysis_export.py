from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

# The six cross-tabs of U8's expense analysis (rows, columns); the saved
# favourites of the analysis (data/crm_expense_filters.xml) group the same way.
PRESETS = {
    "department_item": ("department_id", "product_id"),
    "salesperson_month": ("user_id", "date:month"),
    "customer_document": ("partner_id", "document_model_id"),
    "campaign_item": ("campaign_id", "product_id"),
    "stage_item": ("stage_id", "product_id"),
    "team_quarter": ("team_id", "date:quarter"),
}
DIMENSIONS = [
    ("department_id", "Department"),
    ("product_id", "Expense Item"),
    ("user_id", "Salesperson"),
    ("team_id", "Sales Team"),
    ("partner_id", "Customer"),
    ("document_model_id", "Document Type"),
    ("campaign_id", "Campaign"),
    ("stage_id", "Opportunity Stage"),
    ("employee_id", "Employee"),
    ("date:month", "Month"),
    ("date:quarter", "Quarter"),
    ("date:year", "Year"),
]
MEASURES = [
    ("spent_amount", "Spent"),
    ("approved_amount", "Approved"),
    ("requested_amount", "Requested"),
]


class CrmExpenseAnalysisExport(models.TransientModel):
    _name = "crm.expense.analysis.export"
    _description = "Export the Expense Analysis to Excel"

    preset = fields.Selection(
        [
            ("department_item", "Department × Expense Item"),  # noqa: RUF001
            ("salesperson_month", "Salesperson × Month"),  # noqa: RUF001
            ("customer_document", "Customer × Document Type"),  # noqa: RUF001
            ("campaign_item", "Campaign × Expense Item"),  # noqa: RUF001
            ("stage_item", "Opportunity Stage × Expense Item"),  # noqa: RUF001
            ("team_quarter", "Sales Team × Quarter"),  # noqa: RUF001
            ("custom", "Custom"),
        ],
        string="Cross-Tab",
        required=True,
        default="department_item",
    )
    row_groupby = fields.Selection(
        DIMENSIONS,
        string="Rows",
        required=True,
        compute="_compute_groupbys",
        store=True,
        readonly=False,
        precompute=True,
    )
    col_groupby = fields.Selection(
        DIMENSIONS,
        string="Columns",
        required=True,
        compute="_compute_groupbys",
        store=True,
        readonly=False,
        precompute=True,
    )
    measure = fields.Selection(MEASURES, required=True, default="spent_amount")
    date_from = fields.Date()
    date_to = fields.Date()
    with_details = fields.Boolean(
        string="Detail Sheet", default=True, help="Add a sheet with every line of the analysis."
    )

    @api.depends("preset")
    def _compute_groupbys(self):
        for wizard in self:
            if wizard.preset in PRESETS:
                wizard.row_groupby, wizard.col_groupby = PRESETS[wizard.preset]

    def _analysis_domain(self):
        self.ensure_one()
        domain = Domain.TRUE
        if self.date_from:
            domain &= Domain("date", ">=", self.date_from)
        if self.date_to:
            domain &= Domain("date", "<=", self.date_to)
        return domain

    def action_export(self):
        self.ensure_one()
        if self.row_groupby == self.col_groupby:
            raise UserError(self.env._("Rows and columns must group by different fields."))
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise UserError(self.env._("The period ends before it starts."))
        return self.env.ref("crm_expense.action_report_crm_expense_analysis_xlsx").report_action(
            self
        )
