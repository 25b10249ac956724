from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

ENTRY_STATES = [
    ("to_call", "To Call"),
    ("called", "Called"),
    ("callback", "Callback"),
    ("done", "Done"),
    ("skipped", "Skipped"),
]
CALL_OUTCOMES = [
    ("reached", "Reached"),
    ("no_answer", "No Answer"),
    ("busy", "Busy"),
    ("wrong_number", "Wrong Number"),
    ("not_interested", "Not Interested"),
    ("interested", "Interested"),
]


class CrmCallListEntry(models.Model):
    """One number to call on a call list: whom, which phone, who calls, and how far
    the calls have got. The calls themselves are crm.phonecall records."""

    _name = "crm.call.list.entry"
    _description = "Call List Entry"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "call_list_id, id"
    _rec_name = "partner_id"
    _check_company_auto = True

    call_list_id = fields.Many2one(
        "crm.call.list", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="call_list_id.company_id", store=True, index=True)
    script = fields.Html(related="call_list_id.script", string="Call Script")
    campaign_id = fields.Many2one(related="call_list_id.campaign_id")
    partner_id = fields.Many2one("res.partner", string="Contact", index="btree_not_null")
    lead_id = fields.Many2one(
        "crm.lead", string="Lead/Opportunity", index="btree_not_null", tracking=True
    )
    phone = fields.Char()
    user_id = fields.Many2one(
        "res.users", string="Salesperson", index="btree_not_null", tracking=True
    )
    state = fields.Selection(
        ENTRY_STATES, default="to_call", required=True, tracking=True, index=True
    )
    outcome = fields.Selection(CALL_OUTCOMES, string="Last Outcome", readonly=True)
    skip_reason = fields.Selection(
        [("no_phone", "No phone number"), ("manual", "Skipped by the salesperson")],
        readonly=True,
    )
    callback_date = fields.Datetime(string="Call Back On", readonly=True, tracking=True)
    phonecall_ids = fields.One2many("crm.phonecall", "call_list_entry_id", string="Calls")
    call_count = fields.Integer(string="Number of Calls", compute="_compute_call_count")
    last_call_date = fields.Datetime(readonly=True)

    _user_state_idx = models.Index("(user_id, state, callback_date)")

    @api.depends("phonecall_ids")
    def _compute_call_count(self):
        counts = dict(
            self.env["crm.phonecall"]._read_group(
                [("call_list_entry_id", "in", self.ids)], ["call_list_entry_id"], ["__count"]
            )
        )
        for entry in self:
            entry.call_count = counts.get(entry, 0)

    def _compute_display_name(self):
        # The salesperson calling the number may not see the customer (a teammate's):
        # the name is what they need to greet them.
        for entry in self:
            entry.display_name = (
                entry.partner_id.sudo().display_name
                or entry.lead_id.sudo().display_name
                or entry.phone
                or ""
            )

    def _ensure_can_be_called(self):
        for entry in self:
            if entry.state in ("done", "skipped"):
                raise UserError(
                    self.env._(
                        "%(entry)s is %(state)s: no more calls are logged on it.",
                        entry=entry.display_name,
                        state=dict(ENTRY_STATES)[entry.state].lower(),
                    )
                )
            if not entry.phone:
                raise UserError(
                    self.env._("%(entry)s has no phone number.", entry=entry.display_name)
                )

    def action_log_call(self):
        self.ensure_one()
        self._ensure_can_be_called()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log a Call"),
            "res_model": "crm.call.log",
            "view_mode": "form",
            "target": "new",
            "context": {"default_entry_id": self.id},
        }

    def action_skip(self):
        self._ensure_can_be_called()
        self.write({"state": "skipped", "skip_reason": "manual"})
        return self._action_next_number(self.call_list_id) if len(self) == 1 else True

    def action_schedule_meeting(self):
        """crm_phonecall's meeting from the entry's last call."""
        self.ensure_one()
        call = self.phonecall_ids.sorted("id")[-1:]
        if not call:
            raise UserError(
                self.env._(
                    "Log a call with %(entry)s before scheduling a meeting.",
                    entry=self.display_name,
                )
            )
        return call.action_make_meeting()

    @api.model
    def action_next_number_all(self):
        return self._action_next_number(self.env["crm.call.list"])

    @api.model
    def _next_entry_domain(self, call_lists):
        """The current salesperson's numbers: callbacks that are due, then those never
        called (of the given lists, or of every list)."""
        domain = Domain("user_id", "=", self.env.uid) & Domain("call_list_id.active", "=", True)
        if call_lists:
            domain &= Domain("call_list_id", "in", call_lists.ids)
        due = Domain("state", "=", "callback") & Domain(
            "callback_date", "<=", fields.Datetime.now()
        )
        return domain & (due | Domain("state", "=", "to_call"))

    @api.model
    def _action_next_number(self, call_lists):
        entries = self.search(self._next_entry_domain(call_lists), order="callback_date, id")
        if not entries:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "message": self.env._("No number left to call."),
                    "type": "info",
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        # callbacks first (ordered by time), then the numbers never called
        entry = entries.filtered(lambda e: e.state == "callback")[:1] or entries[:1]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Next Number"),
            "res_model": self._name,
            "res_id": entry.id,
            "view_mode": "form",
            "views": [(self.env.ref("crm_core.crm_call_list_entry_view_form_call").id, "form")],
            "target": "current",
        }

    def _log_call(self, outcome, duration, note, callback_date):
        """Record the call as a crm.phonecall, move the entry on and, for a callback,
        schedule the phone call activity. Returns the phonecall."""
        self.ensure_one()
        self._ensure_can_be_called()
        now = fields.Datetime.now()
        call = (
            self.env["crm.phonecall"]
            .with_context(mail_create_nosubscribe=True)
            .create(
                {
                    "name": self.env._(
                        "%(list)s: %(entry)s",
                        list=self.call_list_id.name,
                        entry=self.display_name,
                    ),
                    "call_list_entry_id": self.id,
                    "call_outcome": outcome,
                    "partner_id": self.partner_id.id,
                    "partner_phone": self.phone,
                    "opportunity_id": self.lead_id.id,
                    "user_id": self.env.uid,
                    "team_id": self.env.user.sale_team_id.id or self.call_list_id.team_id.id,
                    "company_id": self.company_id.id,
                    "campaign_id": self.call_list_id.campaign_id.id,
                    "direction": "out",
                    "state": "done",
                    "date": now,
                    "date_closed": now,
                    "duration": duration,
                    "description": note,
                }
            )
        )
        # the callback this call answers is done
        self.activity_feedback(["mail.mail_activity_data_call"], feedback=note or None)
        if callback_date:
            state = "callback"
        elif outcome in ("wrong_number", "not_interested", "interested"):
            state = "done"
        else:
            state = "called"
        self.write(
            {
                "state": state,
                "outcome": outcome,
                "last_call_date": now,
                "callback_date": callback_date or False,
            }
        )
        if callback_date:
            self.activity_schedule(
                "mail.mail_activity_data_call",
                date_deadline=fields.Date.context_today(self, callback_date),
                summary=self.env._(
                    "Call back %(entry)s at %(time)s",
                    entry=self.display_name,
                    time=fields.Datetime.context_timestamp(self, callback_date).strftime("%H:%M"),
                ),
                user_id=self.user_id.id or self.env.uid,
            )
        if outcome == "interested" and not self.lead_id:
            # crm_phonecall's own conversion; the entry follows the new opportunity
            call.action_button_convert2opportunity()
            # its write(state="done") zeroes a duration already given: restore it
            call.duration = duration
            self.lead_id = call.opportunity_id
        return call
