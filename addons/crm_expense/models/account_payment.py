from odoo import fields, models


class AccountPayment(models.Model):
    _inherit = "account.payment"

    crm_expense_request_id = fields.Many2one(
        "crm.expense.request",
        string="Expense Request",
        readonly=True,
        index="btree_not_null",
        help="The expense request this payment advances money for.",
    )
