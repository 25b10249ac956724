from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        help="The SLA deadlines of the team's requests count these working hours; "
        "empty: the company's working hours.",
    )

    def _sla_calendar(self):
        self.ensure_one()
        return (
            self.resource_calendar_id
            or self.company_id.resource_calendar_id
            or self.env.company.resource_calendar_id
        )
