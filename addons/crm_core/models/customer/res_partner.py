from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ...tools.normalize import normalize_email, normalize_name, normalize_phone, normalize_vat

DUPLICATE_KEYS = {
    "dup_name_key": "name",
    "dup_phone_key": "phone",
    "dup_email_key": "email",
    "dup_vat_key": "vat",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    level_id = fields.Many2one(
        "crm.customer.level",
        string="Customer Level",
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
    )
    # Customer profile: type and its collection rules, region, lifecycle, source,
    # credit and the duplicate guard's normalised keys.
    customer_type_id = fields.Many2one(
        "crm.customer.type",
        string="Customer Type",
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
        default=lambda self: self._default_customer_type_id(),
        help="The type decides which fields must be filled before the customer is saved.",
    )
    legal_name = fields.Char(
        string="Full Legal Name", help="The registered name of the company (企业全称)."
    )
    region_id = fields.Many2one(
        "crm.sales.region",
        string="Sales Region",
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
    )
    lifecycle_stage = fields.Selection(
        [
            ("potential", "Potential"),
            ("intention", "Intention"),
            ("deal", "Deal"),
            ("loyal", "Loyal"),
            ("lost", "Lost"),
        ],
        string="Lifecycle Stage",
        default="potential",
        index=True,
        tracking=True,
        help="Potential and Intention customers move to Deal when their first sales"
        " order is confirmed.",
    )
    source_id = fields.Many2one(
        "utm.source",
        string="Source",
        ondelete="set null",
        help="Where the customer came from: trade fair, website, referral...",
    )
    medium_id = fields.Many2one("utm.medium", string="Source Medium", ondelete="set null")
    credit_level = fields.Selection(
        [("good", "Good"), ("normal", "Normal"), ("poor", "Poor")],
        string="Credit Standing",
        tracking=True,
    )
    credit_note = fields.Text(string="Credit Remarks")
    impression_note = fields.Text(string="Impression")
    # Normalised copies of name, phone, email and tax ID: the duplicate guard compares
    # these through their indexes.
    dup_name_key = fields.Char(
        string="Name Key",
        compute="_compute_duplicate_keys",
        store=True,
        index="btree_not_null",
        copy=False,
    )
    dup_phone_key = fields.Char(
        string="Phone Key",
        compute="_compute_duplicate_keys",
        store=True,
        index="btree_not_null",
        copy=False,
    )
    dup_email_key = fields.Char(
        string="Email Key",
        compute="_compute_duplicate_keys",
        store=True,
        index="btree_not_null",
        copy=False,
    )
    dup_vat_key = fields.Char(
        string="Tax ID Key",
        compute="_compute_duplicate_keys",
        store=True,
        index="btree_not_null",
        copy=False,
    )
    duplicate_partner_ids = fields.Many2many(
        "res.partner",
        string="Possible Duplicates",
        compute="_compute_duplicate_partner_ids",
        help="Other customers of the same company with the same name, phone, email or tax ID.",
    )
    duplicate_warning = fields.Html(
        string="Duplicate Warning", compute="_compute_duplicate_partner_ids", sanitize=False
    )

    # Customer profile: collection rules of the customer type and the duplicate guard.
    @api.model
    def _default_customer_type_id(self):
        # Only our Customers screen asks for a type: Odoo's own flows create bare partners.
        context = self.env.context
        if not context.get("crm_customer_form") or context.get("default_parent_id"):
            return False
        return self.env["crm.customer.type"].search(
            [("is_company", "=", bool(context.get("default_is_company")))], limit=1
        )

    @api.constrains(lambda self: [name for name, field in self._fields.items() if field.store])
    def _check_customer_type_rules(self):
        errors = []
        for partner in self:
            ctype = partner.customer_type_id
            if not ctype or (partner.parent_id and not partner.is_company):
                continue
            missing = sorted(
                partner._fields[name]._description_string(self.env)
                for name in ctype.required_field_ids.mapped("name")
                if name in partner._fields and not partner[name]
            )
            if ctype.require_contact_channel and not (partner.phone or partner.email):
                missing.append(self.env._("Phone or Email"))
            if missing:
                errors.append(
                    self.env._(
                        "Customer %(customer)s cannot be saved: missing %(fields)s.",
                        customer=partner.name or partner.display_name,
                        fields=", ".join(missing),
                    )
                )
        if errors:
            raise ValidationError("\n".join(errors))

    @api.constrains(
        "name",
        "phone",
        "email",
        "vat",
        "company_id",
        "parent_id",
        "is_company",
        "customer_rank",
        "user_id",
        "customer_type_id",
        "active",
    )
    def _check_duplicate_guard(self):
        if self.env.context.get("crm_skip_duplicate_guard"):
            return
        blocking = self._get_guarded_customers().filtered(
            lambda p: (p.company_id or self.env.company).crm_duplicate_policy == "block"
        )
        matches = blocking._find_duplicate_matches()
        if not matches:
            return
        others = self.browse({other_id for found in matches.values() for other_id in found})
        others = others.sudo()
        errors = [
            self.env._(
                "Customer %(customer)s cannot be saved: %(existing)s already has the same"
                " %(fields)s.",
                customer=partner.name or partner.display_name,
                existing=others.browse(other_id).display_name,
                fields=", ".join(partner._get_duplicate_field_labels(key_fields)),
            )
            for partner, found in matches.items()
            for other_id, key_fields in found.items()
        ]
        raise ValidationError("\n".join(errors))

    @api.depends("name", "phone", "email", "vat")
    def _compute_duplicate_keys(self):
        for partner in self:
            partner.dup_name_key = normalize_name(partner.name)
            partner.dup_phone_key = normalize_phone(partner.phone)
            partner.dup_email_key = normalize_email(partner.email)
            partner.dup_vat_key = normalize_vat(partner.vat)

    @api.depends(
        "name",
        "phone",
        "email",
        "vat",
        "company_id",
        "parent_id",
        "is_company",
        "customer_rank",
        "user_id",
        "customer_type_id",
    )
    def _compute_duplicate_partner_ids(self):
        matches = self._get_guarded_customers()._find_duplicate_matches()
        for partner in self:
            partner.duplicate_partner_ids = self.browse(list(matches.get(partner, {})))
            found = matches.get(partner)
            if not found:
                partner.duplicate_warning = False
                continue
            others = self.browse(list(found)).sudo()
            partner.duplicate_warning = Markup("<br/>").join(
                Markup('<a href="/odoo/res.partner/%s">%s</a> (%s)')
                % (
                    other_id,
                    others.browse(other_id).display_name,
                    self.env._(
                        "same %(fields)s",
                        fields=", ".join(partner._get_duplicate_field_labels(key_fields)),
                    ),
                )
                for other_id, key_fields in found.items()
            )

    @api.onchange("is_company", "company_type")
    def _onchange_is_company_customer_type(self):
        for partner in self:
            ctype = partner.customer_type_id
            if ctype and ctype.is_company != partner.is_company:
                partner.customer_type_id = ctype.search(
                    [("is_company", "=", partner.is_company)], limit=1
                )

    @api.onchange("name", "phone", "email", "vat")
    def _onchange_duplicate_warning(self):
        duplicates = self.duplicate_partner_ids
        if duplicates:
            return {
                "warning": {
                    "title": self.env._("Possible duplicate customer"),
                    "message": self.env._(
                        "Existing customers look the same: %(customers)s",
                        customers=", ".join(duplicates.sudo().mapped("display_name")),
                    ),
                    "type": "notification",
                }
            }
        return None

    def _get_guarded_customers(self):
        """Commercial partners the duplicate guard checks: customers, not contacts."""
        return self.filtered(
            lambda p: (
                (p.is_company or not p.parent_id)
                and (p.customer_rank > 0 or p.user_id or p.customer_type_id)
            )
        )

    def _get_duplicate_field_labels(self, key_fields):
        return [
            self._fields[DUPLICATE_KEYS[key]]._description_string(self.env)
            for key in DUPLICATE_KEYS
            if key in key_fields
        ]

    def _find_duplicate_matches(self):
        """Other commercial partners of the same company sharing a normalised key, in
        one query over the key indexes: ``{partner: {other_id: {key_field, ...}}}``."""
        values = {key: set() for key in DUPLICATE_KEYS}
        for partner in self:
            for key in DUPLICATE_KEYS:
                if partner[key]:
                    values[key].add(partner[key])
        conditions = [
            SQL("%s = ANY(%s)", SQL.identifier("p", key), list(keys))
            for key, keys in values.items()
            if keys
        ]
        if not conditions:
            return {}
        own_ids = [pid for pid in self._origin.ids if pid]
        self.env["res.partner"].flush_model(
            [*DUPLICATE_KEYS, "company_id", "commercial_partner_id", "active"]
        )
        rows = self.env.execute_query(
            SQL(
                """SELECT p.id, p.company_id, %(keys)s
                     FROM res_partner p
                    WHERE p.active AND p.commercial_partner_id = p.id
                      AND p.id != ALL(%(own_ids)s) AND (%(conditions)s)
                 ORDER BY p.id""",
                keys=SQL(", ").join(SQL.identifier("p", key) for key in DUPLICATE_KEYS),
                own_ids=own_ids,
                conditions=SQL(" OR ").join(conditions),
            )
        )
        matches = {}
        for partner in self:
            company_id = partner.company_id.id
            for other_id, other_company_id, *other_keys in rows:
                if company_id and other_company_id and company_id != other_company_id:
                    continue
                same = {
                    key
                    for key, other_key in zip(DUPLICATE_KEYS, other_keys, strict=True)
                    if other_key and partner[key] == other_key
                }
                if same:
                    matches.setdefault(partner, {})[other_id] = same
        return matches
