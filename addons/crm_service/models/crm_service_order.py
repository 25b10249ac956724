from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmServiceOrder(models.Model):
    """A work order (派工单) of a service request: dispatched to one or more
    technicians, each of whom accepts or refuses; started once accepted, done
    with the checklist ticked and the customer's signature."""

    _name = "crm.service.order"
    _description = "Service Work Order"
    _inherit = ["crm.service.numbered", "mail.thread", "mail.activity.mixin"]
    _order = "planned_start desc, id desc"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        compute="_compute_from_ticket",
        store=True,
        readonly=False,
        precompute=True,
    )
    team_id = fields.Many2one(
        related="ticket_id.team_id", store=True, string="Service Team", index=True
    )
    partner_id = fields.Many2one(related="ticket_id.partner_id", store=True, string="Contact")
    commercial_partner_id = fields.Many2one(
        related="ticket_id.commercial_partner_id", store=True, string="Customer", index=True
    )
    product_id = fields.Many2one(related="ticket_id.product_id", string="Product")
    lot_id = fields.Many2one(related="ticket_id.lot_id", string="Serial Number")
    dispatcher_id = fields.Many2one(
        "res.users", string="Dispatcher", default=lambda s: s.env.user, tracking=True
    )
    state = fields.Selection(
        [
            ("draft", "To Dispatch"),
            ("dispatched", "Dispatched"),
            ("accepted", "Accepted"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        copy=False,
        readonly=True,
        tracking=True,
        index=True,
    )
    technician_line_ids = fields.One2many(
        "crm.service.order.technician", "order_id", string="Technicians", copy=False
    )
    user_id = fields.Many2one(
        "res.users",
        string="Technician",
        compute="_compute_user_id",
        store=True,
        index=True,
        help="The technician who accepted the order, or the first still asked.",
    )
    service_mode = fields.Selection(
        [("onsite", "On-site"), ("remote", "Remote")], default="onsite", required=True
    )
    planned_start = fields.Datetime(tracking=True)
    planned_end = fields.Datetime()
    place = fields.Char()
    content = fields.Text(string="Work Content")
    requirements = fields.Text()
    check_ids = fields.One2many("crm.service.order.check", "order_id", string="Checklist")
    actual_start = fields.Datetime(readonly=True, copy=False)
    actual_end = fields.Datetime(readonly=True, copy=False)
    signature = fields.Binary(copy=False, attachment=True)
    signed_by = fields.Char(copy=False)
    color = fields.Integer()
    can_be_answered = fields.Boolean(
        compute="_compute_can_be_answered",
        help="The current user is asked and has not answered yet.",
    )
    can_be_refused = fields.Boolean(compute="_compute_can_be_answered")

    _planned_dates = models.Constraint(
        "CHECK(planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start)",
        "The planned end must come after the planned start.",
    )

    @api.depends("ticket_id")
    def _compute_from_ticket(self):
        for order in self:
            order.company_id = order.ticket_id.company_id or order.company_id or self.env.company

    @api.depends("technician_line_ids.state", "technician_line_ids.user_id")
    def _compute_user_id(self):
        for order in self:
            lines = order.technician_line_ids.sorted(lambda line: (line.sequence, line.id))
            accepted = lines.filtered(lambda line: line.state == "accepted")
            asked = lines.filtered(lambda line: line.state == "dispatched")
            order.user_id = (accepted or asked)[:1].user_id

    @api.depends_context("uid")
    @api.depends("technician_line_ids.state", "technician_line_ids.user_id", "state")
    def _compute_can_be_answered(self):
        for order in self:
            mine = order.technician_line_ids.filtered(lambda line: line.user_id == self.env.user)
            states = set(mine.mapped("state"))
            active = order.state in ("dispatched", "accepted")
            order.can_be_answered = active and "dispatched" in states
            order.can_be_refused = active and bool(states & {"dispatched", "accepted"})

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        started = self.filtered(lambda o: o.state in ("in_progress", "done"))
        if started:
            raise UserError(
                self.env._(
                    "%(names)s is started or done and cannot be deleted.",
                    names=", ".join(started.mapped("name")),
                )
            )

    def _ensure_state(self, states, verb):
        for order in self:
            if order.state == "cancel":
                raise UserError(self.env._("%(order)s is cancelled.", order=order.name))
            if order.state not in states:
                raise UserError(
                    self.env._(
                        "%(order)s cannot be %(verb)s in the state %(state)s.",
                        order=order.name,
                        verb=verb,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            order.state
                        ],
                    )
                )

    def _my_line(self, states=("dispatched",)):
        self.ensure_one()
        line = self.technician_line_ids.filtered(
            lambda line: line.user_id == self.env.user and line.state in states
        )
        if not line:
            raise UserError(
                self.env._("%(order)s is not waiting for your answer.", order=self.name)
            )
        return line[:1]

    def action_dispatch(self):
        self._ensure_state(("draft",), self.env._("dispatched"))
        for order in self:
            lines = order.technician_line_ids.filtered(lambda line: line.state == "dispatched")
            if not lines:
                raise UserError(
                    self.env._(
                        "Add a technician to %(order)s before dispatching it.", order=order.name
                    )
                )
            if not order.planned_start:
                raise UserError(self.env._("Set the planned start of %(order)s.", order=order.name))
            order.state = "dispatched"
            order.message_subscribe(partner_ids=lines.user_id.partner_id.ids)
            for line in lines:
                order.activity_schedule(
                    "crm_service.mail_act_order_answer",
                    user_id=line.user_id.id,
                    date_deadline=fields.Date.context_today(order, order.planned_start),
                )

    def action_accept(self):
        self._ensure_state(("dispatched", "accepted"), self.env._("accepted"))
        for order in self:
            line = order._my_line()
            line.write({"state": "accepted", "answer_date": fields.Datetime.now()})
            order.state = "accepted"
            order._close_my_answer_activity()

    def action_open_refuse_wizard(self):
        self.ensure_one()
        self._ensure_state(("dispatched", "accepted"), self.env._("refused"))
        self._my_line(("dispatched", "accepted"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Refuse the Work Order"),
            "res_model": "crm.service.order.refuse",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def _refuse(self, reason):
        """The current technician refuses. Once nobody is asked or has accepted,
        the order goes back to the dispatch queue; the dispatcher is told."""
        self.ensure_one()
        self._ensure_state(("dispatched", "accepted"), self.env._("refused"))
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason of the refusal."))
        line = self._my_line(("dispatched", "accepted"))
        line.write(
            {"state": "refused", "refuse_reason": reason, "answer_date": fields.Datetime.now()}
        )
        self._close_my_answer_activity()
        states = set(self.technician_line_ids.mapped("state"))
        if "accepted" in states:
            self.state = "accepted"
        elif "dispatched" in states:
            self.state = "dispatched"
        else:
            self.state = "draft"
        self.activity_schedule(
            "crm_service.mail_act_order_redispatch",
            user_id=(self.dispatcher_id or self.create_uid).id,
            note=self.env._("%(user)s refused: %(reason)s", user=self.env.user.name, reason=reason),
        )

    def _close_my_answer_activity(self):
        self.activity_feedback(["crm_service.mail_act_order_answer"], user_id=self.env.user.id)

    def action_start(self):
        for order in self:
            if order.state == "cancel":
                raise UserError(self.env._("%(order)s is cancelled.", order=order.name))
            if order.state != "accepted":
                raise UserError(
                    self.env._(
                        "%(order)s can only be started once a technician has accepted it.",
                        order=order.name,
                    )
                )
        self.write({"state": "in_progress", "actual_start": fields.Datetime.now()})

    def action_done(self):
        self._ensure_state(("in_progress",), self.env._("done"))
        for order in self:
            open_checks = order.check_ids.filtered(lambda check: not check.done)
            if open_checks:
                raise UserError(
                    self.env._(
                        "Tick the checklist of %(order)s first: %(items)s",
                        order=order.name,
                        items=", ".join(open_checks.mapped("name")),
                    )
                )
            if order.service_mode == "onsite" and not order.signature:
                raise UserError(
                    self.env._("%(order)s needs the customer's signature.", order=order.name)
                )
        self.write({"state": "done", "actual_end": fields.Datetime.now()})

    def action_cancel(self):
        self._ensure_state(
            ("draft", "dispatched", "accepted", "in_progress"), self.env._("cancelled")
        )
        self.write({"state": "cancel"})
        self.activity_unlink(
            ["crm_service.mail_act_order_answer", "crm_service.mail_act_order_redispatch"]
        )

    def action_reset_draft(self):
        self._ensure_state(("dispatched",), self.env._("put back to dispatch"))
        self.write({"state": "draft"})
