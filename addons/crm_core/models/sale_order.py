from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "tier.validation"]

    crm_return_request_ids = fields.One2many(
        "crm.return.request", "sale_order_id", string="Return Requests"
    )
    crm_return_request_count = fields.Integer(compute="_compute_crm_return_request_count")

    @api.depends("crm_return_request_ids")
    def _compute_crm_return_request_count(self):
        for order in self:
            order.crm_return_request_count = len(order.crm_return_request_ids)

    def action_confirm(self):
        self._version_before_confirm()
        self._crm_check_discount_authority()
        res = super().action_confirm()
        # A first confirmed order makes a prospect a customer with a deal.
        customers = self.partner_id.commercial_partner_id.filtered(
            lambda p: p.lifecycle_stage in ("potential", "intention")
        )
        if customers:
            customers.sudo().write({"lifecycle_stage": "deal"})
        return res

    # Price policy: without a pricelist of the customer's own, a new quotation uses
    # the salesperson's pricelist.
    @api.depends("user_id")
    def _compute_pricelist_id(self):
        result = super()._compute_pricelist_id()
        for order in self:
            if order.state != "draft" or not order.partner_id:
                continue
            company = order.company_id or self.env.company
            order.pricelist_id = (order.user_id or self.env.user)._crm_get_pricelist(
                order.partner_id, company
            )
        return result

    # Quotation versions ------------------------------------------------------
    version = fields.Integer(default=1, copy=False, readonly=True)
    version_root_id = fields.Many2one(
        "sale.order",
        string="First Version",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="The quotation the family of versions started from.",
    )
    version_state = fields.Selection(
        [("current", "Current"), ("superseded", "Superseded"), ("obsolete", "Obsolete")],
        default="current",
        required=True,
        copy=False,
        readonly=True,
        tracking=True,
        index=True,
    )
    version_ids = fields.Many2many("sale.order", string="Versions", compute="_compute_version_ids")
    version_count = fields.Integer(compute="_compute_version_ids")
    version_label = fields.Char(string="Version Label", compute="_compute_version_label")
    can_be_versioned = fields.Boolean(compute="_compute_can_be_versioned")

    @api.depends("version_root_id")
    def _compute_version_ids(self):
        roots = self.version_root_id
        families = dict.fromkeys(roots.ids, self.browse())
        if roots:
            for member in self.search([("version_root_id", "in", roots.ids)]):
                families[member.version_root_id.id] |= member
        for order in self:
            family = families.get(order.version_root_id.id) or order
            order.version_ids = family
            order.version_count = len(family)

    @api.depends("version")
    def _compute_version_label(self):
        for order in self:
            order.version_label = f"v{order.version or 1}"

    @api.depends("state", "version_state")
    def _compute_can_be_versioned(self):
        for order in self:
            order.can_be_versioned = (
                order.state in ("draft", "sent") and order.version_state == "current"
            )

    def write(self, vals):
        if not self.env.context.get("crm_version_write"):
            self._check_version_frozen(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_versioned(self):
        # A family of versions is the history of a negotiation: keep it whole.
        versioned = self.filtered(lambda o: o.version_count > 1)
        if versioned:
            raise UserError(
                self.env._(
                    "%(name)s is one of several versions of a quotation and cannot be "
                    "deleted; cancel it instead.",
                    name=versioned[0].name,
                )
            )

    def action_new_version(self):
        """Freeze the current content as a read-only snapshot vN; the live
        quotation (name, followers, chatter, links) becomes vN+1."""
        self._ensure_can_be_versioned()
        for order in self:
            root = order.version_root_id or order
            snapshot = order.with_context(crm_version_write=True).copy(
                order._prepare_version_snapshot_values(root)
            )
            order.with_context(crm_version_write=True).write(
                {"version": order.version + 1, "version_root_id": root.id}
            )
            order.message_post(
                body=self.env._(
                    "Version v%(version)s kept as %(snapshot)s; this quotation is now v%(new)s.",
                    version=snapshot.version,
                    snapshot=snapshot.name,
                    new=order.version,
                )
            )
        return True

    def action_view_versions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Versions of %(name)s", name=self.version_root_id.name or self.name),
            "res_model": "sale.order",
            "view_mode": "list,form",
            "views": [
                (self.env.ref("crm_core.sale_order_view_list_versions").id, "list"),
                (False, "form"),
            ],
            "domain": [("id", "in", self.version_ids.ids)],
            "context": {"create": False},
        }

    def action_compare_versions(self):
        self.ensure_one()
        if self.version_count < 2:
            raise UserError(
                self.env._("%(name)s has no other version to compare with.", name=self.name)
            )
        others = (self.version_ids - self).sorted("version", reverse=True)
        # Compare the previous version with this one (or this snapshot with the newest).
        older = others.filtered(lambda o: o.version < self.version)[:1]
        old, new = (older, self) if older else (self, others[:1])
        wizard = self.env["crm.quotation.compare"].create(
            {"old_order_id": old.id, "new_order_id": new.id}
        )
        wizard.action_compare()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Compare Versions"),
            "res_model": "crm.quotation.compare",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _ensure_can_be_versioned(self):
        for order in self:
            if order.version_state == "obsolete":
                raise UserError(order._version_obsolete_message())
            if order.version_state != "current":
                raise UserError(
                    self.env._(
                        "%(name)s is a saved version; only the live quotation gets a new version.",
                        name=order.name,
                    )
                )
            if order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "%(name)s is confirmed or cancelled; only quotations get a new version.",
                        name=order.name,
                    )
                )

    def _prepare_version_snapshot_values(self, root):
        self.ensure_one()
        return {
            "name": f"{self.name}-v{self.version}",
            "version": self.version,
            "version_root_id": root.id,
            "version_state": "superseded",
            "state": self.state,
            "opportunity_id": self.opportunity_id.id,
            "date_order": self.date_order,
            "validity_date": self.validity_date,
            "origin": self.origin,
            "client_order_ref": self.client_order_ref,
        }

    # Writes a read-only version may still take besides its chatter and
    # activities: the portal token, and its owner (a work handover or a pool
    # move reassigns the whole family, saved versions included).
    # The customer's signature is kept too: accepting a saved version online
    # signs it before confirming it.
    _VERSION_FROZEN_ALLOWED = frozenset(
        {"access_token", "user_id", "team_id", "signature", "signed_by", "signed_on"}
    )

    def _check_version_frozen(self, vals):
        frozen = self.filtered(lambda o: o.version_state != "current")
        if not frozen:
            return
        blocked = [
            key
            for key in vals
            if key not in self._VERSION_FROZEN_ALLOWED
            and not key.startswith(("message_", "activity_", "website_message"))
        ]
        if blocked:
            raise UserError(
                self.env._(
                    "%(name)s is a read-only version of a quotation (%(fields)s cannot change). "
                    "Edit the live quotation instead.",
                    name=frozen[0].name,
                    fields=", ".join(blocked),
                )
            )

    def _confirmation_error_message(self):
        error = super()._confirmation_error_message()
        if error:
            return error
        if self.version_state == "obsolete":
            return self._version_obsolete_message()
        return False

    def _version_obsolete_message(self):
        return self.env._(
            "%(name)s is obsolete: another version of this quotation was confirmed.",
            name=self.name,
        )

    def _version_before_confirm(self):
        """Confirming one version makes it the current one; the other versions
        of the family become obsolete and the still-open ones are cancelled."""
        for order in self:
            if order.version_state == "obsolete":
                raise UserError(order._version_obsolete_message())
            # Refuse before touching the family, so a refused confirmation changes nothing.
            error = order._confirmation_error_message()
            if error:
                raise UserError(error)
        families = self.filtered("version_root_id")
        if not families:
            return
        if len(families.version_root_id) != len(families):
            raise UserError(self.env._("Confirm only one version of the same quotation at a time."))
        others = families.version_ids - families
        if not others:
            return
        writer = self.with_context(crm_version_write=True)
        families.with_env(writer.env).write({"version_state": "current"})
        others.with_env(writer.env).write({"version_state": "obsolete"})
        others.filtered(lambda o: o.state in ("draft", "sent")).with_env(
            writer.env
        )._action_cancel()

    # Approval layer: a quotation with a line discount above the salesperson's
    # authority needs approval (tier.definition crm_core.tier_definition_sale_discount).
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

    def _crm_check_discount_authority(self):
        """Refuse to confirm a quotation over the discount authority that is not
        approved yet, naming the line, its discount and the authority."""
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
            raise UserError(
                self.env._(
                    "Quotation %(order)s cannot be confirmed: line %(line)s gives "
                    "%(discount)s%% discount, above the %(authority)s%% authority of "
                    "%(user)s. Request validation and wait for its approval first.",
                    order=order.name,
                    line=line.name.splitlines()[0] if line.name else line.product_id.name,
                    discount=f"{line.discount:g}",
                    authority=f"{authority:g}",
                    user=order.user_id.name or self.env._("no salesperson"),
                )
            )

    def action_new_crm_return_request(self):
        self.ensure_one()
        if self.state != "sale" or not any(line.qty_delivered > 0 for line in self.order_line):
            raise UserError(
                self.env._(
                    "Nothing of sales order %(order)s has been delivered yet: "
                    "there is nothing to return.",
                    order=self.name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return Request"),
            "res_model": "crm.return.request",
            "views": [(False, "form")],
            "context": {"default_sale_order_id": self.id},
        }

    def action_view_crm_return_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_core.crm_return_request_action")
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {"default_sale_order_id": self.id}
        return action
