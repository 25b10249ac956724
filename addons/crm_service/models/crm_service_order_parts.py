from odoo import api, fields, models
from odoo.exceptions import UserError

from .helpdesk_ticket_warranty import WARRANTY_STATES


class CrmServiceOrder(models.Model):
    """The parts side of a work order: its part moves, the stock its technician
    holds, the warranty of the request's serial and its settlements."""

    _inherit = "crm.service.order"

    part_move_ids = fields.One2many("crm.service.part.move", "order_id", string="Parts")
    technician_quant_ids = fields.Many2many(
        "stock.quant",
        string="Technician's Stock",
        compute="_compute_technician_quant_ids",
        help="The parts the order's technician holds now.",
    )
    warranty_state = fields.Selection(
        WARRANTY_STATES, string="Warranty", compute="_compute_warranty", compute_sudo=True
    )
    warranty_end_date = fields.Date(
        string="Warranty Until", compute="_compute_warranty", compute_sudo=True
    )
    settlement_ids = fields.One2many("crm.service.settlement", "order_id", string="Settlements")
    settlement_count = fields.Integer(compute="_compute_settlement_count")

    @api.depends("user_id", "company_id", "part_move_ids.state")
    def _compute_technician_quant_ids(self):
        locations = (
            self.env["stock.location"]
            .sudo()
            .search(
                [
                    ("service_technician_id", "in", self.user_id.ids),
                    ("company_id", "in", self.company_id.ids),
                ]
            )
        )
        quants = (
            self.env["stock.quant"]
            .sudo()
            .search([("location_id", "in", locations.ids), ("quantity", ">", 0)])
        )
        for order in self:
            order.technician_quant_ids = quants.filtered(
                lambda q, o=order: (
                    q.location_id.service_technician_id == o.user_id
                    and q.company_id == o.company_id
                )
            )

    @api.depends("ticket_id.warranty_state", "ticket_id.warranty_end_date")
    def _compute_warranty(self):
        for order in self:
            order.warranty_state = order.ticket_id.warranty_state
            order.warranty_end_date = order.ticket_id.warranty_end_date

    @api.depends("settlement_ids")
    def _compute_settlement_count(self):
        counts = dict(
            self.env["crm.service.settlement"]._read_group(
                [("order_id", "in", self.ids)], ["order_id"], ["__count"]
            )
        )
        for order in self:
            order.settlement_count = counts.get(order, 0)

    def action_validate_parts(self):
        self.part_move_ids.filtered(lambda line: line.state == "draft").action_validate()
        return True

    def action_new_settlement(self):
        """A draft settlement of the order's consumed parts not settled yet and of
        the hours worked."""
        self.ensure_one()
        if self.state != "done":
            raise UserError(self.env._("Settle %(order)s once it is done.", order=self.name))
        settlement = self.env["crm.service.settlement"].create(
            {"ticket_id": self.ticket_id.id, "order_id": self.id}
        )
        settlement._fill_from_order()
        return settlement.get_formview_action()

    def action_view_settlements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_service.crm_service_settlement_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        return action
