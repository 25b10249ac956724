from odoo import api, fields, models
from odoo.exceptions import ValidationError

RATINGS = [
    ("1", "Very Poor"),
    ("2", "Poor"),
    ("3", "Fair"),
    ("4", "Good"),
    ("5", "Excellent"),
]


class CrmLoanFeedback(models.Model):
    """反馈单: what the customer found while trying the goods."""

    _name = "crm.loan.feedback"
    _description = "Loan Trial Feedback"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    loan_id = fields.Many2one("crm.loan", required=True, index=True, check_company=True)
    name = fields.Char(related="loan_id.name", string="Loan Reference")
    partner_id = fields.Many2one(related="loan_id.partner_id", store=True, string="Customer")
    commercial_partner_id = fields.Many2one(related="loan_id.commercial_partner_id", store=True)
    user_id = fields.Many2one(related="loan_id.user_id", store=True, index=True)
    team_id = fields.Many2one(related="loan_id.team_id", store=True, index=True)
    company_id = fields.Many2one(related="loan_id.company_id", store=True, index=True)
    author_id = fields.Many2one(
        "res.partner", string="Given By", default=lambda self: self.env.user.partner_id
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    source = fields.Selection(
        [("staff", "Entered by Staff"), ("portal", "Customer Portal")],
        default="staff",
        required=True,
        readonly=True,
    )
    problems = fields.Text(string="Problems Found")
    requirements = fields.Text()
    rating = fields.Selection(RATINGS, required=True, default="3")
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")

    @api.constrains("problems", "requirements")
    def _check_content(self):
        for feedback in self:
            if not (feedback.problems or "").strip() and not (feedback.requirements or "").strip():
                raise ValidationError(
                    self.env._(
                        "The feedback on loan %(loan)s says nothing: describe the problems "
                        "found or the requirements.",
                        loan=feedback.loan_id.name,
                    )
                )

    @api.constrains("loan_id")
    def _check_loan_out(self):
        for feedback in self:
            if feedback.loan_id.state not in ("shipped", "done"):
                raise ValidationError(
                    self.env._(
                        "Loan %(loan)s has not been shipped: there is nothing to give "
                        "feedback on yet.",
                        loan=feedback.loan_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        feedbacks = super().create(vals_list)
        # Attachments uploaded on the form belong to the feedback, readable with it.
        for feedback in feedbacks:
            feedback.attachment_ids.sudo().write({"res_model": self._name, "res_id": feedback.id})
            feedback.loan_id.message_post(
                body=self.env._(
                    "Trial feedback from %(author)s, rated %(rating)s.",
                    author=feedback.author_id.display_name,
                    rating=dict(RATINGS)[feedback.rating],
                ),
            )
        return feedbacks
