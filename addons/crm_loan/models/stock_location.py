from odoo import fields, models


class StockLocation(models.Model):
    _inherit = "stock.location"

    crm_loan_company_id = fields.Many2one("res.company", index="btree_not_null", readonly=True)
    crm_loan_kind = fields.Selection(
        [
            ("root", "Loans"),
            ("partner", "Customer on Loan"),
            ("defective", "Defective Returns"),
            ("consumption", "Consumption"),
        ],
        string="Loan Location Kind",
        readonly=True,
    )
    crm_loan_partner_id = fields.Many2one(
        "res.partner", string="Loaned To", index="btree_not_null", readonly=True
    )
