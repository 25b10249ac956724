from markupsafe import Markup

from odoo import fields, models


class RepairOrder(models.Model):
    """A return-to-factory repair of a service request's unit: the request, the
    receipt that brought the unit in and the delivery that took it back. Its
    start and end are told on the request."""

    _inherit = "repair.order"

    service_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    service_receipt_id = fields.Many2one(
        "stock.picking", string="Factory Receipt", readonly=True, copy=False
    )
    service_delivery_id = fields.Many2one(
        "stock.picking", string="Delivery Back", readonly=True, copy=False
    )

    def action_repair_start(self):
        started = self.filtered(lambda repair: repair.state != "under_repair")
        result = super().action_repair_start()
        for repair in started:
            repair._service_tell_ticket(
                self.env._("Repair %(repair)s started.", repair=repair.name)
            )
        return result

    def action_repair_done(self):
        result = super().action_repair_done()
        for repair in self:
            repair._service_tell_ticket(
                self.env._("Repair %(repair)s finished: the unit is repaired.", repair=repair.name)
            )
        return result

    def action_repair_cancel(self):
        result = super().action_repair_cancel()
        for repair in self:
            repair._service_tell_ticket(
                self.env._("Repair %(repair)s cancelled.", repair=repair.name)
            )
        return result

    def _service_tell_ticket(self, message):
        # the repairer may not read service requests: the note is posted as superuser
        if self.service_ticket_id:
            self.service_ticket_id.sudo().message_post(
                body=Markup("<p>%s</p>") % message, subtype_xmlid="mail.mt_note"
            )

    def _service_factory_state(self):
        """Where the request's unit is in this repair (see helpdesk.ticket)."""
        if self.service_delivery_id:
            return "returned"
        return {
            "done": "repaired",
            "cancel": "cancelled",
            "under_repair": "under_repair",
        }.get(self.state, "at_factory")
