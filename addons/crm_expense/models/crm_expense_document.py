from odoo import api, fields, models

# Who sees the expense figures of a document: the roles that may read requests.
EXPENSE_READERS = (
    "sales_team.group_sale_salesman,account.group_account_invoice,"
    "hr_expense.group_hr_expense_team_approver"
)


class CrmExpenseDocument(models.AbstractModel):
    """A business document expense requests and payouts can belong to.

    Inheriting this mixin is all a document needs: the requests and payouts point
    at it by model name and id, so crm_expense depends on no document's addon,
    and the document gets a smart button with its totals."""

    _name = "crm.expense.document"
    _description = "Document With Expenses"

    crm_expense_request_ids = fields.One2many(
        "crm.expense.request",
        "res_id",
        string="Expense Requests",
        domain=lambda self: [("res_model", "=", self._name)],
        groups=EXPENSE_READERS,
    )
    crm_expense_request_count = fields.Integer(
        string="Expense Request Count",
        compute="_compute_crm_expense_totals",
        groups=EXPENSE_READERS,
    )
    crm_expense_currency_id = fields.Many2one(
        "res.currency", compute="_compute_crm_expense_totals", groups=EXPENSE_READERS
    )
    crm_expense_approved_amount = fields.Monetary(
        string="Approved Expenses",
        currency_field="crm_expense_currency_id",
        compute="_compute_crm_expense_totals",
        groups=EXPENSE_READERS,
    )
    crm_expense_spent_amount = fields.Monetary(
        string="Spent Expenses",
        currency_field="crm_expense_currency_id",
        compute="_compute_crm_expense_totals",
        groups=EXPENSE_READERS,
        help="The confirmed payouts of this document, in the company's currency.",
    )

    # The totals count what the reader may see, so they are cached per user.
    @api.depends_context("uid")
    def _compute_crm_expense_totals(self):
        # Two grouped queries for the whole batch, whatever the number of documents.
        domain = [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        request_totals = {
            res_id: (count, approved)
            for res_id, count, approved in self.env["crm.expense.request"]._read_group(
                [*domain, ("state", "not in", ("rejected", "cancel"))],
                ["res_id"],
                ["__count", "approved_amount_company:sum"],
            )
        }
        spent = dict(
            self.env["crm.expense.payout"]._read_group(
                [*domain, ("state", "=", "approved")], ["res_id"], ["amount_company:sum"]
            )
        )
        for document in self:
            count, approved = request_totals.get(document.id, (0, 0.0))
            document.crm_expense_request_count = count
            document.crm_expense_approved_amount = approved
            document.crm_expense_spent_amount = spent.get(document.id, 0.0)
            document.crm_expense_currency_id = document._crm_expense_company().currency_id

    def _crm_expense_company(self):
        self.ensure_one()
        # A document of no company (a pool opportunity) spends in the user's.
        company = self["company_id"] if "company_id" in self else False
        return company or self.env.company

    def _crm_expense_defaults(self):
        """The values a new request or payout of this document starts from; each
        document adds what it knows (customer, opportunity, campaign, team)."""
        self.ensure_one()
        return {
            "res_model": self._name,
            "res_id": self.id,
            "company_id": self._crm_expense_company().id,
        }

    @api.model
    def _crm_expense_context(self, values):
        return {f"default_{name}": value for name, value in values.items() if value}

    def action_crm_expense_view_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_expense.crm_expense_request_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = self._crm_expense_context(self._crm_expense_defaults())
        return action

    def action_crm_expense_new_request(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Expense Request"),
            "res_model": "crm.expense.request",
            "views": [(False, "form")],
            "context": self._crm_expense_context(self._crm_expense_defaults()),
        }
