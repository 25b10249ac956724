import hashlib
import secrets
from datetime import timedelta

from odoo import api, fields, models

LINK_DAYS_PARAM = "crm_core.approval_link_days"


class CrmApprovalToken(models.Model):
    _name = "crm.approval.token"
    _description = "Approval Link"
    _order = "id desc"

    review_id = fields.Many2one("tier.review", required=True, index=True, ondelete="cascade")
    user_id = fields.Many2one("res.users", string="Reviewer", required=True, ondelete="cascade")
    action = fields.Selection([("approve", "Approve"), ("reject", "Reject")], required=True)
    # Only the SHA-256 of the token is stored: a leaked database gives no working link.
    token_hash = fields.Char(required=True, readonly=True)
    expiry_date = fields.Datetime(required=True, readonly=True)
    used_date = fields.Datetime(readonly=True)
    company_id = fields.Many2one(related="review_id.company_id", store=True)

    _token_hash_unique = models.UniqueIndex("(token_hash)")

    @api.autovacuum
    def _gc_old_links(self):
        """Links expired for a month serve no purpose, not even as an audit
        trail (the reviews keep who decided and when)."""
        limit = fields.Datetime.now() - timedelta(days=30)
        self.sudo().search([("expiry_date", "<", limit)]).unlink()

    @api.model
    def _hash(self, token):
        return hashlib.sha256((token or "").encode()).hexdigest()

    @api.model
    def _crm_create_link(self, review, user, action):
        """Create a single-use link for ``user`` to ``action`` ``review``; return
        its URL. The clear token exists only in the URL."""
        token = secrets.token_urlsafe(32)
        days = int(self.env["ir.config_parameter"].sudo().get_param(LINK_DAYS_PARAM, 7))
        # sudo: links are created for the reviewer by whoever requests the review.
        self.sudo().create(
            {
                "review_id": review.id,
                "user_id": user.id,
                "action": action,
                "token_hash": self._hash(token),
                "expiry_date": fields.Datetime.now() + timedelta(days=days),
            }
        )
        return f"{review.get_base_url()}/crm/approval/{token}"

    @api.model
    def _crm_find(self, token):
        # sudo: the link is the credential; the caller may be the public user.
        return self.sudo().search([("token_hash", "=", self._hash(token))], limit=1)

    def _crm_refusal(self, session_uid):
        """(code, message) saying why this link cannot be used now, or False."""
        if not self:
            return "unknown", self.env._("This approval link is not valid.")
        self.ensure_one()
        if self.used_date:
            return "used", self.env._(
                "This approval link was already used on %(date)s. Nothing was changed.",
                date=fields.Datetime.to_string(self.used_date),
            )
        if self.expiry_date < fields.Datetime.now():
            return "expired", self.env._(
                "This approval link expired on %(date)s. Nothing was changed. Open the "
                "document in Odoo to review it.",
                date=fields.Datetime.to_string(self.expiry_date),
            )
        if session_uid and session_uid != self.user_id.id:
            return "foreign", self.env._(
                "This approval link belongs to %(user)s, not to the user logged in. "
                "Nothing was changed.",
                user=self.user_id.name,
            )
        review = self.review_id
        if review.status not in ("waiting", "pending") or self.user_id not in review.reviewer_ids:
            return "decided", self.env._(
                "This review no longer awaits a decision from %(user)s. Nothing was changed.",
                user=self.user_id.name,
            )
        return False

    def _crm_use(self, reason=None):
        """Perform the link's action as its reviewer and burn the links of the
        same review and reviewer."""
        self.ensure_one()
        review = self.review_id
        siblings = self.search(
            [
                ("review_id", "=", review.id),
                ("user_id", "=", self.user_id.id),
                ("used_date", "=", False),
            ]
        )
        siblings.write({"used_date": fields.Datetime.now()})
        if self.action == "approve":
            review.with_user(self.user_id)._crm_approve_as(self.user_id)
        else:
            review.with_user(self.user_id)._crm_reject_as(
                self.user_id, reason or self.env._("Rejected from the e-mail link.")
            )
