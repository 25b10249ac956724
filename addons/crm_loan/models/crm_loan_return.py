from odoo import fields, models

CONDITIONS = [("good", "Good: back to stock"), ("defective", "Defective: to inspection")]


class CrmLoanReturn(models.Model):
    """归还单: outstanding units come back to stock, or to the defective location."""

    _name = "crm.loan.return"
    _description = "Loan Return"
    _inherit = ["crm.loan.settle"]

    condition = fields.Selection(CONDITIONS, required=True, default="good", tracking=True)
    line_ids = fields.One2many("crm.loan.return.line", "return_id", string="Lines")
    picking_id = fields.Many2one(string="Receipt")

    def _confirm(self):
        what = self.env._("Return %(name)s", name=self.name)
        lines = self._settle_lines(what)
        loan = self.loan_id
        destination = (
            loan.company_id._crm_loan_locations()["defective"]
            if self.condition == "defective"
            else loan.warehouse_id.lot_stock_id
        )
        picking = loan._crm_loan_transfer(
            loan.location_id,
            destination,
            self._moves(lines),
            "return",
            picking_type=loan.warehouse_id._crm_loan_picking_types()[1],
        )
        self.write({"state": "done", "picking_id": picking.id})
        loan._update_state_from_quantities()
        loan.message_post(
            body=self.env._(
                "%(what)s: %(qty)s units back (%(condition)s), receipt %(picking)s.",
                what=what,
                qty=sum(lines.mapped("quantity")),
                condition=self._selection_label("condition"),
                picking=picking.name,
            )
        )
