from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    sla_on_hold = fields.Boolean(
        string="SLA On Hold",
        help="While a request is in this stage (waiting for the customer or a part), "
        "its SLA clock is paused; the deadlines move by the paused working hours.",
    )
