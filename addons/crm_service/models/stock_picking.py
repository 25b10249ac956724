from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    service_repair_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Factory Repair Of",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The service request whose unit this transfer takes to or brings back "
        "from the factory repair.",
    )
