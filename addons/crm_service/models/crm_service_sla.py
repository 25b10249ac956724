from odoo import fields, models

PRIORITIES = [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Very High")]
# the criteria a policy may set; a policy matches a request when each criterion
# it sets equals the request's value
CRITERIA = ("request_type_id", "priority", "level_id", "team_id")


class CrmServiceSla(models.Model):
    """An SLA policy: how many working hours a request waits for its first reply
    and for its resolution. The most specific matching policy applies (the most
    criteria set), then the lowest sequence."""

    _name = "crm.service.sla"
    _description = "Service SLA Policy"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda s: s.env.company)
    request_type_id = fields.Many2one("crm.service.request.type", string="Request Type")
    priority = fields.Selection(PRIORITIES)
    level_id = fields.Many2one("crm.customer.level", string="Customer Level")
    team_id = fields.Many2one("helpdesk.ticket.team", string="Team", check_company=True)
    reply_hours = fields.Float(string="Reply Within (Working Hours)", required=True)
    resolve_hours = fields.Float(string="Resolve Within (Working Hours)", required=True)

    _hours_positive = models.Constraint(
        "CHECK(reply_hours > 0 AND resolve_hours >= reply_hours)",
        "The reply time must be positive and the resolution time at least the reply time.",
    )

    def _match(self, ticket, policies):
        """The policy of ``policies`` that applies to ``ticket``, or an empty record."""
        values = {
            "request_type_id": ticket.request_type_id,
            "priority": ticket.priority,
            "level_id": ticket.customer_level_id,
            "team_id": ticket.team_id,
        }
        best, best_key = self.browse(), None
        for policy in policies:
            if policy.company_id != ticket.company_id:
                continue
            criteria = [name for name in CRITERIA if policy[name]]
            if any(policy[name] != values[name] for name in criteria):
                continue
            key = (-len(criteria), policy.sequence, policy.id)
            if best_key is None or key < best_key:
                best, best_key = policy, key
        return best
