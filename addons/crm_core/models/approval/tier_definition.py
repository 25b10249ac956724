from odoo import api, fields, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    crm_email_approval = fields.Boolean(
        string="Approve by E-mail",
        default=True,
        help="Reviewers get an e-mail with single-use approve and reject links "
        "when a review of this tier awaits them.",
    )

    @api.model
    def _get_tier_validation_model_names(self):
        res = super()._get_tier_validation_model_names()
        res.append("sale.order")
        return res
