from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.telemarketing.crm_call_list_entry import CALL_OUTCOMES

# outcomes after which the entry is finished: no callback follows them
FINAL_OUTCOMES = ("wrong_number", "not_interested", "interested")


class CrmCallLog(models.TransientModel):
    """Log a call made from a call list entry: its outcome and duration, and
    optionally when to call back."""

    _name = "crm.call.log"
    _description = "Log a Telemarketing Call"

    entry_id = fields.Many2one("crm.call.list.entry", required=True, ondelete="cascade")
    outcome = fields.Selection(CALL_OUTCOMES, required=True)
    duration = fields.Float(help="Duration of the call, in minutes.")
    note = fields.Text()
    callback = fields.Boolean(string="Call Back")
    callback_date = fields.Datetime(string="Call Back On")

    @api.onchange("outcome")
    def _onchange_outcome(self):
        if self.outcome in FINAL_OUTCOMES:
            self.callback = False

    def _ensure_can_be_logged(self):
        self.ensure_one()
        self.entry_id._ensure_can_be_called()
        if self.duration < 0:
            raise UserError(self.env._("The duration of a call cannot be negative."))
        if not self.callback:
            return
        outcome = dict(self._fields["outcome"]._description_selection(self.env))[self.outcome]
        if self.outcome in FINAL_OUTCOMES:
            raise UserError(
                self.env._(
                    "No callback can follow a call whose outcome is %(outcome)s.", outcome=outcome
                )
            )
        if not self.callback_date:
            raise UserError(self.env._("Give the date and time of the callback."))
        if self.callback_date <= fields.Datetime.now():
            raise UserError(self.env._("The callback must be in the future."))

    def action_log(self):
        self._ensure_can_be_logged()
        entry = self.entry_id
        call = entry._log_call(
            self.outcome,
            self.duration,
            self.note,
            self.callback_date if self.callback else False,
        )
        if self.outcome == "interested" and call.opportunity_id:
            return call.opportunity_id.redirect_lead_opportunity_view()
        return entry._action_next_number(entry.call_list_id)
