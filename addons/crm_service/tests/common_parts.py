from odoo import Command

from .common import CrmServiceCommon, at


class CrmServicePartsCommon(CrmServiceCommon):
    """The parts warehouse with a serial-tracked roller (R1 to R3) and ten belts;
    a machine under 12 months of warranty whose serials were delivered to Acme on
    10 June 2025 (M-IN) and 1 December 2024 (M-OUT), or never (M-NEW); Acme buys
    at 10 % off; a request on M-OUT with a work order tech 1 has started."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], order="sequence, id", limit=1
        )
        cls.wh_stock = cls.warehouse.lot_stock_id
        cls.customers = cls.env.ref("stock.stock_location_customers")
        Product = cls.env["product.product"]
        part = {"is_storable": True, "type": "consu", "taxes_id": [Command.clear()]}
        cls.roller = Product.create(
            {"name": "Feed Roller", "tracking": "serial", "list_price": 30.0, **part}
        )
        cls.belt = Product.create({"name": "Drive Belt", "list_price": 12.0, **part})
        cls.machine = Product.create(
            {
                "name": "Label Printer",
                "tracking": "serial",
                "list_price": 900.0,
                "service_warranty_months": 12,
                **part,
            }
        )
        cls.labour = cls.env.ref("crm_service.product_service_labour")
        cls.labour.write({"list_price": 60.0, "taxes_id": [Command.clear()]})
        Lot = cls.env["stock.lot"]
        cls.r1, cls.r2, cls.r3 = Lot.create(
            [{"name": name, "product_id": cls.roller.id} for name in ("R1", "R2", "R3")]
        )
        cls.m_in, cls.m_out, cls.m_new = Lot.create(
            [{"name": name, "product_id": cls.machine.id} for name in ("M-IN", "M-OUT", "M-NEW")]
        )
        Quant = cls.env["stock.quant"]
        for lot in cls.r1 | cls.r2 | cls.r3:
            Quant._update_available_quantity(cls.roller, cls.wh_stock, 1, lot_id=lot)
        Quant._update_available_quantity(cls.belt, cls.wh_stock, 10)
        for lot in cls.m_in | cls.m_out | cls.m_new:
            Quant._update_available_quantity(cls.machine, cls.wh_stock, 1, lot_id=lot)
        with at("2025-06-10 10:00:00"):
            cls._deliver(cls.m_in, cls.contact_a)
        with at("2024-12-01 10:00:00"):
            cls._deliver(cls.m_out, cls.contact_a)
        # the pricelists feature, as Settings > Sales > Pricelists turns it on
        cls.env.ref("base.group_user").write(
            {"implied_ids": [Command.link(cls.env.ref("product.group_product_pricelist").id)]}
        )
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Acme 10 % off",
                "currency_id": cls.company.currency_id.id,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "percent_price": 10,
                        }
                    )
                ],
            }
        )
        cls.customer_a.property_product_pricelist = cls.pricelist
        cls.ticket = cls._new_request(
            user_id=cls.agent_a.id, product_id=cls.machine.id, lot_id=cls.m_out.id
        )
        cls.order = cls._started_order(cls.ticket)
        Location = cls.env["stock.location"]
        cls.tech_1_stock = Location._service_technician_location(cls.tech_1, cls.company)
        cls.defective = Location._service_defective_location(cls.company)

    @classmethod
    def _deliver(cls, lot, partner):
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": cls.warehouse.out_type_id.id,
                "location_id": cls.wh_stock.id,
                "location_dest_id": cls.customers.id,
                "partner_id": partner.id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": lot.product_id.id,
                            "product_uom_qty": 1,
                            "location_id": cls.wh_stock.id,
                            "location_dest_id": cls.customers.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.move_ids.move_line_ids.unlink()
        cls.env["stock.move.line"].create(
            {
                "move_id": picking.move_ids.id,
                "picking_id": picking.id,
                "product_id": lot.product_id.id,
                "lot_id": lot.id,
                "quantity": 1,
                "location_id": cls.wh_stock.id,
                "location_dest_id": cls.customers.id,
                "picked": True,
            }
        )
        picking.button_validate()
        return picking

    @classmethod
    def _started_order(cls, ticket, technician=None):
        technician = technician or cls.tech_1
        order = cls._new_order(ticket, technician)
        order.with_user(cls.agent_a).action_dispatch()
        order.with_user(technician).action_accept()
        order.with_user(technician).action_start()
        return order

    def _qty(self, location, product, lot=None):
        quants = self.env["stock.quant"].search(
            [
                ("location_id", "=", location.id),
                ("product_id", "=", product.id),
                ("lot_id", "=", lot.id if lot else False),
            ]
        )
        return sum(quants.mapped("quantity"))

    def _moves(self, user, *vals_list):
        return (
            self.env["crm.service.part.move"]
            .with_user(user)
            .create([{"technician_id": user.id, **vals} for vals in vals_list])
        )

    def _requisition(self, user, *lines):
        moves = self._moves(user, *({"move_type": "requisition", **vals} for vals in lines))
        moves.action_validate()
        return moves
