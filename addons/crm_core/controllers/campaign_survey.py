from odoo import http
from odoo.http import request

from odoo.addons.survey.controllers.main import Survey


class CampaignSurvey(Survey):
    @http.route()
    def survey_start(self, survey_token, answer_token=None, email=False, **post):
        """A survey that takes one answer per partner: a logged-in partner who started
        already resumes that answer, one who finished gets a page saying so, instead
        of survey's bare redirect when _create_answer refuses."""
        cookie = request.cookies.get(f"survey_{survey_token}")
        user = request.env.user
        if not answer_token and not cookie and not user._is_public():
            survey_sudo = (
                request.env["survey.survey"]
                .sudo()
                .search([("access_token", "=", survey_token)], limit=1)
            )
            if survey_sudo.crm_one_answer_per_partner:
                answer_sudo = (
                    request.env["survey.user_input"]
                    .sudo()
                    .search(
                        [
                            ("survey_id", "=", survey_sudo.id),
                            ("partner_id", "=", user.partner_id.id),
                            ("test_entry", "=", False),
                        ],
                        limit=1,
                    )
                )
                if answer_sudo.state in ("new", "in_progress"):
                    return request.redirect(
                        f"/survey/start/{survey_token}?answer_token={answer_sudo.access_token}"
                    )
                if answer_sudo:
                    return request.render(
                        "crm_core.crm_survey_answered_page",
                        {"survey": survey_sudo, "partner": user.partner_id},
                    )
        return super().survey_start(survey_token, answer_token=answer_token, email=email, **post)
