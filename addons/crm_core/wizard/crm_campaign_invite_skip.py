from odoo import fields, models


class CrmCampaignInviteSkip(models.TransientModel):
    _name = "crm.campaign.invite.skip"
    _description = "Campaign Invitation: Skipped Partner"

    invite_id = fields.Many2one("crm.campaign.invite", required=True, ondelete="cascade")
    partner_id = fields.Many2one("res.partner", string="Customer or Contact", readonly=True)
    reason = fields.Selection(
        [
            ("member", "Already a member"),
            ("no_email", "No e-mail address"),
            ("no_phone", "No mobile number"),
        ],
        readonly=True,
    )
