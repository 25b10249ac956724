from odoo import Command

from odoo.addons.crm_core.tests.common import CrmCoreCommon


class CrmLoanCommon(CrmCoreCommon):
    """crm_core's two teams and their customers, plus stock to lend: a demo
    analyser tracked by serial (four units in stock) and an untracked sample kit
    (fifty in stock)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.analyser = Product.create(
            {
                "name": "Demo Analyser",
                "is_storable": True,
                "tracking": "serial",
                "list_price": 1000.0,
                "standard_price": 600.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.kit = Product.create(
            {
                "name": "Sample Kit",
                "is_storable": True,
                "list_price": 20.0,
                "standard_price": 8.0,
                "taxes_id": [Command.clear()],
            }
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.serials = cls.env["stock.lot"].create(
            [{"name": f"AN-{n}", "product_id": cls.analyser.id} for n in range(1, 5)]
        )
        Quant = cls.env["stock.quant"]
        for serial in cls.serials:
            Quant._update_available_quantity(cls.analyser, cls.stock, 1.0, lot_id=serial)
        Quant._update_available_quantity(cls.kit, cls.stock, 50.0)

    @classmethod
    def _new_loan(cls, key="a", lines=None, **values):
        """A draft loan of the owner ``key`` for that owner's customer; ``lines``
        maps a product to a quantity, or to serials for the analyser."""
        user, team = cls.owners[key]
        lines = lines or {cls.kit: 5}
        return cls.env["crm.loan"].create(
            {
                "loan_type": "demo",
                "partner_id": cls.customers[key].id,
                "user_id": user.id,
                "team_id": team.id,
                "line_ids": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": len(qty), "lot_ids": qty.ids}
                        if product.tracking == "serial"
                        else {"product_id": product.id, "product_uom_qty": qty}
                    )
                    for product, qty in lines.items()
                ],
                **values,
            }
        )

    @classmethod
    def _approve(cls, loan):
        loan.action_submit()
        loan.with_user(cls.manager).validate_tier()
        return loan

    @classmethod
    def _ship(cls, loan):
        """Approve and ship, the warehouse validating the delivery as proposed."""
        if loan.state == "draft":
            cls._approve(loan)
        loan.action_ship()
        picking = loan.picking_ids.filtered(lambda p: p.crm_loan_kind == "ship")
        for move in picking.move_ids:
            if not move.move_line_ids:
                move.quantity = move.product_uom_qty
            move.picked = True
        picking.button_validate()
        return loan

    @classmethod
    def _shipped_loan(cls, key="a", lines=None, **values):
        return cls._ship(cls._new_loan(key, lines, **values))

    def _settle(self, model, loan, quantities, **values):
        """A draft return or conversion of ``{loan line: qty or serials}``."""
        lines = []
        for line, qty in quantities.items():
            if isinstance(qty, float | int):
                lines.append(Command.create({"loan_line_id": line.id, "quantity": qty}))
            else:
                lines.append(
                    Command.create(
                        {"loan_line_id": line.id, "quantity": len(qty), "lot_ids": qty.ids}
                    )
                )
        return self.env[model].create({"loan_id": loan.id, "line_ids": lines, **values})

    def _return(self, loan, quantities, **values):
        return self._settle("crm.loan.return", loan, quantities, **values)

    def _convert(self, loan, quantities, kind, **values):
        return self._settle("crm.loan.conversion", loan, quantities, kind=kind, **values)

    def line_of(self, loan, product):
        return loan.line_ids.filtered(lambda line: line.product_id == product)

    def available(self, product, location=None):
        return self.env["stock.quant"]._get_available_quantity(product, location or self.stock)
