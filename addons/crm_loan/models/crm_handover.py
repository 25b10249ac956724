from odoo import api, models


class CrmHandover(models.Model):
    _inherit = "crm.handover"

    @api.model
    def _handover_types(self):
        return super()._handover_types() + [
            {
                "key": "loan",
                "label": self.env._("Loans"),
                "sequence": 60,
                "model": "crm.loan",
                "user_field": "user_id",
                "team_field": "team_id",
                "domain": [("state", "not in", ("done", "rejected", "cancel"))],
                "modes": ["user", "team"],
            }
        ]
