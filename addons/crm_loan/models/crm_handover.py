from odoo import api, models


class CrmHandover(models.Model):
    _inherit = "crm.handover"

    @api.model
    def _handover_types(self):
        return [
            *super()._handover_types(),
            {
                "key": "loan",
                "label": self.env._("Loans"),
                "sequence": 70,
                "model": "crm.loan",
                "user_field": "user_id",
                "team_field": "team_id",
                "domain": [("state", "not in", ("done", "rejected", "cancel"))],
                "modes": ["user", "team"],
                "move": "_handover_move_loans",
            },
        ]

    def _handover_move_loans(self, desc):
        # A loan waiting for its approval changes hands too: its owner and team are
        # not what the reviewers approve.
        loans = self._handover_search(desc).with_context(skip_validation_check=True)
        return self._handover_move_records(desc, loans)
