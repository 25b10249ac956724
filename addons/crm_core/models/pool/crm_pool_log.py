from odoo import api, fields, models

from .crm_pool import RESOURCE_TYPES


class CrmPoolLog(models.Model):
    _name = "crm.pool.log"
    _description = "Resource Pool Log"
    _order = "date desc, id desc"
    _rec_name = "record_name"

    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True, readonly=True)
    action = fields.Selection(
        [
            ("claim", "Claim"),
            ("assign", "Assignment"),
            ("release", "Release"),
            ("recall", "Recall"),
        ],
        required=True,
        readonly=True,
        index=True,
    )
    resource_type = fields.Selection(RESOURCE_TYPES, required=True, readonly=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", index="btree_not_null", ondelete="cascade", readonly=True
    )
    lead_id = fields.Many2one(
        "crm.lead", string="Lead", index="btree_not_null", ondelete="cascade", readonly=True
    )
    record_name = fields.Char(string="Record", compute="_compute_record_name")
    user_id = fields.Many2one(
        "res.users", string="Done By", readonly=True, default=lambda self: self.env.user
    )
    from_user_id = fields.Many2one("res.users", string="From Owner", readonly=True, index=True)
    to_user_id = fields.Many2one("res.users", string="To Owner", readonly=True, index=True)
    from_pool_id = fields.Many2one("crm.pool", string="From Pool", readonly=True)
    to_pool_id = fields.Many2one("crm.pool", string="To Pool", readonly=True)
    rule_id = fields.Many2one(
        "crm.pool.rule", string="Recall Rule", readonly=True, ondelete="set null"
    )
    reason = fields.Text(readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )

    @api.depends("partner_id", "lead_id")
    def _compute_record_name(self):
        for log in self:
            log.record_name = (log.partner_id or log.lead_id).sudo().display_name
