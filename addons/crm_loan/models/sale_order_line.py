from odoo import fields, models


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    crm_loan_line_id = fields.Many2one(
        "crm.loan.line", string="Loaned Item", readonly=True, copy=False, index="btree_not_null"
    )
