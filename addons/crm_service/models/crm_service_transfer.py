from odoo import api, fields, models


class CrmServiceTransfer(models.Model):
    """One step of a request's transfer history: written by the transfer wizard,
    never edited."""

    _name = "crm.service.transfer"
    _description = "Service Request Transfer"
    _order = "date desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Service Request", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    from_team_id = fields.Many2one("helpdesk.ticket.team", string="From Team", readonly=True)
    from_user_id = fields.Many2one("res.users", string="From Assignee", readonly=True)
    to_team_id = fields.Many2one("helpdesk.ticket.team", string="To Team", readonly=True)
    to_user_id = fields.Many2one("res.users", string="To Assignee", readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Transferred By", default=lambda s: s.env.user, readonly=True
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    reason = fields.Text(required=True, readonly=True)
    summary = fields.Char(compute="_compute_summary")

    @api.depends("from_team_id", "to_team_id", "from_user_id", "to_user_id")
    def _compute_summary(self):
        for transfer in self:
            transfer.summary = transfer._plain_words()

    def _plain_words(self):
        """The step told as the customer reads it on the portal."""
        self.ensure_one()
        none = self.env._("nobody")
        return self.env._(
            "Passed from %(from_team)s (%(from_user)s) to %(to_team)s (%(to_user)s)",
            from_team=self.from_team_id.sudo().name or self.env._("no team"),
            from_user=self.from_user_id.sudo().name or none,
            to_team=self.to_team_id.sudo().name or self.env._("no team"),
            to_user=self.to_user_id.sudo().name or none,
        )
