from odoo import api, fields, models

WARRANTY_STATES = [
    ("in", "In Warranty"),
    ("out", "Out of Warranty"),
    ("unknown", "Unknown"),
]


class HelpdeskTicket(models.Model):
    """The warranty of the request's serial for its customer (see
    stock.lot._service_warranty), and the request's settlements."""

    _inherit = "helpdesk.ticket"

    warranty_state = fields.Selection(
        WARRANTY_STATES, string="Warranty", compute="_compute_warranty"
    )
    warranty_delivery_date = fields.Date(string="Delivered On", compute="_compute_warranty")
    warranty_end_date = fields.Date(string="Warranty Until", compute="_compute_warranty")
    service_settlement_ids = fields.One2many(
        "crm.service.settlement", "ticket_id", string="Settlements"
    )

    @api.depends_context("uid")
    @api.depends("lot_id", "commercial_partner_id", "lot_id.product_id.service_warranty_months")
    def _compute_warranty(self):
        today = fields.Date.context_today(self)
        self.update(
            {
                "warranty_state": "unknown",
                "warranty_delivery_date": False,
                "warranty_end_date": False,
            }
        )
        # one query per customer, not per request
        for partner in self.commercial_partner_id:
            tickets = self.filtered(lambda t, p=partner: t.commercial_partner_id == p)
            warranty = tickets.lot_id._service_warranty(partner, today)
            for ticket in tickets:
                state, delivery, end = warranty.get(ticket.lot_id, ("unknown", False, False))
                ticket.warranty_state = state
                ticket.warranty_delivery_date = delivery
                ticket.warranty_end_date = end
