from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from . import knowledge_text as kt

MAX_COMMENT_CHARS = 2000


class CrmKnowledgeFeedback(models.Model):
    _name = "crm.knowledge.feedback"
    _description = "Knowledge Reader Feedback"
    _order = "create_date desc, id desc"

    article_id = fields.Many2one(
        "crm.knowledge.article", required=True, ondelete="cascade", index=True
    )
    helpful = fields.Boolean()
    comment = fields.Text(help="Plain text; any markup a reader typed is removed.")
    author_name = fields.Char("Author")
    partner_id = fields.Many2one("res.partner", readonly=True)
    session_key = fields.Char(readonly=True)
    state = fields.Selection(
        [("pending", "To Moderate"), ("approved", "Approved"), ("rejected", "Rejected")],
        default="pending",
        required=True,
        index=True,
    )

    @api.constrains("comment")
    def _check_comment(self):
        for feedback in self:
            if feedback.comment and len(feedback.comment) > MAX_COMMENT_CHARS:
                raise ValidationError(
                    self.env._("A comment is limited to %(max)s characters.", max=MAX_COMMENT_CHARS)
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("comment"):
                # Readers type plain text; tags (a stored <script>) never survive.
                vals["comment"] = kt.plain_comment(vals["comment"]) or False
        feedbacks = super().create(vals_list)
        for feedback in feedbacks:
            feedback.article_id.sudo()._increment(
                "helpful_count" if feedback.helpful else "unhelpful_count"
            )
        return feedbacks

    def write(self, vals):
        if vals.get("comment"):
            vals["comment"] = kt.plain_comment(vals["comment"]) or False
        return super().write(vals)

    def action_approve(self):
        if self.filtered(lambda f: f.state != "pending"):
            raise UserError(self.env._("Only feedback waiting for moderation can be approved."))
        self.state = "approved"

    def action_reject(self):
        if self.filtered(lambda f: f.state != "pending"):
            raise UserError(self.env._("Only feedback waiting for moderation can be rejected."))
        self.state = "rejected"
