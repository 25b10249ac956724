from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmHandoverLine(models.Model):
    """One kind of record of a handover: whether it moves and how many records.
    The count is live while the handover is a draft and frozen when it is done."""

    _name = "crm.handover.line"
    _description = "Work Handover Line"
    _order = "sequence, id"

    handover_id = fields.Many2one(
        "crm.handover", string="Handover", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    type_key = fields.Char(string="Kind Key", required=True)
    name = fields.Char(string="Kind", compute="_compute_name")
    selected = fields.Boolean(string="Hand Over", default=True)
    count = fields.Integer(
        string="Records",
        compute="_compute_count",
        store=True,
        readonly=True,
        help="While a draft: the records of this kind that would move now. Once done:"
        " the records that moved.",
    )
    state = fields.Selection(related="handover_id.state")

    _handover_type_uniq = models.UniqueIndex("(handover_id, type_key)")

    @api.depends("type_key")
    def _compute_name(self):
        types = self.env["crm.handover"]._handover_type_map()
        for line in self:
            desc = types.get(line.type_key)
            line.name = desc["label"] if desc else line.type_key

    @api.depends(
        "type_key",
        "handover_id.mode",
        "handover_id.from_user_id",
        "handover_id.from_team_id",
    )
    def _compute_count(self):
        types = self.env["crm.handover"]._handover_type_map()
        for handover, lines in self.grouped("handover_id").items():
            for line in lines:
                desc = types.get(line.type_key)
                if handover.state == "done" or not desc:
                    line.count = line.count
                else:
                    line.count = handover._handover_count(desc)

    def write(self, vals):
        if self.handover_id.filtered(lambda h: h.state == "done"):
            raise UserError(self.env._("A done handover is a log and cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if self.handover_id.filtered(lambda h: h.state == "done"):
            raise UserError(self.env._("A done handover is a log and cannot be changed."))
