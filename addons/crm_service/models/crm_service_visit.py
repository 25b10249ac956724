from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# the satisfaction scale of a return visit, by call or by survey
SCORE_MIN = 1
SCORE_MAX = 5


class CrmServiceVisit(models.Model):
    """A return visit (回访) of a closed service request: by call, the agent
    records the customer's score; by survey, the customer answers the shipped
    satisfaction survey and its total becomes the score. A score below the
    request type's threshold opens a complaint owned by the first contact."""

    _name = "crm.service.visit"
    _description = "Service Return Visit"
    _inherit = ["crm.service.numbered", "mail.thread", "mail.activity.mixin"]
    _order = "planned_date desc, id desc"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    team_id = fields.Many2one(
        related="ticket_id.team_id", store=True, string="Service Team", index=True
    )
    partner_id = fields.Many2one(related="ticket_id.partner_id", store=True, string="Contact")
    commercial_partner_id = fields.Many2one(
        related="ticket_id.commercial_partner_id", store=True, string="Customer", index=True
    )
    service_order_id = fields.Many2one(
        "crm.service.order", string="Work Order", index="btree_not_null", check_company=True
    )
    technician_ids = fields.Many2many(
        "res.users",
        "crm_service_visit_technician_rel",
        "visit_id",
        "user_id",
        string="Technicians",
        help="Who did the request's work orders: the score counts for each of them.",
    )
    user_id = fields.Many2one(
        "res.users", string="Assigned To", index="btree_not_null", tracking=True
    )
    planned_date = fields.Date(required=True, index=True, tracking=True)
    method = fields.Selection(
        [("call", "Call"), ("survey", "Survey")], default="call", required=True, tracking=True
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("sent", "Survey Sent"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    score = fields.Integer(copy=False, tracking=True, aggregator="avg")
    score_date = fields.Datetime(readonly=True, copy=False)
    note = fields.Text()
    survey_user_input_id = fields.Many2one(
        "survey.user_input",
        string="Survey Answer",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="survey.group_survey_user",
    )
    survey_url = fields.Char(compute="_compute_survey_url", string="Survey Link")
    complaint_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Complaint", readonly=True, copy=False, index="btree_not_null"
    )

    _ticket_unique = models.UniqueIndex("(ticket_id) WHERE state != 'cancel'")

    @api.constrains("score")
    def _check_score(self):
        for visit in self:
            if visit.score and not SCORE_MIN <= visit.score <= SCORE_MAX:
                raise ValidationError(
                    self.env._(
                        "The score of %(visit)s must be between %(min)s and %(max)s, not "
                        "%(score)s.",
                        visit=visit.name,
                        min=SCORE_MIN,
                        max=SCORE_MAX,
                        score=visit.score,
                    )
                )

    def _compute_survey_url(self):
        for visit in self:
            answer = visit.sudo().survey_user_input_id
            visit.survey_url = answer.get_start_url() if answer else False

    def action_record_score(self):
        """The agent called the customer and typed the score in."""
        for visit in self:
            if visit.state != "planned":
                raise UserError(
                    self.env._("%(visit)s is not waiting for a call.", visit=visit.name)
                )
            if not visit.score:
                raise ValidationError(
                    self.env._("Enter the customer's score of %(visit)s first.", visit=visit.name)
                )
        self._set_score()

    def action_send_survey(self):
        """Opens an answer of the shipped satisfaction survey for the contact and
        sends them its link."""
        survey = self.env.ref("crm_service.survey_service_satisfaction").sudo()
        for visit in self:
            if visit.state != "planned":
                raise UserError(self.env._("%(visit)s is not planned.", visit=visit.name))
            if not visit.partner_id.email:
                raise UserError(
                    self.env._(
                        "%(partner)s has no e-mail address for the survey of %(visit)s.",
                        partner=visit.partner_id.display_name or self.env._("The contact"),
                        visit=visit.name,
                    )
                )
        for visit in self:
            answer = survey._create_answer(partner=visit.partner_id, check_attempts=False)
            visit.sudo().write(
                {"method": "survey", "state": "sent", "survey_user_input_id": answer.id}
            )
            visit.message_post(
                body=self.env._(
                    "Dear customer, how satisfied are you with our service on %(request)s? "
                    "Please answer our short survey: %(url)s",
                    request=visit.ticket_id.name,
                    url=answer.get_base_url() + answer.get_start_url(),
                ),
                partner_ids=visit.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def action_cancel(self):
        if self.filtered(lambda v: v.state == "done"):
            raise UserError(self.env._("A done return visit cannot be cancelled."))
        self.write({"state": "cancel"})

    def action_view_complaint(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": self.complaint_ticket_id.id,
            "view_mode": "form",
        }

    def _on_survey_done(self, answers):
        """The customer finished the survey: its total score becomes the score."""
        totals = {answer.id: answer.scoring_total for answer in answers}
        for visit in self:
            visit.score = round(totals[visit.sudo().survey_user_input_id.id])
            if not visit.score:
                raise ValidationError(
                    self.env._("The survey of %(visit)s gave no score.", visit=visit.name)
                )
        self._set_score()

    def _set_score(self):
        self.write({"state": "done", "score_date": fields.Datetime.now()})
        low = self.filtered(lambda v: v.score < v.ticket_id.request_type_id.visit_min_score)
        if low:
            low._open_complaints()

    def _open_complaints(self):
        """One complaint request per visit, owned by the original request's first
        contact. As superuser: the customer answering the survey cannot create
        requests, and the owner must get it whoever records the score."""
        complaint_type = self.env.ref(
            "crm_service.request_type_complaint", raise_if_not_found=False
        )
        if not complaint_type:
            raise UserError(self.env._("The Complaint request type is missing."))
        vals_list = []
        for visit in self:
            ticket = visit.ticket_id.sudo()
            owner = ticket.first_contact_user_id or ticket.user_id
            vals_list.append(
                {
                    "name": self.env._(
                        "Complaint: %(request)s (score %(score)s)",
                        request=ticket.name,
                        score=visit.score,
                    ),
                    "description": visit.note or ticket.description,
                    "partner_id": ticket.partner_id.id,
                    "team_id": ticket.team_id.id,
                    "company_id": ticket.company_id.id,
                    "user_id": owner.id,
                    "first_contact_user_id": owner.id,
                    "request_type_id": complaint_type.id,
                    "origin_ticket_id": ticket.id,
                    "product_id": ticket.product_id.id,
                    "lot_id": ticket.lot_id.id,
                }
            )
        complaints = self.env["helpdesk.ticket"].sudo().create(vals_list)
        for visit, complaint in zip(self, complaints, strict=True):
            visit.sudo().complaint_ticket_id = complaint
