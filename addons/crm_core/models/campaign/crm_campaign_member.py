import secrets

from odoo import api, fields, models
from odoo.exceptions import UserError

TRACE_STATUS = [
    ("to_send", "To Send"),
    ("outgoing", "Outgoing"),
    ("sent", "Delivered"),
    ("open", "Opened"),
    ("reply", "Replied"),
    ("bounce", "Bounced"),
    ("error", "Error"),
]


class CrmCampaignMember(models.Model):
    """A customer or contact invited to a campaign, how their invitation travelled
    (the statuses of a mass_mailing trace) and how they answered. A thread, so that
    a reply to the invitation lands on the member (mail_thread.py marks it replied)."""

    _name = "crm.campaign.member"
    _description = "Campaign Member"
    _order = "campaign_id desc, id"
    _inherit = ["mail.thread"]
    _rec_name = "partner_id"
    _check_company_auto = True

    campaign_id = fields.Many2one("utm.campaign", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer or Contact", required=True, ondelete="cascade", index=True
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, string="Customer", index=True
    )
    # The customer's owner and team, read live (the record rules follow the same
    # path): stored, every change of owner (a handover of 10,000 customers) would
    # rewrite the members too.
    user_id = fields.Many2one(related="commercial_partner_id.user_id", string="Salesperson")
    team_id = fields.Many2one(related="commercial_partner_id.team_id", string="Sales Team")
    channel = fields.Selection(
        [("email", "E-mail"), ("sms", "SMS")], required=True, default="email"
    )
    state = fields.Selection(
        [
            ("invited", "Invited"),
            ("accepted", "Accepted"),
            ("declined", "Declined"),
            ("attended", "Attended"),
        ],
        string="Status",
        required=True,
        default="invited",
        index=True,
    )
    response_date = fields.Datetime(readonly=True)
    access_token = fields.Char(
        required=True,
        copy=False,
        readonly=True,
        groups="base.group_system",
        default=lambda self: secrets.token_urlsafe(24),
    )
    trace_status = fields.Selection(
        TRACE_STATUS, string="Invitation", readonly=True, default="to_send", index=True
    )
    mail_mail_id = fields.Many2one("mail.mail", readonly=True, index="btree_not_null")
    message_id = fields.Char(string="Message-Id", readonly=True, index="btree_not_null")
    sms_uuid = fields.Char(string="SMS UUID", readonly=True, index="btree_not_null")
    sent_datetime = fields.Datetime(string="Delivered On", readonly=True)
    open_datetime = fields.Datetime(string="Opened On", readonly=True)
    reply_datetime = fields.Datetime(string="Replied On", readonly=True)
    failure_reason = fields.Char(readonly=True)

    _campaign_partner_uniq = models.UniqueIndex(
        "(campaign_id, partner_id)", "This customer or contact is already a member of the campaign."
    )
    _access_token_uniq = models.UniqueIndex("(access_token)")

    @api.model_create_multi
    def create(self, vals_list):
        self._check_not_members_yet(vals_list)
        return super().create(vals_list)

    def action_mark_attended(self):
        declined = self.filtered(lambda member: member.state == "declined")
        if declined:
            raise UserError(
                self.env._(
                    "%(partners)s declined the invitation; set them back to invited first.",
                    partners=", ".join(declined.partner_id.mapped("display_name")),
                )
            )
        self.write({"state": "attended"})

    def action_reset_invited(self):
        self.write({"state": "invited", "response_date": False})

    def action_create_leads(self):
        """One lead per member who has none yet in the campaign; the leads carry the
        campaign and wait in crm_core's pools (its intake hook) for a salesperson."""
        Lead = self.env["crm.lead"]
        existing = Lead.with_context(active_test=False).search_fetch(
            [
                ("campaign_id", "in", self.campaign_id.ids),
                ("partner_id", "in", self.partner_id.ids),
            ],
            ["campaign_id", "partner_id"],
        )
        done = {(lead.campaign_id.id, lead.partner_id.id) for lead in existing}
        todo = self.filtered(lambda m: (m.campaign_id.id, m.partner_id.id) not in done)
        leads = Lead.with_context(crm_pool_intake=True).create(
            [
                {
                    "name": f"{member.campaign_id.title}: {member.partner_id.display_name}",
                    "type": "lead",
                    "partner_id": member.partner_id.id,
                    "campaign_id": member.campaign_id.id,
                }
                for member in todo
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "view_mode": "list,form",
            "domain": [("id", "in", leads.ids)],
            "name": self.env._("Campaign Leads"),
        }

    def _check_not_members_yet(self, vals_list):
        """A clear error naming who is in twice, before the unique index would refuse
        the whole batch with a database message."""
        pairs = [(vals.get("campaign_id"), vals.get("partner_id")) for vals in vals_list]
        seen, twice = set(), set()
        for pair in pairs:
            (twice if pair in seen else seen).add(pair)
        existing = self.sudo().search_fetch(
            [
                ("campaign_id", "in", list({c for c, _p in pairs if c})),
                ("partner_id", "in", list({p for _c, p in pairs if p})),
            ],
            ["campaign_id", "partner_id"],
        )
        twice |= {(m.campaign_id.id, m.partner_id.id) for m in existing} & seen
        if twice:
            partners = self.env["res.partner"].browse({p for _c, p in twice})
            raise UserError(
                self.env._(
                    "Already a member of the campaign: %(partners)s.",
                    partners=", ".join(partners.sudo().mapped("display_name")),
                )
            )

    @api.model
    def _campaign_find_by_token(self, token):
        """The member of an invitation link, or an empty record for an unknown one
        (public route: sudo, and the token is compared as a whole)."""
        if not token or len(token) < 16:
            return self.browse()
        return self.sudo().search([("access_token", "=", token)], limit=1)

    def _campaign_invitation_url(self, action=""):
        self.ensure_one()
        path = f"/crm/campaign/invitation/{self.sudo().access_token}"
        return f"{self.get_base_url()}{path}{'/' + action if action else ''}"

    def _campaign_respond(self, answer):
        """Accept or decline through the personal link: once only, while invited."""
        self.ensure_one()
        if self.state != "invited":
            raise UserError(
                self.env._(
                    "This invitation was already answered: %(state)s.",
                    state=dict(self._fields["state"]._description_selection(self.env))[self.state],
                )
            )
        self.write(
            {
                "state": "accepted" if answer == "accept" else "declined",
                "response_date": fields.Datetime.now(),
            }
        )
        self._campaign_set_trace("open", only_from=("outgoing", "sent"))

    def _campaign_set_trace(self, status, only_from=None, **values):
        """Move the trace forward as mailing.trace does: opened and replied never go
        back to delivered, a bounce stays a bounce."""
        members = self.filtered(lambda m: not only_from or m.trace_status in only_from)
        stamp = {
            "sent": "sent_datetime",
            "open": "open_datetime",
            "reply": "reply_datetime",
        }.get(status)
        if stamp:
            values[stamp] = fields.Datetime.now()
        members.sudo().write(dict(values, trace_status=status))
        return members
