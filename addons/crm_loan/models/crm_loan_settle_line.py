from odoo import api, fields, models


class CrmLoanSettleLine(models.AbstractModel):
    """What a return line and a conversion line share: some outstanding units of
    one loaned item, with their serials."""

    _name = "crm.loan.settle.line"
    _description = "Loan Settlement Line"

    loan_line_id = fields.Many2one(
        "crm.loan.line",
        string="Loaned Item",
        required=True,
        index=True,
        domain="[('loan_id', '=', loan_id)]",
    )
    product_id = fields.Many2one(related="loan_line_id.product_id")
    tracking = fields.Selection(related="loan_line_id.tracking")
    outstanding_qty = fields.Float(related="loan_line_id.outstanding_qty", string="Outstanding")
    quantity = fields.Float(required=True, default=0.0, digits="Product Unit")
    lot_ids = fields.Many2many(
        "stock.lot", string="Serial Numbers", domain="[('product_id', '=', product_id)]"
    )

    @api.onchange("lot_ids")
    def _onchange_lot_ids(self):
        if self.tracking == "serial":
            self.quantity = len(self.lot_ids)

    @api.model
    def _proposal(self, loan):
        """Commands proposing everything still out; the user lowers the rest."""
        return [(5, 0, 0)] + [
            (
                0,
                0,
                {
                    "loan_line_id": line.id,
                    "quantity": line.outstanding_qty,
                    "lot_ids": [(6, 0, line.outstanding_lot_ids.ids)],
                },
            )
            for line in loan.line_ids
            if line.outstanding_qty > 0
        ]
