from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain

VISIT_BATCH = 500


class HelpdeskTicket(models.Model):
    """Return visits of a closed request, its average score, and the complaints
    a poor score opened from it."""

    _inherit = "helpdesk.ticket"

    visit_ids = fields.One2many("crm.service.visit", "ticket_id", string="Return Visits")
    visit_count = fields.Integer(compute="_compute_visit_stats")
    visit_score = fields.Float(
        string="Satisfaction",
        compute="_compute_visit_stats",
        digits=(3, 2),
        help="The average score (1 to 5) of the request's done return visits.",
    )
    origin_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint About",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The request whose return visit opened this complaint.",
    )
    complaint_ids = fields.One2many("helpdesk.ticket", "origin_ticket_id", string="Complaints")
    complaint_count = fields.Integer(compute="_compute_complaint_count")

    @api.depends("visit_ids.state", "visit_ids.score")
    def _compute_visit_stats(self):
        counts = dict(
            self.env["crm.service.visit"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        scores = dict(
            self.env["crm.service.visit"]._read_group(
                [("ticket_id", "in", self.ids), ("state", "=", "done")],
                ["ticket_id"],
                ["score:avg"],
            )
        )
        for ticket in self:
            ticket.visit_count = counts.get(ticket, 0)
            ticket.visit_score = scores.get(ticket, 0.0)

    @api.depends("complaint_ids")
    def _compute_complaint_count(self):
        counts = dict(
            self._read_group(
                [("origin_ticket_id", "in", self.ids)], ["origin_ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.complaint_count = counts.get(ticket, 0)

    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_service.crm_service_visit_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_service.helpdesk_ticket_action")
        action["domain"] = [("origin_ticket_id", "=", self.id)]
        return action

    @api.model
    def _visit_due_domain(self):
        return (
            Domain("stage_id.closed", "=", True)
            & Domain("closed_date", "!=", False)
            & Domain("request_type_id.visit_enabled", "=", True)
            & Domain("visit_ids", "=", False)
        )

    @api.model
    def _cron_schedule_visits(self, batch_size=VISIT_BATCH):
        """Plans one return visit per closed request, N days (its type's delay)
        after the closing; the visit made takes the request out of the next
        search, so each closed request gets one visit however often this runs."""
        Ticket = self.sudo()
        total = 0
        while True:
            tickets = Ticket.search(self._visit_due_domain(), limit=batch_size, order="id")
            if not tickets:
                break
            tickets._visit_create()
            total += len(tickets)
            if self.env.context.get("ir_cron_progress_id"):
                self.env["ir.cron"]._commit_progress(len(tickets))
            if len(tickets) < batch_size:
                break
        return total

    def _visit_create(self):
        orders = self.env["crm.service.order"].search(
            [("ticket_id", "in", self.ids), ("state", "=", "done")],
            order="actual_end desc, id desc",
        )
        last_order = {}
        technicians = {}
        for order in orders:
            last_order.setdefault(order.ticket_id, order)
            done_by = order.technician_line_ids.filtered(lambda line: line.state == "accepted")
            technicians[order.ticket_id] = (
                technicians.get(order.ticket_id, self.env["res.users"]) | done_by.user_id
            )
        vals_list = []
        for ticket in self:
            closed = fields.Date.context_today(ticket, ticket.closed_date)
            delay = timedelta(days=ticket.request_type_id.visit_delay_days)
            vals_list.append(
                {
                    "ticket_id": ticket.id,
                    "service_order_id": last_order.get(ticket, orders.browse()).id,
                    "technician_ids": [(6, 0, technicians.get(ticket, orders.browse()).ids)],
                    "user_id": (ticket.first_contact_user_id or ticket.user_id).id,
                    "planned_date": closed + delay,
                }
            )
        visits = self.env["crm.service.visit"].create(vals_list)
        for visit in visits.filtered("user_id"):
            visit.activity_schedule(
                "crm_service.mail_act_service_visit",
                user_id=visit.user_id.id,
                date_deadline=visit.planned_date,
            )
        return visits
