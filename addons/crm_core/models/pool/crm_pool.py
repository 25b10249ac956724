from odoo import api, fields, models
from odoo.fields import Domain

RESOURCE_TYPES = [
    ("customer", "Customers"),
    ("lead", "Leads"),
    ("opportunity", "Opportunities"),
]


class CrmPool(models.Model):
    _name = "crm.pool"
    _description = "Resource Pool"
    _order = "company_id, team_id desc, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        index="btree_not_null",
        ondelete="cascade",
        check_company=True,
        help="Empty for the public pool of the company, which every salesperson sees.",
    )
    is_public = fields.Boolean(
        string="Public Pool", compute="_compute_is_public", store=True, index=True
    )
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    color = fields.Integer()
    customer_count = fields.Integer(string="Customers", compute="_compute_counts")
    lead_count = fields.Integer(string="Leads", compute="_compute_counts")
    opportunity_count = fields.Integer(string="Opportunities", compute="_compute_counts")

    _public_pool_unique = models.UniqueIndex(
        "(company_id) WHERE team_id IS NULL", "A company has only one public pool."
    )
    _team_pool_unique = models.UniqueIndex(
        "(team_id) WHERE team_id IS NOT NULL", "A sales team has only one pool."
    )

    @api.depends("team_id")
    def _compute_is_public(self):
        for pool in self:
            pool.is_public = not pool.team_id

    def _compute_counts(self):
        customers = dict(
            self.env["res.partner"]._read_group(
                [("pool_id", "in", self.ids), ("parent_id", "=", False)],
                ["pool_id"],
                ["__count"],
            )
        )
        leads = {
            (pool, lead_type): count
            for pool, lead_type, count in self.env["crm.lead"]._read_group(
                [("pool_id", "in", self.ids)], ["pool_id", "type"], ["__count"]
            )
        }
        for pool in self:
            pool.customer_count = customers.get(pool, 0)
            pool.lead_count = leads.get((pool, "lead"), 0)
            pool.opportunity_count = leads.get((pool, "opportunity"), 0)

    @api.model
    def _ensure_pools(self):
        """Create the missing public pool of each company and pool of each team, named
        in every installed language."""
        Pool = self.sudo().with_context(active_test=False, lang="en_US")
        with_pool = Pool.search([("team_id", "=", False)]).company_id
        companies = self.env["res.company"].sudo().search([("id", "not in", with_pool.ids)])
        # The name in en_US for now: _set_system_names() writes every language's.
        vals_list = [{"name": "Public Pool", "company_id": company.id} for company in companies]
        teams_with_pool = Pool.search([("team_id", "!=", False)]).team_id
        teams = (
            self.env["crm.team"]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "not in", teams_with_pool.ids)])
        )
        vals_list += [
            {
                "name": team.name,
                "team_id": team.id,
                "company_id": (team.company_id or self.env.company).id,
            }
            for team in teams
        ]
        pools = Pool.create(vals_list)
        pools._set_system_names()
        return pools.with_env(self.sudo().env)

    @api.model
    def _name_langs(self):
        """en_US (every translated value has one) and the installed languages."""
        installed = [code for code, _name in self.env["res.lang"].get_installed()]
        return ["en_US", *(code for code in installed if code != "en_US")]

    def _system_name(self, lang):
        """The name the system gives this pool in `lang`."""
        self.ensure_one()
        pool = self.with_context(lang=lang)
        if pool.team_id:
            return pool.env._("%(team)s Pool", team=pool.team_id.name)
        return pool.env._("Public Pool")

    def _has_system_name(self, langs):
        """Whether the pool's name is, in each language, one the system gave it (and
        not one a user typed)."""
        self.ensure_one()
        names = {self._system_name(lang) for lang in langs}
        return all(self.with_context(lang=lang).name in names for lang in langs)

    def _set_system_names(self):
        """Name the pools in every installed language."""
        langs = self._name_langs()
        for pool in self.sudo():
            pool.update_field_translations(
                "name", {lang: pool._system_name(lang) for lang in langs}
            )

    def _refresh_system_names(self):
        """Rename, in every installed language, the pools that carry the system's name
        (after a language was installed or their team renamed)."""
        langs = self._name_langs()
        self.sudo().filtered(lambda pool: pool._has_system_name(langs))._set_system_names()

    @api.model
    def _get_public_pool(self, company):
        return self.sudo().search(
            [("company_id", "=", company.id), ("team_id", "=", False)], limit=1
        )

    def _action_open_resources(self, model, domain, name, view_ref):
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("%(name)s in %(pool)s", name=name, pool=self.display_name),
            "res_model": model,
            "view_mode": "list,form",
            "views": [(self.env.ref(view_ref).id, "list"), (False, "form")],
            "domain": list(Domain("pool_id", "=", self.id) & Domain(domain)),
            "context": {"create": False, "search_default_pool_id": self.id},
        }
        return action

    def action_view_customers(self):
        return self._action_open_resources(
            "res.partner",
            [("parent_id", "=", False)],
            self.env._("Customers"),
            "crm_core.res_partner_view_list_pool",
        )

    def action_view_leads(self):
        return self._action_open_resources(
            "crm.lead",
            [("type", "=", "lead")],
            self.env._("Leads"),
            "crm_core.crm_lead_view_list_pool",
        )

    def action_view_opportunities(self):
        return self._action_open_resources(
            "crm.lead",
            [("type", "=", "opportunity")],
            self.env._("Opportunities"),
            "crm_core.crm_lead_view_list_pool",
        )
