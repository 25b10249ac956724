from datetime import datetime, time, timedelta

from odoo import fields, models
from odoo.exceptions import UserError

from .crm_service_plan_template import PLAN_KINDS


class CrmServicePlan(models.Model):
    """A proactive service due on a date (服务计划): made once by the daily cron
    from its template and the customer's or the delivery's data, assigned with
    a reminder, turned into a work order (on a new service request) in one
    click."""

    _name = "crm.service.plan"
    _description = "Service Plan"
    _inherit = ["crm.service.numbered", "mail.thread", "mail.activity.mixin"]
    _order = "due_date, id"
    _check_company_auto = True

    template_id = fields.Many2one(
        "crm.service.plan.template",
        string="Template",
        required=True,
        index=True,
        ondelete="restrict",
    )
    kind = fields.Selection(PLAN_KINDS, related="template_id.kind", store=True)
    company_id = fields.Many2one(related="template_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    lot_id = fields.Many2one(
        "stock.lot", string="Serial Number", index="btree_not_null", ondelete="cascade"
    )
    product_id = fields.Many2one(related="lot_id.product_id", string="Product")
    sale_order_id = fields.Many2one("sale.order", string="Sale Order", index="btree_not_null")
    due_date = fields.Date(required=True, index=True, tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Assigned To", index="btree_not_null", tracking=True
    )
    team_id = fields.Many2one("helpdesk.ticket.team", string="Service Team")
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Work Order Made"), ("cancel", "Cancelled")],
        default="todo",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    service_order_id = fields.Many2one(
        "crm.service.order", string="Work Order", readonly=True, copy=False
    )

    _once = models.UniqueIndex(
        "(template_id, partner_id, COALESCE(lot_id, 0), due_date)",
        "This plan exists already.",
    )

    # ------------------------------------------------------------------ actions

    def action_create_order(self):
        """A service request for the plan's customer and unit, and its draft work
        order planned on the due date, ready to dispatch."""
        self.ensure_one()
        if self.state != "todo":
            raise UserError(
                self.env._("%(plan)s is not to do: it has no work order to make.", plan=self.name)
            )
        template = self.template_id
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": f"{template.name}: {self.partner_id.display_name}",
                "description": template.content or template.name,
                "partner_id": self.partner_id.id,
                "team_id": self.team_id.id,
                "user_id": self.user_id.id,
                "request_type_id": template.request_type_id.id,
                "product_id": self.lot_id.product_id.id,
                "lot_id": self.lot_id.id,
                "company_id": self.company_id.id,
            }
        )
        start = datetime.combine(self.due_date, time(9, 0))
        order = self.env["crm.service.order"].create(
            {
                "ticket_id": ticket.id,
                "planned_start": start,
                "planned_end": start + timedelta(hours=2),
                "content": self._order_content(),
            }
        )
        self.write({"state": "done", "service_order_id": order.id})
        self.activity_feedback(["crm_service.mail_act_service_plan"])
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.service.order",
            "res_id": order.id,
            "views": [(False, "form")],
        }

    def action_cancel(self):
        if self.filtered(lambda plan: plan.state != "todo"):
            raise UserError(self.env._("Only plans to do can be cancelled."))
        self.state = "cancel"
        self.activity_unlink(["crm_service.mail_act_service_plan"])

    # ------------------------------------------------------------------ business

    def _order_content(self):
        template = self.template_id
        lines = [template.content or template.name]
        if template.part_product_id:
            lines.append(
                self.env._("Replace: %(part)s", part=template.part_product_id.display_name)
            )
        if self.sale_order_id:
            lines.append(self.env._("Sale order: %(order)s", order=self.sale_order_id.name))
        return "\n".join(lines)

    def _schedule_reminders(self):
        """One reminder activity per assigned plan, on its due date, in one create."""
        plans = self.filtered("user_id")
        if not plans:
            return
        activity_type = self.env.ref("crm_service.mail_act_service_plan")
        model = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model,
                    "res_id": plan.id,
                    "activity_type_id": activity_type.id,
                    "user_id": plan.user_id.id,
                    "date_deadline": plan.due_date,
                    "summary": plan.template_id.name,
                    "automated": True,
                }
                for plan in plans
            ]
        )
