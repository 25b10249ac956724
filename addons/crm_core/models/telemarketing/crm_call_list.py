from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools.safe_eval import safe_eval


class CrmCallList(models.Model):
    """A telemarketing call list: whom to call (partners and/or leads matching its
    filters), who calls them (its salespeople, who share the entries round-robin)
    and what to say (its script)."""

    _name = "crm.call.list"
    _description = "Call List"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        index="btree_not_null",
        check_company=True,
        default=lambda self: self.env.user.sale_team_id,
    )
    campaign_id = fields.Many2one("utm.campaign", string="Campaign", index="btree_not_null")
    script = fields.Html(
        string="Call Script", sanitize_style=True, help="What the salespeople say on the call."
    )
    user_ids = fields.Many2many(
        "res.users",
        "crm_call_list_user_rel",
        "call_list_id",
        "user_id",
        string="Salespeople",
        domain=[("share", "=", False)],
        help="The entries are shared evenly among them, in turn.",
    )
    partner_domain = fields.Char(
        string="Contacts Filter",
        help="Which customers and contacts to call (industry, region, level, tags, owner...).",
    )
    lead_domain = fields.Char(string="Leads Filter", help="Which leads to call.")
    entry_ids = fields.One2many("crm.call.list.entry", "call_list_id", string="Entries")
    entry_count = fields.Integer(compute="_compute_counts")
    to_call_count = fields.Integer(string="To Call", compute="_compute_counts")
    skipped_count = fields.Integer(string="Skipped", compute="_compute_counts")
    done_count = fields.Integer(string="Done", compute="_compute_counts")

    @api.constrains("user_ids")
    def _check_user_ids(self):
        for call_list in self:
            if not call_list.user_ids:
                raise ValidationError(
                    self.env._(
                        "The call list %(name)s needs at least one salesperson.",
                        name=call_list.name,
                    )
                )

    @api.constrains("partner_domain", "lead_domain")
    def _check_domains(self):
        for call_list in self:
            for field_name, model in (
                ("partner_domain", "res.partner"),
                ("lead_domain", "crm.lead"),
            ):
                if not call_list[field_name]:
                    continue
                try:
                    call_list._target_domain(field_name).validate(self.env[model])
                except Exception as error:
                    raise ValidationError(
                        self.env._(
                            "The %(filter)s of %(name)s is not a valid filter: %(error)s",
                            filter=call_list._fields[field_name].get_description(self.env)[
                                "string"
                            ],
                            name=call_list.name,
                            error=error,
                        )
                    ) from error

    def _compute_counts(self):
        counts = {
            (call_list.id, state): count
            for call_list, state, count in self.env["crm.call.list.entry"]._read_group(
                [("call_list_id", "in", self.ids)], ["call_list_id", "state"], ["__count"]
            )
        }
        for call_list in self:
            by_state = {
                state: counts.get((call_list.id, state), 0)
                for state in ("to_call", "called", "callback", "done", "skipped")
            }
            call_list.entry_count = sum(by_state.values())
            call_list.to_call_count = by_state["to_call"] + by_state["callback"]
            call_list.skipped_count = by_state["skipped"]
            call_list.done_count = by_state["done"]

    @api.model_create_multi
    def create(self, vals_list):
        # The constraint only sees the fields given: a list created without any
        # salespeople is refused here, before anything is created.
        for vals in vals_list:
            if not vals.get("user_ids"):
                raise ValidationError(
                    self.env._(
                        "The call list %(name)s needs at least one salesperson.",
                        name=vals.get("name") or "",
                    )
                )
        return super().create(vals_list)

    def action_generate(self):
        """Add an entry for every matching partner and lead not yet on the list, in
        one batched create; the salespeople take them in turn. Partners without a
        phone number are listed as skipped, with the reason."""
        self.ensure_one()
        self._check_user_ids()
        if not (self.partner_domain or self.lead_domain):
            raise UserError(
                self.env._(
                    "Set a contacts filter or a leads filter on %(name)s before "
                    "generating its entries.",
                    name=self.name,
                )
            )
        vals_list = self._generate_entry_vals()
        if not vals_list:
            raise UserError(
                self.env._(
                    "No new contact or lead matches the filters of %(name)s.", name=self.name
                )
            )
        entries = self.env["crm.call.list.entry"].create(vals_list)
        skipped = entries.filtered(lambda entry: entry.state == "skipped")
        self.message_post(
            body=self.env._(
                "%(count)s entries generated, %(skipped)s skipped.",
                count=len(entries),
                skipped=len(skipped),
            )
        )
        return entries

    def action_open_entries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_core.crm_call_list_entry_action"
        )
        action["domain"] = [("call_list_id", "=", self.id)]
        action["context"] = {"default_call_list_id": self.id, "search_default_group_state": 1}
        return action

    def action_next_number(self):
        self.ensure_one()
        return self.env["crm.call.list.entry"]._action_next_number(self)

    def _target_domain(self, field_name):
        domain = safe_eval(self[field_name] or "[]", {"uid": self.env.uid})
        return Domain(domain) & Domain("company_id", "in", [False, self.company_id.id])

    def _generate_entry_vals(self):
        """The entries' values, in the order of the matching leads then partners,
        without the partners and leads already on the list."""
        present = self.env["crm.call.list.entry"].search_fetch(
            [("call_list_id", "=", self.id)], ["partner_id", "lead_id"]
        )
        present_leads, present_partners = present.lead_id, present.partner_id
        targets = []
        if self.lead_domain:
            leads = self.env["crm.lead"].search_fetch(
                self._target_domain("lead_domain") & Domain("id", "not in", present_leads.ids),
                ["partner_id", "phone", "contact_name", "partner_name", "name"],
                order="id",
            )
            for lead in leads:
                targets.append((lead.partner_id, lead, lead.phone or lead.partner_id.phone))
            present_partners |= leads.partner_id
        if self.partner_domain:
            partners = self.env["res.partner"].search_fetch(
                self._target_domain("partner_domain")
                & Domain("id", "not in", present_partners.ids),
                ["phone", "name"],
                order="id",
            )
            targets += [(partner, self.env["crm.lead"], partner.phone) for partner in partners]
        users = self.user_ids.sorted("id")
        vals_list, turn = [], 0
        for partner, lead, phone in targets:
            vals = {
                "call_list_id": self.id,
                "partner_id": partner.id,
                "lead_id": lead.id,
                "phone": phone,
            }
            if phone:
                vals["user_id"] = users[turn % len(users)].id
                turn += 1
            else:
                vals.update(state="skipped", skip_reason="no_phone")
            vals_list.append(vals)
        return vals_list
