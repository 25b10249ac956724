from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    crm_loan_id = fields.Many2one("crm.loan", string="Loan", index="btree_not_null", copy=False)
    crm_loan_kind = fields.Selection(
        [
            ("ship", "Loan Shipment"),
            ("return", "Loan Return"),
            ("sale", "Loan Sold"),
            ("gift", "Loan Gift"),
            ("consume", "Loan Consumption"),
            ("reloan", "Re-loan"),
        ],
        string="Loan Operation",
        copy=False,
        readonly=True,
    )

    def _action_done(self):
        res = super()._action_done()
        shipments = self.filtered(lambda p: p.crm_loan_kind == "ship" and p.state == "done")
        if shipments:
            shipments.crm_loan_id.sudo()._crm_loan_shipment_done(shipments)
        return res
