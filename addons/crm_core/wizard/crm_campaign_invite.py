import ast

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain


class CrmCampaignInvite(models.TransientModel):
    """Invite every customer and contact a filter finds, in one insert; the
    invitations are sent afterwards by the campaign cron (crm.campaign.member)."""

    _name = "crm.campaign.invite"
    _description = "Invite to a Campaign"

    campaign_id = fields.Many2one("utm.campaign", required=True, ondelete="cascade")
    channel = fields.Selection(
        [("email", "E-mail"), ("sms", "SMS")], required=True, default="email"
    )
    partner_domain = fields.Char(
        string="Customers and Contacts",
        default="[]",
        help="Any filter on customers and contacts: industry, region, level, tags, "
        "salesperson, RFM segment...",
    )
    partner_count = fields.Integer(compute="_compute_partner_count", string="Matching")
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")
    added_count = fields.Integer(string="Invited", readonly=True)
    skip_ids = fields.One2many("crm.campaign.invite.skip", "invite_id", string="Skipped")

    @api.depends("partner_domain")
    def _compute_partner_count(self):
        for wizard in self:
            wizard.partner_count = self.env["res.partner"].search_count(wizard._partner_domain())

    def _partner_domain(self):
        try:
            return Domain(ast.literal_eval(self.partner_domain or "[]"))
        except (ValueError, SyntaxError, TypeError) as error:
            raise UserError(
                self.env._(
                    "The filter of customers and contacts is not valid: %(error)s", error=error
                )
            ) from error

    def action_invite(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("These invitations were already sent."))
        if self.campaign_id.date_end and self.campaign_id.date_end < fields.Date.context_today(
            self
        ):
            raise UserError(
                self.env._(
                    "Campaign %(campaign)s ended on %(end)s: nobody can be invited any more.",
                    campaign=self.campaign_id.title,
                    end=self.campaign_id.date_end,
                )
            )
        address = "email_normalized" if self.channel == "email" else "phone"
        partners = self.env["res.partner"].search_fetch(self._partner_domain(), [address])
        if not partners:
            raise UserError(self.env._("No customer or contact matches the filter."))
        members = (
            self.env["crm.campaign.member"]
            .sudo()
            .search_fetch([("campaign_id", "=", self.campaign_id.id)], ["partner_id"])
        )
        already = set(members.partner_id.ids)
        invited, skipped = [], []
        for partner in partners:
            if partner.id in already:
                skipped.append((partner.id, "member"))
            elif not partner[address]:
                skipped.append((partner.id, "no_email" if self.channel == "email" else "no_phone"))
            else:
                invited.append(partner.id)
        # One insert, without a follower or a creation note per member.
        self.env["crm.campaign.member"].with_context(
            mail_create_nosubscribe=True, mail_create_nolog=True, tracking_disable=True
        ).create(
            [
                {
                    "campaign_id": self.campaign_id.id,
                    "partner_id": partner_id,
                    "channel": self.channel,
                }
                for partner_id in invited
            ]
        )
        self.env["crm.campaign.invite.skip"].create(
            [
                {"invite_id": self.id, "partner_id": partner_id, "reason": reason}
                for partner_id, reason in skipped
            ]
        )
        self.write({"state": "done", "added_count": len(invited)})
        if invited:
            self.env.ref("crm_core.ir_cron_crm_campaign_invitations")._trigger()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Invitations"),
        }
