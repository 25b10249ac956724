from markupsafe import Markup

from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    """Service requests (服务请求) are OCA helpdesk tickets with a request type, the
    product and serial concerned, the customer's level, a first-contact owner who
    stays through every transfer, and the transfer history. The one create / write
    of the ticket in this addon: the SLA (helpdesk_ticket_sla.py) hooks in here."""

    _inherit = "helpdesk.ticket"

    request_type_id = fields.Many2one(
        "crm.service.request.type",
        string="Request Type",
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
    )
    product_id = fields.Many2one("product.product", string="Product", index="btree_not_null")
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        domain="[('product_id', '=?', product_id)]",
        index="btree_not_null",
    )
    customer_level_id = fields.Many2one(
        related="commercial_partner_id.level_id", store=True, string="Customer Level"
    )
    first_contact_user_id = fields.Many2one(
        "res.users",
        string="First Contact",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Who registered the request (or, for a request from the portal or by "
        "e-mail, its first assignee): the owner, told of every transfer.",
    )
    transfer_ids = fields.One2many("crm.service.transfer", "ticket_id", string="Transfers")
    transfer_count = fields.Integer(compute="_compute_transfer_count")
    service_order_ids = fields.One2many("crm.service.order", "ticket_id", string="Work Orders")
    service_order_count = fields.Integer(compute="_compute_service_order_count")

    @api.depends("transfer_ids")
    def _compute_transfer_count(self):
        counts = dict(
            self.env["crm.service.transfer"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.transfer_count = counts.get(ticket, 0)

    @api.depends("service_order_ids")
    def _compute_service_order_count(self):
        counts = dict(
            self.env["crm.service.order"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.service_order_count = counts.get(ticket, 0)

    @api.onchange("lot_id")
    def _onchange_lot_id(self):
        if self.lot_id:
            self.product_id = self.lot_id.product_id

    @api.model_create_multi
    def create(self, vals_list):
        user = self.env.user
        for vals in vals_list:
            if not vals.get("first_contact_user_id"):
                # a portal customer or the mail gateway does not own the request:
                # its first assignee will
                owner = user.id if not user.share and not self.env.su else vals.get("user_id")
                vals["first_contact_user_id"] = owner or False
        tickets = super().create(vals_list)
        tickets._sla_on_create()
        return tickets

    def write(self, vals):
        holds = self._sla_before_write(vals)
        result = super().write(vals)
        if vals.get("user_id"):
            self.filtered(lambda t: not t.first_contact_user_id).write(
                {"first_contact_user_id": vals["user_id"]}
            )
        self._sla_after_write(vals, holds)
        return result

    def action_open_transfer_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Transfer"),
            "res_model": "crm.service.transfer.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id, "default_team_id": self.team_id.id},
        }

    def action_view_transfers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_service.crm_service_transfer_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        return action

    def action_new_service_order(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_service.crm_service_order_action"
        )
        action.update(
            {
                "views": [(False, "form")],
                "view_mode": "form",
                "context": {"default_ticket_id": self.id},
            }
        )
        return action

    def action_view_service_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_service.crm_service_order_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    def _service_notify_transfer(self, transfer):
        """Posts the step in the chatter and tells the owner, made a follower,
        whoever did the transfer."""
        self.ensure_one()
        owner = self.first_contact_user_id
        if owner:
            self.message_subscribe(partner_ids=owner.partner_id.ids)
        body = Markup("<p>%s</p><p>%s</p>") % (
            transfer._plain_words(),
            self.env._("Reason: %(reason)s", reason=transfer.reason),
        )
        self.message_post(
            body=body,
            subtype_xmlid="mail.mt_note",
            partner_ids=owner.partner_id.ids,
        )

    def _service_portal_progress(self):
        """The steps the customer reads on the portal: the request's creation, its
        transfers in plain words, its stage now. Read as superuser: the page is
        only shown once the customer's access to the request is checked."""
        self.ensure_one()
        ticket = self.sudo()
        steps = [{"date": ticket.create_date, "text": self.env._("Request registered")}]
        steps += [
            {"date": transfer.date, "text": transfer._plain_words()}
            for transfer in ticket.transfer_ids.sorted(lambda t: (t.date, t.id))
        ]
        steps.append(
            {
                "date": ticket.last_stage_update,
                "text": self.env._("Current stage: %(stage)s", stage=ticket.stage_id.name),
            }
        )
        return steps
