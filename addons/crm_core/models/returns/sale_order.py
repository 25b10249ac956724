from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    crm_return_request_ids = fields.One2many(
        "crm.return.request", "sale_order_id", string="Return Requests"
    )
    crm_return_request_count = fields.Integer(compute="_compute_crm_return_request_count")

    @api.depends("crm_return_request_ids")
    def _compute_crm_return_request_count(self):
        for order in self:
            order.crm_return_request_count = len(order.crm_return_request_ids)

    def action_new_crm_return_request(self):
        self.ensure_one()
        if self.state != "sale" or not any(line.qty_delivered > 0 for line in self.order_line):
            raise UserError(
                self.env._(
                    "Nothing of sales order %(order)s has been delivered yet: "
                    "there is nothing to return.",
                    order=self.name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return Request"),
            "res_model": "crm.return.request",
            "views": [(False, "form")],
            "context": {"default_sale_order_id": self.id},
        }

    def action_view_crm_return_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_core.crm_return_request_action")
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {"default_sale_order_id": self.id}
        return action
