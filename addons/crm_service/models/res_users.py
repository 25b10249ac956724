from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    service_visit_score = fields.Float(
        string="Customer Satisfaction",
        compute="_compute_service_visit_score",
        digits=(3, 2),
        help="The average score (1 to 5) of the done return visits of the requests "
        "this technician worked on.",
    )
    service_visit_count = fields.Integer(compute="_compute_service_visit_score")

    def _compute_service_visit_score(self):
        stats = {
            user: (count, score)
            for user, count, score in self.env["crm.service.visit"]._read_group(
                [("technician_ids", "in", self.ids), ("state", "=", "done")],
                ["technician_ids"],
                ["__count", "score:avg"],
            )
        }
        for user in self:
            user.service_visit_count, user.service_visit_score = stats.get(user, (0, 0.0))
