from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    """Quotation versions: a family of read-only snapshots around the live
    quotation; confirming one version makes the others obsolete."""

    _inherit = "sale.order"

    # Writes a read-only version may still take besides its chatter and
    # activities: the portal token, and its owner (a work handover or a pool
    # move reassigns the whole family, saved versions included).
    # The customer's signature is kept too: accepting a saved version online
    # signs it before confirming it.
    _VERSION_FROZEN_ALLOWED = frozenset(
        {"access_token", "user_id", "team_id", "signature", "signed_by", "signed_on"}
    )

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

    def _quotation_check_frozen(self, vals):
        """Hook of the base ``write``: a saved version only takes the writes of
        ``_VERSION_FROZEN_ALLOWED`` (the versioning itself writes with the
        context key ``crm_version_write``)."""
        if self.env.context.get("crm_version_write"):
            return
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

    def _quotation_before_confirm(self):
        """Hook of the base ``action_confirm``. Confirming one version makes it the
        current one; the other versions of the family become obsolete and the
        still-open ones are cancelled."""
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
