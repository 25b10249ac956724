from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    crm_loan_out_type_id = fields.Many2one("stock.picking.type", string="Loan Shipments")
    crm_loan_in_type_id = fields.Many2one("stock.picking.type", string="Loan Returns")

    def _crm_loan_picking_types(self):
        """(shipments, returns) of this warehouse, made the first time a loan needs
        them. Their moves stay inside the company's books: internal transfers."""
        self.ensure_one()
        if not (self.crm_loan_out_type_id and self.crm_loan_in_type_id):
            Type = self.env["stock.picking.type"].sudo()
            vals = {"code": "internal", "warehouse_id": self.id, "company_id": self.company_id.id}
            self.sudo().write(
                {
                    "crm_loan_out_type_id": self.crm_loan_out_type_id.id
                    or Type.create(
                        dict(
                            vals,
                            name=self.env._("Loan Shipments"),
                            sequence_code="LOAN",
                            default_location_src_id=self.lot_stock_id.id,
                        )
                    ).id,
                    "crm_loan_in_type_id": self.crm_loan_in_type_id.id
                    or Type.create(
                        dict(
                            vals,
                            name=self.env._("Loan Returns"),
                            sequence_code="LOANR",
                            default_location_dest_id=self.lot_stock_id.id,
                        )
                    ).id,
                }
            )
        return self.crm_loan_out_type_id, self.crm_loan_in_type_id
