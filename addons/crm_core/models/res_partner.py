import re
import unicodedata

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

# Customer profile: what the duplicate guard ignores when it compares names.
LEGAL_SUFFIXES_LATIN = {
    "ag",
    "bv",
    "co",
    "company",
    "corp",
    "corporation",
    "gmbh",
    "inc",
    "incorporated",
    "kg",
    "limited",
    "llc",
    "ltd",
    "mbh",
    "plc",
    "pte",
    "sa",
    "sarl",
    "srl",
}
LEGAL_SUFFIXES_CJK = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司")
DUPLICATE_KEYS = {
    "dup_name_key": "name",
    "dup_phone_key": "phone",
    "dup_email_key": "email",
    "dup_vat_key": "vat",
}


def normalize_name(name):
    """Lower-case, without punctuation, spaces and legal suffixes (Co., Ltd., 有限公司)."""
    text = unicodedata.normalize("NFKC", name or "").lower()
    tokens = [token for token in re.split(r"[\W_]+", text) if token]
    while len(tokens) > 1 and tokens[-1] in LEGAL_SUFFIXES_LATIN:
        tokens.pop()
    key = "".join(tokens)
    stripped = True
    while stripped:
        stripped = False
        for suffix in LEGAL_SUFFIXES_CJK:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                stripped = True
                break
    return key or False


def normalize_phone(phone):
    """Digits only, without the Chinese country code and trunk zeros; last 11 digits."""
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", phone or ""))
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) > 11:
        digits = digits[2:]
    digits = digits.lstrip("0")[-11:]
    return digits if len(digits) >= 5 else False


def normalize_email(email):
    return (email or "").strip().lower() or False


def normalize_vat(vat):
    return re.sub(r"[^0-9A-Z]", "", unicodedata.normalize("NFKC", vat or "").upper()) or False


class ResPartner(models.Model):
    _inherit = "res.partner"

    # The owner (user_id, Odoo's "Salesperson") and this team decide who sees a
    # customer; contacts follow their commercial partner through the record rules.
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        recursive=True,
        tracking=True,
        help="The sales team the customer belongs to; its leader sees the customer.",
    )
    is_crm_customer = fields.Boolean(
        string="Is a Customer",
        compute="_compute_is_crm_customer",
        search="_search_is_crm_customer",
        help="A customer has a customer rank or an owner.",
    )
    is_pool_customer = fields.Boolean(
        string="In the Public Pool",
        compute="_compute_is_crm_customer",
        search="_search_is_pool_customer",
        help="A customer nobody owns: every salesperson may read it.",
    )
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
    # A contact's place in its company: the org chart follows superior_id.
    department = fields.Char(help="The department of the contact within its company.")
    birthday = fields.Date()
    superior_id = fields.Many2one(
        "res.partner",
        string="Superior",
        index="btree_not_null",
        ondelete="set null",
        help="Another contact of the same company this contact reports to.",
    )
    subordinate_ids = fields.One2many("res.partner", "superior_id", string="Subordinates")
    relation_count = fields.Integer(string="Relations", compute="_compute_relation_count")

    @api.constrains("superior_id", "parent_id", "is_company")
    def _check_superior_id(self):
        for partner in self | self.subordinate_ids:
            superior = partner.superior_id
            if not superior:
                continue
            if superior == partner:
                raise ValidationError(
                    self.env._(
                        "%(contact)s cannot be their own superior.", contact=partner.display_name
                    )
                )
            commercial = partner.commercial_partner_id
            if superior.commercial_partner_id != commercial or superior == commercial:
                raise ValidationError(
                    self.env._(
                        "The superior of %(contact)s must be another contact of %(company)s;"
                        " %(superior)s is not.",
                        contact=partner.display_name,
                        company=commercial.display_name,
                        superior=superior.display_name,
                    )
                )
        for partner in self:
            if partner.superior_id and partner._has_cycle("superior_id"):
                raise ValidationError(
                    self.env._(
                        "%(contact)s cannot report to %(superior)s: %(superior)s already"
                        " reports to %(contact)s.",
                        contact=partner.display_name,
                        superior=partner.superior_id.display_name,
                    )
                )

    @api.depends("user_id", "parent_id.team_id")
    def _compute_team_id(self):
        for partner in self:
            if partner.parent_id:
                partner.team_id = partner.parent_id.team_id
            elif partner.user_id:
                partner.team_id = partner.user_id.sale_team_id
            else:
                partner.team_id = partner.team_id

    @api.depends("customer_rank", "user_id", "commercial_partner_id.customer_rank")
    def _compute_is_crm_customer(self):
        for partner in self:
            commercial = partner.commercial_partner_id
            partner.is_crm_customer = bool(commercial.customer_rank > 0 or commercial.user_id)
            partner.is_pool_customer = bool(commercial.customer_rank > 0 and not commercial.user_id)

    def _search_is_crm_customer(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = Domain("commercial_partner_id.customer_rank", ">", 0) | Domain(
            "commercial_partner_id.user_id", "!=", False
        )
        return domain if True in value else ~domain

    def _search_is_pool_customer(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = Domain("commercial_partner_id.customer_rank", ">", 0) & Domain(
            "commercial_partner_id.user_id", "=", False
        )
        return domain if True in value else ~domain

    def _get_relation_domain(self):
        return Domain("left_partner_id", "in", self.ids) | Domain(
            "right_partner_id", "in", self.ids
        )

    def _compute_relation_count(self):
        Relation = self.env["crm.partner.relation"]
        counts = dict.fromkeys(self.ids, 0)
        for side in ("left_partner_id", "right_partner_id"):
            for partner, count in Relation._read_group(
                Domain(side, "in", self.ids), [side], ["__count"]
            ):
                counts[partner.id] += count
        for partner in self:
            partner.relation_count = counts.get(partner.id, 0)

    def action_view_relations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Relations of %(partner)s", partner=self.display_name),
            "res_model": "crm.partner.relation",
            "view_mode": "list,form",
            "views": [
                (self.env.ref("crm_core.crm_partner_relation_view_list_partner").id, "list"),
                (False, "form"),
            ],
            "domain": list(self._get_relation_domain()),
            "context": {
                "crm_relation_partner_id": self.id,
                "default_left_partner_id": self.id,
            },
        }

    @api.model
    def _get_graph_node(self, partner, center=False):
        return {
            "id": partner.id,
            "name": partner.name or partner.display_name,
            "function": partner.function or "",
            "is_company": partner.is_company,
            "center": center,
        }

    def get_relation_graph(self, mode="relations"):
        """The nodes and edges the relationship graph widget draws, limited to the
        partners the current user may read.

        ``relations``: this partner in the centre, its related partners, its
        superior and its subordinates; each edge is labelled from this partner's
        point of view. ``org``: the company of this partner and its contacts,
        linked from each superior to their subordinates.
        """
        self.ensure_one()
        self.check_access("read")
        nodes, edges = {}, []

        def add_edge(source, target, label, strength, kind, relation_id=False):
            for partner in (source, target):
                if partner.id not in nodes:
                    nodes[partner.id] = self._get_graph_node(partner)
            edges.append(
                {
                    "source": source.id,
                    "target": target.id,
                    "label": label,
                    "strength": strength,
                    "kind": kind,
                    "relation_id": relation_id,
                }
            )

        if mode == "org":
            company = self.commercial_partner_id
            company.check_access("read")
            nodes[company.id] = self._get_graph_node(company, center=True)
            contacts = self.search(
                [
                    ("commercial_partner_id", "=", company.id),
                    ("id", "!=", company.id),
                    ("type", "=", "contact"),
                ],
                order="id",
            )
            for contact in contacts:
                superior = contact.superior_id
                if superior in contacts:
                    add_edge(superior, contact, "", False, "hierarchy")
                else:
                    add_edge(company, contact, "", False, "member")
            return {"nodes": list(nodes.values()), "edges": edges}

        nodes[self.id] = self._get_graph_node(self, center=True)
        readable = self.superior_id | self.subordinate_ids
        relations = self.env["crm.partner.relation"].search(self._get_relation_domain(), order="id")
        readable = (
            readable | relations.left_partner_id | relations.right_partner_id
        )._filtered_access("read")
        if self.superior_id and self.superior_id in readable:
            add_edge(self, self.superior_id, self.env._("Superior"), False, "superior")
        for subordinate in self.subordinate_ids.sorted("id"):
            if subordinate in readable:
                add_edge(self, subordinate, self.env._("Subordinate"), False, "subordinate")
        for relation in relations:
            other = relation._get_other_partner(self.id)
            if other in readable:
                add_edge(
                    self,
                    other,
                    relation._get_label(self.id),
                    relation.strength,
                    "relation",
                    relation.id,
                )
        return {"nodes": list(nodes.values()), "edges": edges}

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
