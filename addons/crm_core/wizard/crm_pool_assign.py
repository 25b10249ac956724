from odoo import fields, models
from odoo.exceptions import UserError


class CrmPoolAssign(models.TransientModel):
    _name = "crm.pool.assign"
    _description = "Assign Pool Records"

    res_model = fields.Char(string="Model", required=True, readonly=True)
    res_ids = fields.Char(string="Record IDs", required=True, readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        domain="[('share', '=', False)]",
    )
    reason = fields.Text()

    def _get_records(self):
        if self.res_model not in ("res.partner", "crm.lead"):
            raise UserError(self.env._("Only customers, leads and opportunities go to pools."))
        ids = [int(i) for i in (self.res_ids or "").split(",") if i]
        return self.env[self.res_model].browse(ids).exists()

    def action_assign(self):
        self.ensure_one()
        records = self._get_records()
        if not records:
            raise UserError(self.env._("There is nothing to assign."))
        records._pool_assign(self.user_id, (self.reason or "").strip() or False)
        return {"type": "ir.actions.act_window_close"}
