import datetime
import re
import unicodedata

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL
from odoo.tools.mail import html_to_inner_content

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


RFM_FIELDS = [
    "rfm_recency_days",
    "rfm_frequency",
    "rfm_monetary",
    "rfm_company_id",
    "rfm_r_score",
    "rfm_f_score",
    "rfm_m_score",
    "rfm_score",
    "rfm_segment_id",
    "rfm_date",
]
TIMELINE_PREVIEW_SIZE = 160


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

    # RFM analysis: stored, read-only values written by one SQL pass (_crm_rfm_compute),
    # never by ORM computes, so the nightly run costs the same few queries for any size.
    rfm_recency_days = fields.Integer(
        string="Recency (days)",
        readonly=True,
        help="Days since the last confirmed sales order in the analysis window.",
    )
    rfm_frequency = fields.Integer(
        string="Frequency",
        readonly=True,
        help="Confirmed sales orders in the analysis window.",
    )
    rfm_monetary = fields.Monetary(
        string="Monetary",
        currency_field="rfm_currency_id",
        readonly=True,
        help="Untaxed amount of the confirmed sales orders in the analysis window,"
        " in the company currency.",
    )
    rfm_company_id = fields.Many2one(
        "res.company",
        string="RFM Company",
        readonly=True,
        help="The company whose sales orders the RFM values come from.",
    )
    rfm_currency_id = fields.Many2one(related="rfm_company_id.currency_id", string="RFM Currency")
    rfm_r_score = fields.Integer(string="Recency Score", readonly=True, aggregator=False)
    rfm_f_score = fields.Integer(string="Frequency Score", readonly=True, aggregator=False)
    rfm_m_score = fields.Integer(string="Monetary Score", readonly=True, aggregator=False)
    rfm_score = fields.Char(
        string="RFM Score",
        readonly=True,
        help="Recency, frequency and monetary quintiles (5 = best), e.g. 545.",
    )
    rfm_segment_id = fields.Many2one(
        "crm.rfm.segment",
        string="RFM Segment",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    rfm_date = fields.Datetime(string="RFM Computed On", readonly=True)

    @api.model
    def _cron_compute_rfm(self):
        return self._crm_rfm_compute()

    def action_compute_rfm(self):
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(self.env._("Only sales managers can recompute the RFM scores."))
        count = self.sudo()._crm_rfm_compute()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "title": self.env._("RFM scores recomputed"),
                "message": self.env._("%(count)s customers have RFM scores.", count=count),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _crm_rfm_compute(self):
        """Score every commercial partner with confirmed orders in its company's window.

        Orders are summed per commercial partner and company; a partner with orders in
        several companies keeps the figures of its own company, otherwise of the company
        it bought from last. Quintiles are ranked per company. Returns the number of
        scored partners.
        """
        self.env.flush_all()
        now = fields.Datetime.now()
        cr = self.env.cr
        cr.execute(
            SQL(
                """
            WITH per_company AS (
                SELECT p.commercial_partner_id AS partner_id,
                       so.company_id,
                       MAX(so.date_order) AS last_date,
                       COUNT(*) AS frequency,
                       SUM(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1))
                           AS monetary
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_id
                  JOIN res_company c ON c.id = so.company_id
                 WHERE so.state = 'sale'
                   AND so.date_order >= %(now)s - make_interval(days => c.crm_rfm_window_days)
              GROUP BY p.commercial_partner_id, so.company_id
            ), picked AS (
                SELECT DISTINCT ON (pc.partner_id) pc.*
                  FROM per_company pc
                  JOIN res_partner cp ON cp.id = pc.partner_id
              ORDER BY pc.partner_id, COALESCE(pc.company_id = cp.company_id, FALSE) DESC,
                       pc.last_date DESC, pc.company_id
            ), scored AS (
                SELECT picked.*,
                       NTILE(5) OVER (PARTITION BY company_id ORDER BY last_date, partner_id) AS r,
                       NTILE(5) OVER (PARTITION BY company_id ORDER BY frequency, partner_id) AS f,
                       NTILE(5) OVER (PARTITION BY company_id ORDER BY monetary, partner_id) AS m
                  FROM picked
            ), targets AS (
                -- the segment is picked here so that each partner row is written once
                SELECT sc.partner_id, sc.company_id, sc.last_date, sc.frequency, sc.monetary,
                       sc.r, sc.f, sc.m, seg.id AS segment_id
                  FROM scored sc
                  LEFT JOIN LATERAL (
                       SELECT g.id
                         FROM crm_rfm_segment g
                        WHERE sc.r BETWEEN g.r_score_min AND g.r_score_max
                          AND sc.f BETWEEN g.f_score_min AND g.f_score_max
                          AND sc.m BETWEEN g.m_score_min AND g.m_score_max
                     ORDER BY g.sequence, g.id
                        LIMIT 1) seg ON TRUE
            )
            UPDATE res_partner p
               SET rfm_recency_days = %(today)s::date - t.last_date::date,
                   rfm_frequency = t.frequency,
                   rfm_monetary = ROUND(t.monetary::numeric, 2),
                   rfm_company_id = t.company_id,
                   rfm_r_score = t.r,
                   rfm_f_score = t.f,
                   rfm_m_score = t.m,
                   rfm_score = t.r::text || t.f::text || t.m::text,
                   rfm_segment_id = t.segment_id,
                   rfm_date = %(now)s
              FROM targets t
             WHERE p.id = t.partner_id
         RETURNING p.id
            """,
                now=now,
                today=now.date(),
            )
        )
        scored_ids = [partner_id for (partner_id,) in cr.fetchall()]
        # Partners scored before but not in this pass dropped out of every window. A
        # second statement with a set difference: an anti-join against the scored set
        # inside the first one degenerated into a nested loop at 100,000 customers.
        cr.execute(
            SQL(
                """
            UPDATE res_partner p
               SET rfm_recency_days = NULL, rfm_frequency = NULL, rfm_monetary = NULL,
                   rfm_company_id = NULL, rfm_r_score = NULL, rfm_f_score = NULL,
                   rfm_m_score = NULL, rfm_score = NULL, rfm_segment_id = NULL, rfm_date = NULL
              FROM (SELECT id FROM res_partner WHERE rfm_date IS NOT NULL
                    EXCEPT
                    SELECT unnest(%(scored)s::int[])) dropped
             WHERE p.id = dropped.id
            """,
                scored=scored_ids,
            )
        )
        count = len(scored_ids)
        self.env["res.partner"].invalidate_model(RFM_FIELDS)
        self.env["crm.rfm.segment"].invalidate_model(["partner_count"])
        return count

    @api.model
    def _crm_rfm_assign_segments(self):
        """Re-match the scored partners after the segments changed."""
        self.env["crm.rfm.segment"].flush_model()
        self.env.cr.execute(
            SQL(
                """
            UPDATE res_partner p
               SET rfm_segment_id = (
                       SELECT s.id
                         FROM crm_rfm_segment s
                        WHERE p.rfm_r_score BETWEEN s.r_score_min AND s.r_score_max
                          AND p.rfm_f_score BETWEEN s.f_score_min AND s.f_score_max
                          AND p.rfm_m_score BETWEEN s.m_score_min AND s.m_score_max
                     ORDER BY s.sequence, s.id
                        LIMIT 1)
             WHERE p.rfm_r_score IS NOT NULL
            """
            )
        )
        self.env["res.partner"].invalidate_model(RFM_FIELDS)
        self.env["crm.rfm.segment"].invalidate_model(["partner_count"])

    # Customer 360: smart-button counts and one interaction timeline; other addons add
    # their documents to the timeline by extending _crm_timeline_sources().
    crm_lead_count = fields.Integer(
        string="Leads",
        compute="_compute_crm_360_counts",
        groups="sales_team.group_sale_salesman",
    )
    crm_quotation_count = fields.Integer(
        string="Quotations",
        compute="_compute_crm_360_counts",
        groups="sales_team.group_sale_salesman",
    )
    crm_activity_count = fields.Integer(
        string="Open Activities",
        compute="_compute_crm_360_counts",
        groups="sales_team.group_sale_salesman",
    )

    def _compute_crm_360_counts(self):
        self.crm_lead_count = self.crm_quotation_count = self.crm_activity_count = 0
        if not self.ids or not self.env.user.has_group("sales_team.group_sale_salesman"):
            return
        partners = self.with_context(active_test=False).search_fetch(
            [("id", "child_of", self.ids)], ["parent_id"]
        )
        self_ids = set(self._ids)

        def ancestors(partner):
            # a contact's documents count for every partner of self above it
            while partner:
                if partner.id in self_ids:
                    yield partner
                partner = partner.parent_id

        lead_owner, order_owner = {}, {}
        for partner, lead_type, lead_ids in self.env["crm.lead"]._read_group(
            [("partner_id", "in", partners.ids)], ["partner_id", "type"], ["id:array_agg"]
        ):
            lead_owner.update(dict.fromkeys(lead_ids, partner))
            if lead_type == "lead":
                for ancestor in ancestors(partner):
                    ancestor.crm_lead_count += len(lead_ids)
        for partner, state, order_ids in self.env["sale.order"]._read_group(
            [("partner_id", "in", partners.ids), ("state", "in", ["draft", "sent", "sale"])],
            ["partner_id", "state"],
            ["id:array_agg"],
        ):
            order_owner.update(dict.fromkeys(order_ids, partner))
            if state in ("draft", "sent"):
                for ancestor in ancestors(partner):
                    ancestor.crm_quotation_count += len(order_ids)
        owners = {
            "res.partner": {partner.id: partner for partner in partners},
            "crm.lead": lead_owner,
            "sale.order": order_owner,
        }
        for res_model, res_id, count in self.env["mail.activity"]._read_group(
            self._crm_activity_domain(owners), ["res_model", "res_id"], ["__count"]
        ):
            for ancestor in ancestors(owners.get(res_model, {}).get(res_id)):
                ancestor.crm_activity_count += count

    @api.model
    def _crm_activity_domain(self, ids_by_model):
        return Domain.OR(
            [
                Domain("res_model", "=", model) & Domain("res_id", "in", list(ids))
                for model, ids in ids_by_model.items()
                if ids
            ]
            or [Domain.FALSE]
        )

    def action_view_crm_leads(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm.crm_lead_all_leads")
        action["domain"] = [("partner_id", "child_of", self.ids), ("type", "=", "lead")]
        action["context"] = {"default_partner_id": self.id, "default_type": "lead"}
        return action

    def action_view_crm_quotations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale.action_quotations_with_onboarding"
        )
        action["domain"] = [
            ("partner_id", "child_of", self.ids),
            ("state", "in", ["draft", "sent"]),
        ]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_view_crm_activities(self):
        self.ensure_one()
        related = self._crm_timeline_related()
        action = self.env["ir.actions.act_window"]._for_xml_id("mail.mail_activity_action")
        action["name"] = self.env._("Open Activities of %(partner)s", partner=self.display_name)
        action["domain"] = list(self._crm_activity_domain(related))
        return action

    def _crm_timeline_related(self):
        """The ids of this partner and its contacts, of their leads and of their sales
        orders, in one query. Only used to filter the sources' searches, which apply
        the current user's access rights themselves."""
        self.ensure_one()
        self.env["res.partner"].flush_model(["parent_id"])
        self.env["crm.lead"].flush_model(["partner_id"])
        self.env["sale.order"].flush_model(["partner_id"])
        self.env.cr.execute(
            SQL(
                """
            WITH RECURSIVE partners(id) AS (
                SELECT %(partner_id)s
                 UNION
                SELECT p.id FROM res_partner p JOIN partners ON p.parent_id = partners.id
            )
            SELECT 'res.partner', id FROM partners
             UNION ALL
            SELECT 'crm.lead', l.id FROM crm_lead l WHERE l.partner_id IN (SELECT id FROM partners)
             UNION ALL
            SELECT 'sale.order', o.id FROM sale_order o
             WHERE o.partner_id IN (SELECT id FROM partners)
            """,
                partner_id=self.id,
            )
        )
        related = {"res.partner": [], "crm.lead": [], "sale.order": []}
        for model, res_id in self.env.cr.fetchall():
            related[model].append(res_id)
        return related

    def _crm_timeline_sources(self):
        """The kinds of records the customer timeline shows. Each source is a dict:

        - ``kind``, ``label``, ``icon`` (Font Awesome class): how items are shown;
        - ``model`` and ``date_field``: what is searched and how it is sorted;
        - ``domain``: callable(related) -> Domain, ``related`` being the result of
          ``_crm_timeline_related()`` ({model: ids});
        - ``fields``: the fields to read;
        - either ``title_field`` / ``body_field`` / ``author_field``, or ``item``:
          callable(values) -> dict overriding the item's keys (title, body_preview,
          author, model, res_id, kind, kind_label, icon).

        Addons add their own sources by extending this method.
        """
        documents = ("res.partner", "crm.lead", "sale.order")
        return [
            {
                "kind": "note",
                "label": self.env._("Note"),
                "icon": "fa-sticky-note-o",
                "model": "mail.message",
                "date_field": "date",
                "domain": lambda related: self._crm_timeline_message_domain(related, True),
                "fields": ["subject", "record_name", "body", "author_id", "model", "res_id"],
                "item": self._crm_timeline_message_item,
            },
            {
                "kind": "message",
                "label": self.env._("Message"),
                "icon": "fa-envelope-o",
                "model": "mail.message",
                "date_field": "date",
                "domain": lambda related: self._crm_timeline_message_domain(related, False),
                "fields": ["subject", "record_name", "body", "author_id", "model", "res_id"],
                "item": self._crm_timeline_message_item,
            },
            {
                "kind": "activity",
                "label": self.env._("Activity"),
                "icon": "fa-clock-o",
                "model": "mail.activity",
                "date_field": "date_deadline",
                "domain": lambda related: self._crm_activity_domain(
                    {model: related.get(model) for model in documents}
                ),
                "fields": [
                    "summary",
                    "activity_type_id",
                    "note",
                    "user_id",
                    "res_model",
                    "res_id",
                    "res_name",
                ],
                "item": lambda values: {
                    "title": values["summary"]
                    or (values["activity_type_id"] and values["activity_type_id"][1])
                    or values["res_name"],
                    "body_preview": self._crm_timeline_preview(values["note"]),
                    "author": (values["user_id"] and values["user_id"][1]) or "",
                    "model": values["res_model"],
                    "res_id": values["res_id"],
                },
            },
            {
                "kind": "meeting",
                "label": self.env._("Meeting"),
                "icon": "fa-calendar",
                "model": "calendar.event",
                "date_field": "start",
                "domain": lambda related: Domain("partner_ids", "in", related["res.partner"]),
                "fields": ["name", "description", "user_id"],
                "title_field": "name",
                "body_field": "description",
                "author_field": "user_id",
            },
            {
                "kind": "lead",
                "label": self.env._("Lead"),
                "icon": "fa-filter",
                "model": "crm.lead",
                "date_field": "create_date",
                "domain": lambda related: (
                    Domain("id", "in", related["crm.lead"]) & Domain("type", "=", "lead")
                ),
                "fields": ["name", "description", "user_id"],
                "title_field": "name",
                "body_field": "description",
                "author_field": "user_id",
            },
            {
                "kind": "opportunity",
                "label": self.env._("Opportunity"),
                "icon": "fa-star",
                "model": "crm.lead",
                "date_field": "create_date",
                "domain": lambda related: (
                    Domain("id", "in", related["crm.lead"]) & Domain("type", "=", "opportunity")
                ),
                "fields": ["name", "description", "user_id"],
                "title_field": "name",
                "body_field": "description",
                "author_field": "user_id",
            },
            {
                "kind": "quotation",
                "label": self.env._("Quotation"),
                "icon": "fa-file-text-o",
                "model": "sale.order",
                "date_field": "create_date",
                "domain": lambda related: (
                    Domain("id", "in", related["sale.order"])
                    & Domain("state", "in", ["draft", "sent"])
                ),
                "fields": ["name", "note", "user_id"],
                "title_field": "name",
                "body_field": "note",
                "author_field": "user_id",
            },
            {
                "kind": "order",
                "label": self.env._("Sales Order"),
                "icon": "fa-shopping-cart",
                "model": "sale.order",
                "date_field": "date_order",
                "domain": lambda related: (
                    Domain("id", "in", related["sale.order"]) & Domain("state", "=", "sale")
                ),
                "fields": ["name", "note", "user_id"],
                "title_field": "name",
                "body_field": "note",
                "author_field": "user_id",
            },
        ]

    @api.model
    def _crm_timeline_preview(self, html):
        text = " ".join(html_to_inner_content(html or "").split())
        if len(text) > TIMELINE_PREVIEW_SIZE:
            text = text[: TIMELINE_PREVIEW_SIZE - 1] + "…"
        return text

    def _crm_timeline_message_domain(self, related, notes):
        # chatter of the customer, its contacts, leads and orders; no system notifications
        note_id = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note")
        documents = Domain.OR(
            [
                Domain("model", "=", model) & Domain("res_id", "in", related[model])
                for model in ("res.partner", "crm.lead", "sale.order")
                if related.get(model)
            ]
            or [Domain.FALSE]
        )
        subtype = Domain("subtype_id", "=", note_id)
        return (
            Domain("message_type", "in", ["comment", "email"])
            & documents
            & (subtype if notes else ~subtype)
        )

    def _crm_timeline_message_item(self, values):
        return {
            "title": values["subject"] or values["record_name"] or "",
            "body_preview": self._crm_timeline_preview(values["body"]),
            "author": (values["author_id"] and values["author_id"][1]) or "",
            "model": values["model"],
            "res_id": values["res_id"],
        }

    def get_crm_timeline(self, limit=30, before=False):
        """The customer's interactions, newest first: at most ``limit`` items dated
        strictly before ``before`` (a UTC datetime string, the date of the last item
        already shown) when given. Each source costs one search, whatever the number
        of records; records the current user cannot read are left out."""
        self.ensure_one()
        self.check_access("read")
        try:
            limit = max(1, min(int(limit or 30), 200))
            before_dt = fields.Datetime.to_datetime(before) if before else False
        except (TypeError, ValueError) as error:
            raise UserError(
                self.env._(
                    "The timeline cannot be loaded: %(limit)s is not a number of items"
                    " or %(before)s is not a date and time.",
                    limit=limit,
                    before=before,
                )
            ) from error
        related = self._crm_timeline_related()
        items = []
        for source in self._crm_timeline_sources():
            Model = self.env[source["model"]]
            if not Model.has_access("read"):
                continue
            date_field = source["date_field"]
            is_date = Model._fields[date_field].type == "date"
            domain = source["domain"](related)
            if before_dt:
                if is_date:
                    # a date is shown at midnight: same-day items follow a later time
                    operator = "<" if before_dt.time() == datetime.time() else "<="
                    domain &= Domain(date_field, operator, before_dt.date())
                else:
                    domain &= Domain(date_field, "<", before_dt)
            else:
                domain &= Domain(date_field, "!=", False)
            for values in Model.search_read(
                domain,
                list(dict.fromkeys([*source["fields"], date_field])),
                limit=limit,
                order=f"{date_field} desc, id desc",
            ):
                date = values[date_field]
                if is_date:
                    date = datetime.datetime.combine(date, datetime.time())
                item = {
                    "kind": source["kind"],
                    "kind_label": source["label"],
                    "icon": source["icon"],
                    "date": fields.Datetime.to_string(date),
                    "model": source["model"],
                    "res_id": values["id"],
                }
                if "item" in source:
                    item.update(source["item"](values))
                else:
                    author = values.get(source.get("author_field"))
                    item.update(
                        title=values.get(source.get("title_field")) or "",
                        body_preview=self._crm_timeline_preview(
                            values.get(source.get("body_field"))
                        ),
                        author=author[1] if author else "",
                    )
                items.append(item)
        items.sort(key=lambda item: (item["date"], item["kind"], item["res_id"]), reverse=True)
        return items[:limit]


# Resource pools: customers (commercial partners) wait in pools and are claimed.
class ResPartnerPool(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "crm.pool.resource"]

    def write(self, vals):
        plain = self._pool_split_owner_write(vals)
        if plain == self:
            return super().write(vals)
        other_vals = {key: value for key, value in vals.items() if key != "user_id"}
        if other_vals:
            super(ResPartnerPool, self - plain).write(other_vals)
        return super(ResPartnerPool, plain).write(vals) if plain else True

    def _pool_resource_type(self):
        return "customer"

    @api.model
    def _pool_held_domain(self, user, resource_type):
        return [("user_id", "=", user.id), ("parent_id", "=", False), ("customer_rank", ">", 0)]

    def _pool_log_field(self):
        return "partner_id"

    def _pool_check_in_pool(self):
        contacts = self.filtered("parent_id")
        if contacts:
            raise UserError(
                self.env._(
                    "%(contact)s is a contact; claim or release its company %(company)s.",
                    contact=contacts[0].display_name,
                    company=contacts[0].commercial_partner_id.display_name,
                )
            )
        return super()._pool_check_in_pool()
