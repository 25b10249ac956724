from odoo import fields, models


class CrmLostReason(models.Model):
    _inherit = "crm.lost.reason"

    is_competitor = fields.Boolean(
        string="Lost to a Competitor",
        help="Marking an opportunity lost for this reason asks which competitor won it.",
    )
