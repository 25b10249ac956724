from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain

ESCALATION_BATCH = 500
# what the SLA policy is matched on (a transfer to another team keeps the clock)
SLA_CRITERIA = {"request_type_id", "priority", "partner_id"}


class HelpdeskTicket(models.Model):
    """The SLA clock of a service request: reply-by and resolve-by deadlines in the
    team's working hours from the request's registration, paused in "on hold"
    stages, and the escalation run that flags breached requests once."""

    _inherit = "helpdesk.ticket"

    sla_id = fields.Many2one("crm.service.sla", string="SLA Policy", readonly=True, copy=False)
    sla_start = fields.Datetime(string="SLA Start", readonly=True, copy=False)
    reply_deadline = fields.Datetime(string="Reply By", readonly=True, copy=False, index=True)
    resolve_deadline = fields.Datetime(string="Resolve By", readonly=True, copy=False, index=True)
    first_reply_date = fields.Datetime(string="First Reply", readonly=True, copy=False)
    sla_paused_since = fields.Datetime(string="SLA Paused Since", readonly=True, copy=False)
    sla_paused_hours = fields.Float(string="SLA Paused Hours", readonly=True, copy=False)
    sla_breached = fields.Boolean(string="SLA Breached", readonly=True, copy=False, index=True)
    sla_breach_date = fields.Datetime(string="SLA Breached On", readonly=True, copy=False)
    sla_escalated = fields.Boolean(string="SLA Escalated", readonly=True, copy=False)
    sla_status = fields.Selection(
        [
            ("none", "No SLA"),
            ("running", "Running"),
            ("paused", "Paused"),
            ("breached", "Breached"),
            ("met", "Met"),
        ],
        string="SLA Status",
        compute="_compute_sla_status",
    )

    _sla_escalation_idx = models.Index("(resolve_deadline) WHERE sla_escalated IS NOT TRUE")

    @api.depends("sla_id", "sla_paused_since", "sla_breached", "stage_id.closed")
    def _compute_sla_status(self):
        for ticket in self:
            if not ticket.sla_id:
                ticket.sla_status = "none"
            elif ticket.sla_breached:
                ticket.sla_status = "breached"
            elif ticket.stage_id.closed:
                ticket.sla_status = "met"
            elif ticket.sla_paused_since:
                ticket.sla_status = "paused"
            else:
                ticket.sla_status = "running"

    # ------------------------------------------------------------------
    # Hooks called by create / write (helpdesk_ticket.py)
    # ------------------------------------------------------------------

    def _sla_on_create(self):
        # one search of the policies for the whole batch
        policies = (
            self.env["crm.service.sla"].sudo().search([("company_id", "in", self.company_id.ids)])
        )
        for ticket in self:
            ticket._sla_apply(start=ticket.create_date or fields.Datetime.now(), policies=policies)

    def _sla_before_write(self, vals):
        """{ticket: was on hold} when the stage changes."""
        if not vals.get("stage_id"):
            return {}
        return {ticket: ticket.stage_id.sla_on_hold for ticket in self}

    def _sla_after_write(self, vals, holds):
        if SLA_CRITERIA & set(vals):
            for ticket in self.filtered(lambda t: not t.stage_id.closed and t.sla_start):
                ticket._sla_apply(start=ticket.sla_start)
        if not holds:
            return
        now = fields.Datetime.now()
        paused = self.filtered(
            lambda t: t.stage_id.sla_on_hold and not holds[t] and not t.sla_paused_since
        )
        if paused:
            paused.write({"sla_paused_since": now})
        for ticket in self.filtered(
            lambda t: holds[t] and not t.stage_id.sla_on_hold and t.sla_paused_since
        ):
            hours = ticket._sla_working_hours(ticket.sla_paused_since, now)
            ticket.write(
                {"sla_paused_since": False, "sla_paused_hours": ticket.sla_paused_hours + hours}
            )
            ticket._sla_apply(start=ticket.sla_start)

    def _message_post_after_hook(self, message, msg_vals):
        # The first public answer of an employee meets the reply deadline.
        result = super()._message_post_after_hook(message, msg_vals)
        if (
            not self.first_reply_date
            and message.message_type == "comment"
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and message.author_id.user_ids
            and not all(message.author_id.user_ids.mapped("share"))
        ):
            self.sudo().first_reply_date = message.date or fields.Datetime.now()
        return result

    # ------------------------------------------------------------------
    # Deadlines
    # ------------------------------------------------------------------

    def _sla_calendar(self):
        self.ensure_one()
        if self.team_id:
            return self.team_id._sla_calendar()
        return self.company_id.resource_calendar_id

    def _sla_working_hours(self, start, end):
        calendar = self._sla_calendar()
        if not calendar:
            return (end - start).total_seconds() / 3600
        return calendar.get_work_hours_count(start, end, compute_leaves=True)

    def _sla_plan(self, hours, start):
        calendar = self._sla_calendar()
        if not calendar:
            return start + timedelta(hours=hours)
        return calendar.plan_hours(hours, start, compute_leaves=True)

    def _sla_apply(self, start, policies=None):
        """Matches the policy and sets both deadlines from ``start`` plus the
        working hours spent on hold."""
        self.ensure_one()
        if policies is None:
            policies = (
                self.env["crm.service.sla"].sudo().search([("company_id", "=", self.company_id.id)])
            )
        policy = policies._match(self, policies)
        vals = {"sla_id": policy.id, "sla_start": start}
        if policy:
            paused = self.sla_paused_hours
            vals["reply_deadline"] = self._sla_plan(policy.reply_hours + paused, start)
            vals["resolve_deadline"] = self._sla_plan(policy.resolve_hours + paused, start)
        else:
            vals.update(reply_deadline=False, resolve_deadline=False)
        self.sudo().write(vals)

    # ------------------------------------------------------------------
    # Escalation
    # ------------------------------------------------------------------

    @api.model
    def _sla_breach_domain(self, now):
        late = Domain("resolve_deadline", "<", now) | (
            Domain("first_reply_date", "=", False) & Domain("reply_deadline", "<", now)
        )
        return (
            Domain("sla_escalated", "=", False)
            & Domain("sla_id", "!=", False)
            & Domain("sla_paused_since", "=", False)
            & Domain("stage_id.closed", "=", False)
            & late
        )

    @api.model
    def _cron_sla_escalate(self, batch_size=ESCALATION_BATCH):
        """Flags the requests past a deadline and escalates each once to its team
        leader. One search per batch, one write, one activity create, one e-mail
        per leader; the flag written takes a request out of the next search, so a
        second run (or a run cut short and restarted) escalates nothing twice."""
        Ticket = self.sudo().with_context(tracking_disable=True, mail_activity_quick_update=True)
        now = fields.Datetime.now()
        total = 0
        while True:
            tickets = Ticket.search(self._sla_breach_domain(now), limit=batch_size, order="id")
            if not tickets:
                break
            tickets._sla_escalate(now)
            total += len(tickets)
            if self.env.context.get("ir_cron_progress_id"):
                self.env["ir.cron"]._commit_progress(len(tickets))
            if len(tickets) < batch_size:
                break
        return total

    def _sla_escalate(self, now):
        self.fetch(["number", "name", "team_id", "resolve_deadline", "reply_deadline"])
        self.write({"sla_breached": True, "sla_escalated": True, "sla_breach_date": now})
        per_leader = defaultdict(lambda: self.browse())
        for ticket in self:
            if ticket.team_id.user_id:
                per_leader[ticket.team_id.user_id] |= ticket
        if not per_leader:
            return
        activity_type = self.env.ref("crm_service.mail_act_sla_breach")
        model_id = self.env["ir.model"]._get_id("helpdesk.ticket")
        today = fields.Date.context_today(self)
        activities, mails = [], []
        for leader, tickets in per_leader.items():
            lang_env = self.with_context(lang=leader.lang).env
            for ticket in tickets:
                activities.append(
                    {
                        "res_model_id": model_id,
                        "res_id": ticket.id,
                        "activity_type_id": activity_type.id,
                        "user_id": leader.id,
                        "date_deadline": today,
                        "summary": lang_env._("SLA breached: %(ticket)s", ticket=ticket.number),
                    }
                )
            rows = Markup("").join(
                Markup("<li>%s - %s</li>") % (ticket.number, ticket.name) for ticket in tickets
            )
            mails.append(
                {
                    "subject": lang_env._(
                        "%(count)s service requests breached their SLA", count=len(tickets)
                    ),
                    "body_html": Markup("<p>%s</p><ul>%s</ul>")
                    % (
                        lang_env._("These requests of your team are past their SLA deadline:"),
                        rows,
                    ),
                    "recipient_ids": [(4, leader.partner_id.id)],
                    "email_from": (self.env.company.email_formatted or leader.email_formatted),
                    "auto_delete": True,
                }
            )
        self.env["mail.activity"].create(activities)
        self.env["mail.mail"].sudo().create(mails)
