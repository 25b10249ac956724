from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain


class CrmApprovalPending(models.Model):
    """Open reviews of every tier-validated model, to chase late approvals. A view
    of tier.review with its own record rules: requesters see the reviews they
    asked for, reviewers theirs, managers all."""

    _name = "crm.approval.pending"
    _description = "Pending Approval"
    _auto = False
    _order = "requested_date"
    _rec_name = "res_name"
    # Flush these before reading the view.
    _depends = {
        "tier.review": [
            "model",
            "res_id",
            "definition_id",
            "status",
            "requested_by",
            "requested_date",
            "company_id",
            "active",
            "reviewer_ids",
        ],
    }

    review_id = fields.Many2one("tier.review", readonly=True)
    model = fields.Char(string="Model", readonly=True)
    model_name = fields.Char(string="Document Type", compute="_compute_document")
    res_id = fields.Many2oneReference(string="Record ID", model_field="model", readonly=True)
    res_name = fields.Char(string="Document", compute="_compute_document")
    definition_id = fields.Many2one("tier.definition", string="Tier", readonly=True)
    status = fields.Selection([("waiting", "Waiting"), ("pending", "Pending")], readonly=True)
    requested_by = fields.Many2one("res.users", readonly=True)
    requested_date = fields.Datetime(string="Requested On", readonly=True)
    reviewer_ids = fields.Many2many(
        "res.users",
        relation="res_users_tier_review_rel",
        column1="tier_review_id",
        column2="res_users_id",
        string="Reviewers",
        readonly=True,
    )
    company_id = fields.Many2one("res.company", readonly=True)
    waiting_days = fields.Float(
        compute="_compute_waiting_days", search="_search_waiting_days", digits=(16, 1)
    )

    @property
    def _table_query(self):
        return """
            SELECT tr.id AS id, tr.id AS review_id, tr.model, tr.res_id,
                   tr.definition_id, tr.status, tr.requested_by,
                   COALESCE(tr.requested_date, tr.create_date) AS requested_date,
                   tr.company_id
              FROM tier_review tr
             WHERE tr.status IN ('waiting', 'pending') AND tr.active
        """

    def _compute_document(self):
        reviews = self.review_id
        names = {review.id: review.res_name for review in reviews}
        model_names = {
            m.model: m.name
            for m in self.env["ir.model"]
            .sudo()
            .search([("model", "in", list(set(self.mapped("model"))))])
        }
        for line in self:
            line.res_name = names.get(line.review_id.id)
            line.model_name = model_names.get(line.model, line.model)

    def _compute_waiting_days(self):
        now = fields.Datetime.now()
        for line in self:
            seconds = (now - line.requested_date).total_seconds() if line.requested_date else 0
            line.waiting_days = round(seconds / 86400, 1)

    def _search_waiting_days(self, operator, value):
        flipped = {">": "<", ">=": "<=", "<": ">", "<=": ">="}
        if operator not in flipped:
            return NotImplemented
        limit = fields.Datetime.now() - timedelta(days=float(value))
        return Domain("requested_date", flipped[operator], limit)

    def action_open_document(self):
        self.ensure_one()
        if not (self.res_id and self.model in self.env):
            raise UserError(
                self.env._("The document of review %(review)s no longer exists.", review=self.id)
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": self.model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
