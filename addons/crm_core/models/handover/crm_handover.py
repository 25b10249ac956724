from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain


class CrmHandover(models.Model):
    """Work handover (工作移交): a wizard while draft, the log of the move once done.

    The kinds of records a handover moves come from a registry,
    :meth:`_handover_types`: an ordered list of descriptors (dicts) with the keys

    - ``key``: unique technical name, stored on the lines (``crm.handover.line``);
    - ``label``: translated name shown with its count;
    - ``sequence``: order in the form;
    - ``model``: the model of the records;
    - ``user_field`` / ``team_field``: the owner and team fields written (user
      mode writes the owner, team mode the team; ``False`` when not applicable);
    - ``domain``: the "open" records of that kind, before the owner or team
      condition is added (a Domain or a list);
    - ``modes``: the modes the kind applies to, ``["user", "team"]``;
    - ``search`` (optional): name of a method ``(descriptor) -> records`` returning
      the records to move, replacing the generic owner/team search;
    - ``count`` (optional): name of a method ``(descriptor) -> int`` for the
      preview, replacing ``search_count``;
    - ``move`` (optional): name of a method ``(descriptor) -> int`` moving the
      records and returning how many moved, replacing the generic batched write.

    Another addon registers its kinds by extending the registry::

        @api.model
        def _handover_types(self):
            return super()._handover_types() + [{
                "key": "loan", "label": self.env._("Loans"), "sequence": 60,
                "model": "crm.loan", "user_field": "user_id", "team_field": "team_id",
                "domain": [("state", "not in", ("done", "cancel"))],
                "modes": ["user", "team"],
            }]

    Records move through the ORM in batches as superuser, once the current user's
    right to hand over between these users or teams is checked, with tracking off;
    the handover posts one summary in its own chatter instead. The moves
    themselves (generic batched write, customers, followers, team members) are
    in crm_handover_move.py.
    """

    _name = "crm.handover"
    _description = "Work Handover"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", default="New", copy=False, readonly=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")],
        default="draft",
        copy=False,
        readonly=True,
        index=True,
        tracking=True,
    )
    mode = fields.Selection(
        [("user", "Between Users"), ("team", "Between Teams")],
        string="Hand Over",
        default="user",
        required=True,
        help="Between users: the records one salesperson owns go to another. Between"
        " teams (department merge): the records of one sales team go to another team,"
        " their owners stay and the members join the other team.",
    )
    from_user_id = fields.Many2one(
        "res.users",
        string="From User",
        index="btree_not_null",
        domain="[('share', '=', False)]",
        help="The user handing over the work; may be archived (someone who left).",
    )
    to_user_id = fields.Many2one(
        "res.users",
        string="To User",
        index="btree_not_null",
        domain="[('share', '=', False)]",
        help="The salesperson taking over the work.",
    )
    from_team_id = fields.Many2one("crm.team", string="From Team", index="btree_not_null")
    to_team_id = fields.Many2one("crm.team", string="To Team", index="btree_not_null")
    archive_from_team = fields.Boolean(
        string="Archive the From Team",
        help="Archive the team handing over once its records and members have moved.",
    )
    line_ids = fields.One2many(
        "crm.handover.line",
        "handover_id",
        string="Records",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
        precompute=True,
    )
    total_count = fields.Integer(string="Records to Move", compute="_compute_total_count")
    note = fields.Text(string="Reason")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        readonly=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_done = fields.Datetime(string="Done On", readonly=True, copy=False)

    @api.depends("mode")
    def _compute_line_ids(self):
        types = self._handover_types()
        for handover in self:
            if handover.state == "done":
                handover.line_ids = handover.line_ids
                continue
            selected = {line.type_key: line.selected for line in handover.line_ids}
            handover.line_ids = [Command.clear()] + [
                Command.create(
                    {
                        "type_key": desc["key"],
                        "sequence": desc["sequence"],
                        "selected": selected.get(desc["key"], True),
                    }
                )
                for desc in types
                if handover.mode in desc["modes"]
            ]

    @api.depends("line_ids.selected", "line_ids.count")
    def _compute_total_count(self):
        for handover in self:
            handover.total_count = sum(handover.line_ids.filtered("selected").mapped("count"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "New") == "New":
                vals["name"] = self.env["ir.sequence"].next_by_code("crm.handover") or "New"
        return super().create(vals_list)

    def write(self, vals):
        if self.filtered(lambda h: h.state == "done") and set(vals) - {
            "note",
            "message_main_attachment_id",
        }:
            raise UserError(self.env._("A done handover is a log and cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if self.filtered(lambda h: h.state == "done"):
            raise UserError(self.env._("A done handover is a log and cannot be deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_refresh_counts(self):
        if self.filtered(lambda h: h.state == "done"):
            raise UserError(self.env._("The counts of a done handover are frozen."))
        self.line_ids._compute_count()
        return True

    def action_confirm(self):
        for handover in self:
            handover._ensure_can_be_confirmed()
            handover._run_handover()
        return True

    # ------------------------------------------------------------------
    # Registry of the kinds of records
    # ------------------------------------------------------------------

    @api.model
    def _handover_types(self):
        """The kinds of records a handover moves; see the class docstring."""
        return [
            {
                "key": "customer",
                "label": self.env._("Customers"),
                "sequence": 10,
                "model": "res.partner",
                "user_field": "user_id",
                "team_field": "team_id",
                # Commercial partners only: their contacts follow them (see move).
                "domain": Domain("is_company", "=", True) | Domain("parent_id", "=", False),
                "modes": ["user", "team"],
                "move": "_handover_move_customers",
            },
            {
                "key": "lead",
                "label": self.env._("Leads"),
                "sequence": 20,
                "model": "crm.lead",
                "user_field": "user_id",
                "team_field": "team_id",
                "domain": Domain("type", "=", "lead"),
                "modes": ["user", "team"],
            },
            {
                "key": "opportunity",
                "label": self.env._("Opportunities"),
                "sequence": 30,
                "model": "crm.lead",
                "user_field": "user_id",
                "team_field": "team_id",
                # Lost ones are archived, hence left out by the active test.
                "domain": Domain("type", "=", "opportunity") & Domain("won_status", "!=", "won"),
                "modes": ["user", "team"],
            },
            {
                "key": "sale_order",
                "label": self.env._("Quotations and Orders"),
                "sequence": 40,
                "model": "sale.order",
                "user_field": "user_id",
                "team_field": "team_id",
                # Quotations, and confirmed orders still unlocked and not fully invoiced.
                "domain": Domain("state", "in", ["draft", "sent"])
                | (
                    Domain("state", "=", "sale")
                    & Domain("locked", "=", False)
                    & Domain("invoice_status", "!=", "invoiced")
                ),
                "modes": ["user", "team"],
            },
            {
                "key": "activity",
                "label": self.env._("Open Activities"),
                "sequence": 50,
                "model": "mail.activity",
                "user_field": "user_id",
                "team_field": False,
                "domain": Domain.TRUE,
                "modes": ["user"],
            },
            {
                "key": "follower",
                "label": self.env._("Followed Records"),
                "sequence": 60,
                "model": "mail.followers",
                "user_field": False,
                "team_field": False,
                "domain": Domain.TRUE,
                "modes": ["user"],
                "count": "_handover_count_followers",
                "move": "_handover_move_followers",
            },
        ]

    @api.model
    def _handover_type_map(self):
        return {desc["key"]: desc for desc in self._handover_types()}

    def _handover_env(self):
        """Superuser, active records only, no tracking or assignment e-mails: the
        handover posts one summary instead of a message per record."""
        return self.env(
            su=True,
            context=dict(
                self.env.context,
                active_test=True,
                tracking_disable=True,
                mail_notrack=True,
                mail_activity_quick_update=True,
            ),
        )

    def _handover_domain(self, desc):
        self.ensure_one()
        if self.mode == "team":
            if not desc["team_field"] or not self.from_team_id:
                return None
            owner = Domain(desc["team_field"], "=", self.from_team_id.id)
        else:
            if not desc["user_field"] or not self.from_user_id:
                return None
            owner = Domain(desc["user_field"], "=", self.from_user_id.id)
        domain = Domain(desc["domain"]) & owner
        if "company_id" in self.env[desc["model"]]._fields:
            # The move runs as superuser: keep it to the companies the requester works in.
            domain &= Domain("company_id", "in", [False, *self.env.companies.ids])
        return domain

    def _handover_search(self, desc):
        self.ensure_one()
        if desc.get("search"):
            return getattr(self, desc["search"])(desc)
        domain = self._handover_domain(desc)
        Model = self._handover_env()[desc["model"]]
        return Model.search(domain, order="id") if domain is not None else Model

    def _handover_count(self, desc):
        self.ensure_one()
        if desc.get("count"):
            return getattr(self, desc["count"])(desc)
        if desc.get("search"):
            return len(self._handover_search(desc))
        domain = self._handover_domain(desc)
        if domain is None:
            return 0
        return self._handover_env()[desc["model"]].search_count(domain)

    def _handover_move(self, desc):
        self.ensure_one()
        if desc.get("move"):
            return getattr(self, desc["move"])(desc)
        return self._handover_move_records(desc, self._handover_search(desc))

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _ensure_can_be_confirmed(self):
        self.ensure_one()
        if self.state == "done":
            raise UserError(self.env._("The handover %(name)s is already done.", name=self.name))
        if self.mode == "user":
            if not self.from_user_id or not self.to_user_id:
                raise UserError(
                    self.env._("Choose the user handing over and the user taking over.")
                )
            if self.from_user_id == self.to_user_id:
                raise UserError(
                    self.env._(
                        "%(user)s cannot hand over work to themselves: choose another"
                        " user to take over.",
                        user=self.from_user_id.name,
                    )
                )
            if not self.to_user_id.active:
                raise UserError(
                    self.env._(
                        "%(user)s is archived and cannot take over work.",
                        user=self.to_user_id.name,
                    )
                )
            if not self.to_user_id.has_group("sales_team.group_sale_salesman"):
                raise UserError(
                    self.env._(
                        "%(user)s is not a salesperson and cannot take over customers,"
                        " leads or orders.",
                        user=self.to_user_id.name,
                    )
                )
        else:
            if not self.from_team_id or not self.to_team_id:
                raise UserError(
                    self.env._("Choose the team handing over and the team taking over.")
                )
            if self.from_team_id == self.to_team_id:
                raise UserError(
                    self.env._(
                        "The team %(team)s cannot hand over work to itself: choose another"
                        " team to take over.",
                        team=self.from_team_id.name,
                    )
                )
            if not self.to_team_id.active:
                raise UserError(
                    self.env._(
                        "The team %(team)s is archived and cannot take over work.",
                        team=self.to_team_id.name,
                    )
                )
        self._check_handover_access()
        if not self.line_ids.filtered("selected"):
            raise UserError(self.env._("Select at least one kind of record to hand over."))

    def _check_handover_access(self):
        """Managers hand over anything; team leaders only between the members of
        the teams they lead (or between those teams)."""
        self.ensure_one()
        user = self.env.user
        if self.env.su or user.has_group("sales_team.group_sale_manager"):
            return
        led_teams = self.env["crm.team"].sudo().with_context(active_test=False)
        led_teams = led_teams.search([("user_id", "=", user.id)])
        if self.mode == "team":
            outsiders = (self.from_team_id | self.to_team_id) - led_teams
            if outsiders:
                raise AccessError(
                    self.env._(
                        "You may only merge teams you lead; you do not lead %(teams)s.",
                        teams=", ".join(outsiders.mapped("name")),
                    )
                )
            return
        members = (
            self.env["crm.team.member"]
            .sudo()
            .with_context(active_test=False)
            .search([("crm_team_id", "in", led_teams.ids)])
            .user_id
            | led_teams.user_id
        )
        outsiders = (self.from_user_id | self.to_user_id) - members
        if outsiders:
            raise AccessError(
                self.env._(
                    "You may only hand over work between members of the teams you lead;"
                    " %(users)s is not one of them.",
                    users=", ".join(outsiders.mapped("name")),
                )
            )

    def _run_handover(self):
        """Move every selected kind in one savepoint: an error in any kind undoes
        the kinds moved before it."""
        self.ensure_one()
        types = self._handover_type_map()
        lines = self.line_ids.filtered(lambda line: line.selected and line.type_key in types)
        counts = {}
        with self.env.cr.savepoint():
            for line in lines.sorted("sequence"):
                counts[line.type_key] = self._handover_move(types[line.type_key])
            if not any(counts.values()):
                raise UserError(
                    self.env._(
                        "There is nothing to hand over: %(giver)s has no open records of"
                        " the selected kinds.",
                        giver=(self.from_user_id if self.mode == "user" else self.from_team_id)
                        .with_context(active_test=False)
                        .display_name,
                    )
                )
            if self.mode == "team":
                self._handover_move_team_members()
            (self.line_ids - lines).unlink()
            for line in lines:
                line.count = counts[line.type_key]
            self.write({"state": "done", "date_done": fields.Datetime.now()})
        self._handover_post_summary(lines)

    def _handover_post_summary(self, lines):
        self.ensure_one()
        if self.mode == "user":
            source, target = self.from_user_id, self.to_user_id
        else:
            source, target = self.from_team_id, self.to_team_id
        source = source.with_context(active_test=False)
        details = ", ".join(f"{line.name}: {line.count}" for line in lines.sorted("sequence"))
        self.message_post(
            body=self.env._(
                "Work handed over from %(giver)s to %(taker)s: %(details)s.",
                giver=source.display_name,
                taker=target.display_name,
                details=details,
            )
        )
