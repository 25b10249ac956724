from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    crm_loan_conversion_id = fields.Many2one(
        "crm.loan.conversion",
        string="Loan Conversion",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
