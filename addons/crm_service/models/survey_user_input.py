from odoo import models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    def _mark_done(self):
        result = super()._mark_done()
        # a return visit's survey answered: its score becomes the visit's score
        visits = (
            self.env["crm.service.visit"]
            .sudo()
            .search([("survey_user_input_id", "in", self.ids), ("state", "=", "sent")])
        )
        if visits:
            visits._on_survey_done(self)
        return result
