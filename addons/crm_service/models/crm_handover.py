from odoo import api, models


class CrmHandover(models.Model):
    _inherit = "crm.handover"

    @api.model
    def _handover_types(self):
        # open service requests move to the new assignee; their helpdesk team is
        # not a sales team, so only the "between users" mode applies
        return [
            *super()._handover_types(),
            {
                "key": "service_request",
                "label": self.env._("Service Requests"),
                "sequence": 80,
                "model": "helpdesk.ticket",
                "user_field": "user_id",
                "team_field": False,
                "domain": [("stage_id.closed", "=", False)],
                "modes": ["user"],
            },
        ]
