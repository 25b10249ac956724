from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain


class CrmApprovalDelegation(models.Model):
    _name = "crm.approval.delegation"
    _description = "Approval Delegation"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    from_user_id = fields.Many2one(
        "res.users",
        string="Absent Reviewer",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    to_user_id = fields.Many2one(
        "res.users", string="Delegate", required=True, index=True, tracking=True
    )
    # The owner of the document, as every document of ours: the absent reviewer.
    user_id = fields.Many2one(related="from_user_id", store=True, string="Owner")
    team_id = fields.Many2one("crm.team", compute="_compute_team_id", store=True)
    date_from = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    date_to = fields.Date(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    state = fields.Selection(
        [("scheduled", "Scheduled"), ("active", "In Progress"), ("ended", "Ended")],
        compute="_compute_state",
        search="_search_state",
    )
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.constrains("from_user_id", "to_user_id", "date_from", "date_to", "active")
    def _check_delegation(self):
        for delegation in self:
            if delegation.from_user_id == delegation.to_user_id:
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot delegate their reviews to themselves.",
                        user=delegation.from_user_id.name,
                    )
                )
            if delegation.date_from > delegation.date_to:
                raise ValidationError(
                    self.env._(
                        "The delegation of %(user)s ends on %(date_to)s, before it "
                        "starts on %(date_from)s.",
                        user=delegation.from_user_id.name,
                        date_to=delegation.date_to,
                        date_from=delegation.date_from,
                    )
                )
        overlapping = self.search(
            [
                ("id", "not in", self.ids),
                ("from_user_id", "in", self.from_user_id.ids),
                ("date_from", "<=", max(self.mapped("date_to"))),
                ("date_to", ">=", min(self.mapped("date_from"))),
            ]
        )
        for delegation in self.filtered("active"):
            for other in overlapping | (self - delegation).filtered("active"):
                if (
                    other.from_user_id == delegation.from_user_id
                    and other.date_from <= delegation.date_to
                    and other.date_to >= delegation.date_from
                ):
                    raise ValidationError(
                        self.env._(
                            "%(user)s already delegates their reviews from %(date_from)s "
                            "to %(date_to)s (%(delegate)s).",
                            user=delegation.from_user_id.name,
                            date_from=other.date_from,
                            date_to=other.date_to,
                            delegate=other.to_user_id.name,
                        )
                    )

    @api.depends("from_user_id", "to_user_id")
    def _compute_name(self):
        for delegation in self:
            delegation.name = self.env._(
                "%(from)s → %(to)s",
                **{
                    "from": delegation.from_user_id.name or "",
                    "to": delegation.to_user_id.name or "",
                },
            )

    @api.depends("from_user_id")
    def _compute_team_id(self):
        for delegation in self:
            delegation.team_id = delegation.from_user_id.sale_team_id

    @api.depends_context("tz")
    @api.depends("date_from", "date_to", "active")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for delegation in self:
            if not delegation.active or (delegation.date_to and delegation.date_to < today):
                delegation.state = "ended"
            elif delegation.date_from and delegation.date_from > today:
                delegation.state = "scheduled"
            else:
                delegation.state = "active"

    def _search_state(self, operator, value):
        if operator != "in":
            return NotImplemented
        today = fields.Date.context_today(self)
        domains = {
            "ended": Domain("active", "=", False) | Domain("date_to", "<", today),
            "scheduled": Domain("active", "=", True) & Domain("date_from", ">", today),
            "active": Domain("active", "=", True)
            & Domain("date_from", "<=", today)
            & Domain("date_to", ">=", today),
        }
        return Domain.OR([domains[state] for state in value if state in domains])

    @api.model_create_multi
    def create(self, vals_list):
        delegations = super().create(vals_list)
        delegations._refresh_reviews()
        return delegations

    def write(self, vals):
        users = self.from_user_id | self.to_user_id
        res = super().write(vals)
        if {"from_user_id", "to_user_id", "date_from", "date_to", "active"} & set(vals):
            self._refresh_reviews(users)
        return res

    def action_end(self):
        """End the delegation today: from tomorrow the delegate no longer reviews."""
        today = fields.Date.context_today(self)
        ended = self.filtered(lambda d: d.state == "ended")
        if ended:
            raise UserError(
                self.env._("The delegation %(name)s has already ended.", name=ended[0].name)
            )
        for delegation in self:
            if delegation.date_from >= today:
                # Not started before today: archiving ends it at once.
                delegation.active = False
            else:
                delegation.date_to = today - timedelta(days=1)
        return True

    @api.model
    def _get_active_delegates(self):
        """{absent user id: delegate users} for the delegations running today."""
        # sudo: reviewers of any user are computed whoever triggers the compute.
        delegations = self.sudo().search([("state", "in", ["active"])])
        result = {}
        for delegation in delegations:
            result.setdefault(delegation.from_user_id.id, self.env["res.users"])
            result[delegation.from_user_id.id] |= delegation.to_user_id
        return result

    def _refresh_reviews(self, users=None):
        """Reviewers are stored on the reviews: recompute the open reviews of the
        users concerned when a delegation starts, ends or changes."""
        users = (users or self.env["res.users"]) | self.from_user_id | self.to_user_id
        if not users:
            return
        # sudo: the absent user's reviews are not all readable by the one delegating.
        reviews = (
            self.env["tier.review"]
            .sudo()
            .search([("status", "in", ["waiting", "pending"]), ("reviewer_ids", "in", users.ids)])
        )
        reviews._crm_refresh_reviewers()

    @api.model
    def _cron_refresh_reviews(self):
        """Daily: delegations starting today or ended yesterday change who reviews.
        Safe to run twice: it only recomputes."""
        today = fields.Date.context_today(self)
        changed = self.with_context(active_test=False).search(
            Domain("date_from", "=", today) | Domain("date_to", "=", today - timedelta(days=1))
        )
        changed._refresh_reviews()
