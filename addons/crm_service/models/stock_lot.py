from dateutil.relativedelta import relativedelta

from odoo import fields, models


class StockLot(models.Model):
    _inherit = "stock.lot"

    def _service_warranty(self, partner, today=None):
        """The warranty of these serials for this customer: {lot: (state,
        delivery date, end date)}, state being `in`, `out` or `unknown`. The
        warranty runs from the last done delivery of the serial to the customer
        (a move line of it into a customer location, its transfer addressed to the
        customer or one of their contacts, not the delivery back from a factory
        repair) for the product's warranty months."""
        today = today or fields.Date.context_today(self)
        result = dict.fromkeys(self, ("unknown", False, False))
        commercial = partner.commercial_partner_id
        if not self or not commercial:
            return result
        lines = (
            self.env["stock.move.line"]
            .sudo()
            .search_fetch(
                [
                    ("lot_id", "in", self.ids),
                    ("state", "=", "done"),
                    ("location_dest_id.usage", "=", "customer"),
                    ("picking_id.partner_id.commercial_partner_id", "=", commercial.id),
                    # a repaired unit brought back does not restart its warranty
                    ("picking_id.service_repair_ticket_id", "=", False),
                ],
                ["lot_id", "date"],
                order="date desc, id desc",
            )
        )
        delivered = {}
        for line in lines:
            delivered.setdefault(line.lot_id.id, line.date)
        for lot in self:
            if lot.id not in delivered:
                continue
            delivery = fields.Date.to_date(delivered[lot.id])
            end = delivery + relativedelta(months=lot.product_id.service_warranty_months)
            months = lot.product_id.service_warranty_months
            result[lot] = ("in" if months and today <= end else "out", delivery, end)
        return result
