from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

OPEN_STATUSES = ("waiting", "pending")


class TierReview(models.Model):
    _inherit = "tier.review"

    status = fields.Selection(
        selection_add=[("withdrawn", "Withdrawn")],
        ondelete={"withdrawn": "set null"},
    )
    # Withdrawn and restarted requests keep their reviews, archived, so the
    # trail survives (OCA deletes them); archived reviews leave ``review_ids``.
    active = fields.Boolean(default=True, index=True)
    reject_reason = fields.Text(readonly=True)
    requested_date = fields.Datetime(
        default=fields.Datetime.now, readonly=True, index=True, string="Requested On"
    )
    res_name = fields.Char(string="Document", compute="_compute_res_name")
    waiting_days = fields.Float(
        compute="_compute_waiting_days",
        search="_search_waiting_days",
        digits=(16, 1),
        help="Days since the review was requested, for open reviews.",
    )

    @api.depends("model", "res_id")
    def _compute_res_name(self):
        by_model = {}
        for review in self:
            if review.res_id and review._has_resource_model():
                by_model.setdefault(review.model, []).append(review.res_id)
        # sudo: the name of the document under review is shown to whoever sees the
        # review (reviewers may not read every document of the requester).
        names = {}
        for model, ids in by_model.items():
            for record in self.env[model].sudo().browse(ids).exists():
                names[model, record.id] = record.display_name
        for review in self:
            review.res_name = names.get((review.model, review.res_id), False)

    @api.depends("requested_date", "status")
    def _compute_waiting_days(self):
        # One clock reading for the whole batch: no query per review.
        now = fields.Datetime.now()
        for review in self:
            start = review.requested_date or review.create_date
            if review.status in OPEN_STATUSES and start:
                review.waiting_days = round((now - start).total_seconds() / 86400, 1)
            else:
                review.waiting_days = 0.0

    def _search_waiting_days(self, operator, value):
        flipped = {">": "<", ">=": "<=", "<": ">", "<=": ">="}
        if operator not in flipped:
            return NotImplemented
        limit = fields.Datetime.now() - timedelta(days=float(value))
        return Domain("status", "in", OPEN_STATUSES) & Domain(
            "requested_date", flipped[operator], limit
        )

    @api.depends(lambda self: self._get_reviewer_fields())
    def _compute_reviewer_ids(self):
        super()._compute_reviewer_ids()
        # Delegations: while a reviewer is away, their delegate reviews too.
        delegates = self.env["crm.approval.delegation"]._get_active_delegates()
        if not delegates:
            return
        for review in self:
            extra = self.env["res.users"]
            for user in review.reviewer_ids:
                extra |= delegates.get(user.id, extra.browse())
            if review.definition_id.exclude_requester and review.requested_by:
                extra -= review.requested_by
            if extra:
                review.reviewer_ids |= extra

    def _update_review_status(self):
        before = {review.id: review.status for review in self}
        res = super()._update_review_status()
        newly_pending = self.filtered(
            lambda r: r.status == "pending" and before.get(r.id) != "pending"
        )
        newly_pending._crm_send_approval_mails()
        return res

    def _crm_refresh_reviewers(self):
        """Recompute the stored reviewers of these open reviews (delegations
        started or ended)."""
        reviews = self.filtered(lambda r: r.status in OPEN_STATUSES)
        if not reviews:
            return
        before = {review: review.reviewer_ids for review in reviews}
        # As if their reviewer had changed: recomputes the stored reviewers and
        # invalidates what depends on them (can_review of the documents...).
        reviews.modified(["reviewer_id"])
        reviews.flush_recordset(["reviewer_ids"])
        # A delegate who joins a review already pending gets its links too.
        for review in reviews.filtered(lambda r: r.status == "pending"):
            review._crm_send_approval_mails(review.reviewer_ids - before[review])

    def _crm_send_approval_mails(self, users=None):
        """Send each reviewer of each review (or only ``users`` among them) a mail
        with single-use approve and reject links."""
        template = self.env.ref("crm_core.mail_template_crm_approval_request", False)
        if not template:
            return
        Token = self.env["crm.approval.token"]
        # Forwarded reviews have no definition: they follow the forwarded one's.
        for review in self.filtered(
            lambda r: not r.definition_id or r.definition_id.crm_email_approval
        ):
            if not (review.res_id and review._has_resource_model()):
                continue
            reviewers = review.reviewer_ids if users is None else review.reviewer_ids & users
            for user in reviewers.filtered("email"):
                approve_url = Token._crm_create_link(review, user, "approve")
                reject_url = Token._crm_create_link(review, user, "reject")
                # sudo: the requester may not read the mail template nor write
                # mail.mail; the recipient is the reviewer only.
                template.sudo().with_context(
                    crm_approval_lang=user.lang,
                    crm_approval_user_name=user.name,
                    crm_approval_approve_url=approve_url,
                    crm_approval_reject_url=reject_url,
                ).send_mail(
                    review.id,
                    force_send=False,
                    email_values={"recipient_ids": [(6, 0, user.partner_id.ids)]},
                )

    def _crm_approve_as(self, user):
        """Approve these open reviews of one document as ``user`` (e-mail link)."""
        self.ensure_one()
        record = self.env[self.model].with_user(user).browse(self.res_id)
        record._validate_tier(self.with_user(user))
        record._update_counter({"review_deleted": True})

    def _crm_reject_as(self, user, reason):
        """Reject these reviews of one document as ``user`` with a reason, kept on
        the review and posted on the document's chatter."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the rejection."))
        record = self.env[self[:1].model].with_user(user).browse(self[:1].res_id)
        reviews = self.filtered(lambda r: r.status in OPEN_STATUSES and user in r.reviewer_ids)
        if not reviews:
            raise UserError(
                self.env._(
                    "%(document)s has no review waiting for %(user)s.",
                    document=record.sudo().display_name,
                    user=user.name,
                )
            )
        reviews.write({"reject_reason": reason, "comment": reason[:250]})
        record._rejected_tier(reviews.with_user(user))
        record._update_counter({"review_deleted": True})
        if hasattr(record, "message_post"):
            # sudo: the reviewer may not be a follower able to post on the document.
            record.sudo().message_post(
                body=self.env._("Rejected by %(user)s: %(reason)s", user=user.name, reason=reason),
                author_id=user.partner_id.id,
            )
