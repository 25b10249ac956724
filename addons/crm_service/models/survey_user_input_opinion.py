from markupsafe import Markup, escape

from odoo import fields, models
from odoo.exceptions import UserError

REQUEST_TYPES = {
    "suggestion": "crm_service.request_type_suggestion",
    "complaint": "crm_service.request_type_complaint",
}


class SurveyUserInput(models.Model):
    """An answer to a campaign's opinion collection (crm_core's survey kind
    "opinion") can become a service suggestion or complaint for the customer."""

    _inherit = "survey.user_input"

    service_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )

    def action_create_service_request(self, request_kind="suggestion"):
        """One service request of the given kind per completed opinion answer; its
        description is the answers, and the answer keeps the link back."""
        request_kind = self.env.context.get("crm_request_kind", request_kind)
        if request_kind not in REQUEST_TYPES:
            raise UserError(
                self.env._(
                    "A service request from an opinion is a suggestion or a complaint, "
                    "not %(kind)s.",
                    kind=request_kind,
                )
            )
        # who may open service requests may turn answers into them; the create itself
        # is sudo so that the answer's survey officer needs no helpdesk rule
        self.env["helpdesk.ticket"].check_access("create")
        for answer in self:
            answer._ensure_can_create_service_request()
        request_type = self.env.ref(REQUEST_TYPES[request_kind], raise_if_not_found=False)
        if not request_type:
            raise UserError(self.env._("The request type %(kind)s is missing.", kind=request_kind))
        label = dict(self._crm_request_kinds())[request_kind]
        tickets = (
            self.env["helpdesk.ticket"]
            .sudo()
            .create(
                [
                    {
                        "name": self.env._(
                            "%(kind)s: %(survey)s (%(partner)s)",
                            kind=label,
                            survey=answer.survey_id.title,
                            partner=answer.partner_id.display_name,
                        ),
                        "description": answer._crm_answers_html(),
                        "partner_id": answer.partner_id.id,
                        "company_id": (answer.campaign_id.company_id or self.env.company).id,
                        "request_type_id": request_type.id,
                    }
                    for answer in self
                ]
            )
        )
        for answer, ticket in zip(self, tickets, strict=True):
            answer.sudo().service_ticket_id = ticket
        if len(tickets) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "helpdesk.ticket",
                "view_mode": "form",
                "res_id": tickets.id,
            }
        return True

    def _crm_request_kinds(self):
        return [
            ("suggestion", self.env._("Suggestion")),
            ("complaint", self.env._("Complaint")),
        ]

    def _ensure_can_create_service_request(self):
        self.ensure_one()
        if self.survey_id.crm_kind != "opinion":
            raise UserError(
                self.env._(
                    "Only answers to an opinion collection become service requests; "
                    "%(survey)s is not one.",
                    survey=self.survey_id.title,
                )
            )
        if self.state != "done":
            raise UserError(
                self.env._(
                    "The answer of %(partner)s to %(survey)s is not completed yet.",
                    partner=self.partner_id.display_name or self.email or "-",
                    survey=self.survey_id.title,
                )
            )
        if not self.partner_id:
            raise UserError(
                self.env._(
                    "The answer to %(survey)s has no customer or contact to serve.",
                    survey=self.survey_id.title,
                )
            )
        if self.service_ticket_id:
            raise UserError(
                self.env._(
                    "The answer of %(partner)s already became the service request %(ticket)s.",
                    partner=self.partner_id.display_name,
                    ticket=self.service_ticket_id.sudo().display_name,
                )
            )

    def _crm_answers_html(self):
        """Each answered question and its answer, as the ticket's description."""
        self.ensure_one()
        rows = Markup("").join(
            Markup("<li><strong>%s</strong>: %s</li>")
            % (escape(line.question_id.title or ""), escape(line.display_name or ""))
            for line in self.user_input_line_ids.filtered(lambda line: not line.skipped)
        )
        return Markup("<ul>%s</ul>") % rows
