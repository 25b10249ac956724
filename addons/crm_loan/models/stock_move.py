from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    crm_loan_line_id = fields.Many2one("crm.loan.line", index="btree_not_null", copy=False)
    # The serials the loan document names for this move (set on its move lines).
    crm_loan_lot_ids = fields.Many2many("stock.lot", string="Loan Serials", copy=False)
