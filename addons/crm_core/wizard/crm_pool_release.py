from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmPoolRelease(models.TransientModel):
    _name = "crm.pool.release"
    _description = "Release to a Resource Pool"

    res_model = fields.Char(string="Model", required=True, readonly=True)
    res_ids = fields.Char(string="Record IDs", required=True, readonly=True)
    record_count = fields.Integer(string="Records", compute="_compute_records")
    allowed_pool_ids = fields.Many2many("crm.pool", compute="_compute_records")
    pool_id = fields.Many2one(
        "crm.pool",
        string="Release To",
        domain="[('id', 'in', allowed_pool_ids)]",
        compute="_compute_pool_id",
        store=True,
        readonly=False,
    )
    destination = fields.Char(compute="_compute_destination")
    reason = fields.Text()

    def _get_records(self):
        if self.res_model not in ("res.partner", "crm.lead"):
            raise UserError(self.env._("Only customers, leads and opportunities go to pools."))
        ids = [int(i) for i in (self.res_ids or "").split(",") if i]
        return self.env[self.res_model].browse(ids).exists()

    @api.depends("res_model", "res_ids")
    def _compute_records(self):
        for wizard in self:
            records = wizard._get_records()
            wizard.record_count = len(records)
            wizard.allowed_pool_ids = records._pool_allowed_release_pools()

    @api.depends("allowed_pool_ids")
    def _compute_pool_id(self):
        for wizard in self:
            origin = wizard._pool_origin() & wizard.allowed_pool_ids
            team_pools = wizard.allowed_pool_ids.filtered("team_id")
            wizard.pool_id = (
                origin
                or (team_pools[:1] if len(team_pools) == 1 else False)
                or wizard.allowed_pool_ids.filtered("is_public")[:1]
            )

    def _pool_origin(self):
        """The pool the records were last claimed or assigned from (their latest
        claim or assign log), when they all came from the same one."""
        records = self._get_records()
        if not records:
            return self.env["crm.pool"]
        field = records._pool_log_field()
        logs = (
            self.env["crm.pool.log"]
            .sudo()
            .search(
                [(field, "in", records.ids), ("action", "in", ("claim", "assign"))],
                order="id desc",
            )
        )
        origins = {}
        for log in logs:
            origins.setdefault(log[field].id, log.from_pool_id)
        pools = set(origins.values())
        if len(origins) != len(records) or len(pools) != 1:
            return self.env["crm.pool"]
        return self.env["crm.pool"].browse(pools.pop().id)

    @api.depends("pool_id", "record_count")
    def _compute_destination(self):
        for wizard in self:
            wizard.destination = (
                self.env._(
                    "%(count)s record(s) will go to %(pool)s.",
                    count=wizard.record_count,
                    pool=wizard.pool_id.sudo().display_name,
                )
                if wizard.pool_id
                else False
            )

    def action_release(self):
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("Say why these records go back to a pool."))
        records = self._get_records()
        if not records:
            raise UserError(self.env._("There is nothing to release."))
        records._pool_release(self.pool_id, self.reason.strip())
        return {"type": "ir.actions.act_window_close"}
