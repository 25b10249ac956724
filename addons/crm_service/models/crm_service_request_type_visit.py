from odoo import fields, models


class CrmServiceRequestType(models.Model):
    """The return-visit settings of a request type."""

    _inherit = "crm.service.request.type"

    visit_enabled = fields.Boolean(
        string="Return Visit",
        default=True,
        help="Closed requests of this type get a return visit.",
    )
    visit_delay_days = fields.Integer(
        string="Visit After (Days)",
        default=3,
        help="The return visit is planned this many days after the request closes.",
    )
    visit_min_score = fields.Integer(
        string="Complaint Below Score",
        default=3,
        help="A visit scored below this (on 1 to 5) opens a complaint request.",
    )

    _visit_delay_positive = models.Constraint(
        "CHECK(visit_delay_days >= 0)", "The visit delay cannot be negative."
    )
    _visit_min_score_scale = models.Constraint(
        "CHECK(visit_min_score BETWEEN 1 AND 6)",
        "The complaint threshold must be between 1 and 6 (6: every score but 5).",
    )
