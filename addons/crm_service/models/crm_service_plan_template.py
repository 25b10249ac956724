from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

PLAN_KINDS = [
    ("birthday", "Birthday Care"),
    ("maintenance", "Periodic Maintenance"),
    ("replacement", "Part Replacement"),
    ("followup", "Delivery Follow-up"),
]

# One query per template: the due keys (partner, serial, order, due date) of the
# next `lead_days` days that have no plan yet. Month arithmetic is PostgreSQL's,
# from the base date each time (31 January + 1 month = 28 or 29 February,
# + 2 months = 31 March), so an "every N months" series never drifts.
_MISSING = """
    SELECT d.partner_id, d.lot_id, d.sale_order_id, d.due_date
      FROM due d
     WHERE d.due_date BETWEEN %(today)s AND %(horizon)s
       AND NOT EXISTS (
            SELECT 1 FROM crm_service_plan p
             WHERE p.template_id = %(template)s
               AND p.partner_id = d.partner_id
               AND COALESCE(p.lot_id, 0) = COALESCE(d.lot_id, 0)
               AND p.due_date = d.due_date)
  ORDER BY d.due_date, d.partner_id, d.lot_id
"""

_BIRTHDAY = """
WITH due AS (
    SELECT p.id AS partner_id, NULL::int AS lot_id, NULL::int AS sale_order_id,
           -- 29 February is celebrated on 28 February in other years
           (make_date(y.year, EXTRACT(MONTH FROM p.birthday)::int, 1)
            + (LEAST(EXTRACT(DAY FROM p.birthday)::int,
                     EXTRACT(DAY FROM make_date(y.year, EXTRACT(MONTH FROM p.birthday)::int, 1)
                                      + INTERVAL '1 month' - INTERVAL '1 day')::int) - 1)
           )::date AS due_date
      FROM res_partner p
     CROSS JOIN (VALUES (%(year)s), (%(year)s + 1)) AS y(year)
     WHERE p.birthday IS NOT NULL AND p.active
       AND (p.company_id IS NULL OR p.company_id = %(company)s)
)
"""

# The serials of the template's products whose last delivery to a customer
# (not a delivery back from a factory repair) is the base of the series.
_SERIAL = """
WITH delivered AS (
    SELECT DISTINCT ON (ml.lot_id) ml.lot_id, sp.partner_id, ml.date::date AS base
      FROM stock_move_line ml
      JOIN stock_location dest ON dest.id = ml.location_dest_id
      JOIN stock_picking sp ON sp.id = ml.picking_id
     WHERE ml.state = 'done' AND dest.usage = 'customer'
       AND ml.lot_id IS NOT NULL AND ml.product_id = ANY(%(products)s)
       AND sp.partner_id IS NOT NULL AND sp.service_repair_ticket_id IS NULL
       AND ml.company_id = %(company)s
  ORDER BY ml.lot_id, ml.date DESC, ml.id DESC
), steps AS (
    SELECT d.*, ((EXTRACT(YEAR FROM AGE(%(today)s::date, d.base)) * 12
                 + EXTRACT(MONTH FROM AGE(%(today)s::date, d.base)))::int / %(months)s) AS k
      FROM delivered d
), due AS (
    SELECT s.partner_id, s.lot_id, NULL::int AS sale_order_id,
           (s.base + make_interval(months => (s.k + n.n) * %(months)s))::date AS due_date
      FROM steps s CROSS JOIN (VALUES (0), (1), (2)) AS n(n)
     WHERE s.k + n.n >= 1
)
"""

_FOLLOWUP = """
WITH due AS (
    SELECT DISTINCT so.partner_id, NULL::int AS lot_id,
           FIRST_VALUE(so.id) OVER (PARTITION BY so.partner_id, sp.date_done::date
                                    ORDER BY so.id) AS sale_order_id,
           (sp.date_done::date + %(days)s) AS due_date
      FROM stock_picking sp
      JOIN sale_order so ON so.id = sp.sale_id
      JOIN stock_picking_type pt ON pt.id = sp.picking_type_id
     WHERE sp.state = 'done' AND pt.code = 'outgoing' AND so.company_id = %(company)s
)
"""


class CrmServicePlanTemplate(models.Model):
    """What proactive service to offer and when (服务计划模板): a birthday care
    call on the contact's birthday, a maintenance or a part replacement every N
    months of a serial delivered to a customer, a follow-up N days after a sale
    order's delivery. The daily cron makes the due plans `lead_days` ahead."""

    _name = "crm.service.plan.template"
    _description = "Service Plan Template"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    kind = fields.Selection(PLAN_KINDS, required=True, default="maintenance")
    interval_months = fields.Integer(
        string="Every (months)", default=6, help="Maintenance and part replacement."
    )
    days_after = fields.Integer(string="Days after Delivery", default=7, help="Delivery follow-up.")
    lead_days = fields.Integer(
        string="Plan Ahead (days)",
        default=7,
        help="A plan is made this many days before it is due.",
    )
    product_ids = fields.Many2many(
        "product.product",
        string="Products",
        help="The products sold by serial whose units are maintained.",
    )
    part_product_id = fields.Many2one(
        "product.product", string="Part to Replace", check_company=True
    )
    request_type_id = fields.Many2one(
        "crm.service.request.type",
        string="Request Type",
        help="The request type of the service request a plan's work order is made on.",
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Service Team",
        check_company=True,
        help="Plans of customers without an owner go round-robin to its members.",
    )
    last_user_id = fields.Many2one("res.users", string="Last Assigned", readonly=True, copy=False)
    content = fields.Text(string="Work Content")
    plan_ids = fields.One2many("crm.service.plan", "template_id", string="Plans")

    _interval_positive = models.Constraint(
        "CHECK(interval_months > 0 AND days_after >= 0 AND lead_days >= 0)",
        "The interval must be positive, the days after delivery and ahead not negative.",
    )

    @api.constrains("kind", "product_ids")
    def _check_products(self):
        for template in self:
            if template.kind in ("maintenance", "replacement") and not template.product_ids:
                raise ValidationError(
                    self.env._(
                        "%(template)s plans a service of units sold by serial: give its products.",
                        template=template.name,
                    )
                )

    # ------------------------------------------------------------------ cron

    @api.model
    def _cron_create_plans(self):
        self.search([("active", "=", True)])._create_due_plans()

    def _create_due_plans(self, today=None):
        """The plans due in the next `lead_days` days not made yet, assigned,
        each with its reminder; returns them."""
        today = today or fields.Date.context_today(self)
        Plan = self.env["crm.service.plan"]
        plans = Plan.browse()
        for template in self:
            rows = template._due_keys(today)
            if not rows:
                continue
            vals_list = [
                {
                    "template_id": template.id,
                    "partner_id": partner_id,
                    "lot_id": lot_id,
                    "sale_order_id": sale_order_id,
                    "due_date": due_date,
                }
                for partner_id, lot_id, sale_order_id, due_date in rows
            ]
            template._assign(vals_list)
            plans |= Plan.create(vals_list)
        plans._schedule_reminders()
        return plans

    def _due_keys(self, today):
        self.ensure_one()
        params = {
            "template": self.id,
            "company": self.company_id.id,
            "today": today,
            "horizon": today + timedelta(days=self.lead_days),
            "year": today.year,
            "months": self.interval_months,
            "days": self.days_after,
            "products": self.product_ids.ids,
        }
        query = {"birthday": _BIRTHDAY, "followup": _FOLLOWUP}.get(self.kind, _SERIAL)
        self.env.flush_all()
        self.env.cr.execute(query + _MISSING, params)
        return self.env.cr.fetchall()

    def _assign(self, vals_list):
        """The customer's owner (their salesperson), or the next member of the
        template's team, round-robin from the last one assigned."""
        self.ensure_one()
        partners = self.env["res.partner"].browse({v["partner_id"] for v in vals_list})
        owners = {p.id: p.commercial_partner_id.user_id for p in partners}
        members = self.team_id.user_ids.filtered("active").sorted("id")
        last = self.last_user_id
        for vals in vals_list:
            owner = owners[vals["partner_id"]]
            if owner and not owner.share:
                vals["user_id"] = owner.id
            elif members:
                after = members.filtered(lambda u, last=last: u.id > last.id)
                last = after[:1] or members[:1]
                vals["user_id"] = last.id
            vals["team_id"] = self.team_id.id
        if last != self.last_user_id:
            self.last_user_id = last
