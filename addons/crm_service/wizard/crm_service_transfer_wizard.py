from odoo import fields, models
from odoo.exceptions import UserError


class CrmServiceTransferWizard(models.TransientModel):
    _name = "crm.service.transfer.wizard"
    _description = "Transfer a Service Request"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Service Request", required=True)
    team_id = fields.Many2one("helpdesk.ticket.team", string="To Team")
    user_id = fields.Many2one("res.users", string="To Assignee", domain="[('share', '=', False)]")
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        ticket = self.ticket_id
        # an archived team cannot be picked in the form, but may come through RPC
        team = self.team_id.with_context(active_test=False) or ticket.team_id
        user = self.user_id
        if ticket.closed:
            raise UserError(
                self.env._(
                    "%(ticket)s is closed and cannot be transferred.", ticket=ticket.display_name
                )
            )
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason of the transfer."))
        if self.team_id and not self.team_id.active:
            raise UserError(
                self.env._(
                    "The team %(team)s is archived: a request cannot be transferred to it.",
                    team=self.team_id.name,
                )
            )
        if user and team.user_ids and user not in team.user_ids:
            raise UserError(
                self.env._(
                    "%(user)s is not a member of the team %(team)s.", user=user.name, team=team.name
                )
            )
        if team == ticket.team_id and user == ticket.user_id:
            raise UserError(self.env._("Choose another team or another assignee."))
        transfer = self.env["crm.service.transfer"].create(
            {
                "ticket_id": ticket.id,
                "from_team_id": ticket.team_id.id,
                "from_user_id": ticket.user_id.id,
                "to_team_id": team.id,
                "to_user_id": user.id,
                "reason": self.reason.strip(),
            }
        )
        # told before the move: the owner, made a follower, keeps seeing the
        # request in another team, where the one transferring may not
        ticket._service_notify_transfer(transfer)
        ticket.write({"team_id": team.id, "user_id": user.id})
        return {"type": "ir.actions.act_window_close"}
