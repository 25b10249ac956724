from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime


class SaleOrder(models.Model):
    """Approval layer: a quotation with a line discount above the salesperson's
    authority needs approval (tier.definition crm_core.tier_definition_sale_discount)."""

    _name = "sale.order"
    _inherit = ["sale.order", "tier.validation"]
    _state_from = ["draft", "sent"]
    _state_to = ["sale"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    crm_discount_exceeded = fields.Boolean(
        string="Discount Over Authority",
        compute="_compute_crm_discount_exceeded",
        help="A line gives more discount than the salesperson may grant alone.",
    )

    @api.depends("order_line.discount", "user_id", "company_id.crm_discount_approval")
    def _compute_crm_discount_exceeded(self):
        for order in self:
            order.crm_discount_exceeded = bool(order._crm_lines_over_authority())

    def _crm_lines_over_authority(self):
        """Lines of ``self`` whose discount exceeds the salesperson's authority,
        as (line, authority) pairs. Orders without discount cost no query."""
        discounted = self.order_line.filtered(
            lambda line: line.discount > 0 and line.company_id.crm_discount_approval
        )
        if not discounted:
            return []
        Authority = self.env["crm.discount.authority"]
        result = []
        for company in discounted.order_id.company_id:
            company_lines = discounted.filtered(lambda line, c=company: line.company_id == c)
            authorities = Authority._get_max_discounts(company_lines.order_id.user_id, company)
            for line in company_lines:
                authority = authorities.get(line.order_id.user_id.id, 0.0)
                if line.discount > authority:
                    result.append((line, authority))
        return result

    def _get_under_validation_exceptions(self):
        # Sending the quotation (state draft -> sent) and signing it stay possible
        # while the discount is being approved.
        return [
            *super()._get_under_validation_exceptions(),
            "state",
            "signature",
            "signed_by",
            "signed_on",
        ]

    def _crm_reset_discount_approval(self):
        """A raised discount voids the approval: the reviews go to the history
        (status cancel) and the order needs a new request if still over authority."""
        self._crm_archive_reviews(status="cancel")
        for order in self:
            order.message_post(
                body=self.env._(
                    "A discount was raised after approval was requested: the approval "
                    "request is void and the quotation must be validated again."
                )
            )

    def _approval_check_discount_authority(self):
        """Hook of the base ``action_confirm``: refuse to confirm a quotation over
        the discount authority that is not approved yet, naming the line, its
        discount and the authority."""
        # need_validation has no dependencies: never trust a value cached before
        # the request was made or decided.
        self.invalidate_recordset(["need_validation"])
        for order in self:
            if order.validation_status == "validated":
                continue
            over = order._crm_lines_over_authority()
            if not over:
                continue
            line, authority = over[0]
            values = {
                "order": order.name,
                "line": line.name.splitlines()[0] if line.name else line.product_id.name,
                "discount": f"{line.discount:g}",
                "authority": f"{authority:g}",
                "user": order.user_id.name or self.env._("no salesperson"),
            }
            # sudo: the salesperson may not read the reviews of their own request
            pending = order.sudo().review_ids.filtered(lambda r: r.status == "pending")
            if pending:
                raise UserError(
                    self.env._(
                        "Quotation %(order)s cannot be confirmed: line %(line)s gives "
                        "%(discount)s%% discount, above the %(authority)s%% authority of "
                        "%(user)s. Its approval request of %(date)s waits for "
                        "%(reviewers)s.",
                        **values,
                        date=format_datetime(
                            self.env, min(pending.mapped("requested_date")), tz=self.env.user.tz
                        ),
                        reviewers=", ".join(pending.reviewer_ids.sorted("name").mapped("name")),
                    )
                )
            raise UserError(
                self.env._(
                    "Quotation %(order)s cannot be confirmed: line %(line)s gives "
                    "%(discount)s%% discount, above the %(authority)s%% authority of "
                    "%(user)s. Request validation and wait for its approval first.",
                    **values,
                )
            )
