from odoo import fields, models

from .crm_call_list_entry import CALL_OUTCOMES


class CrmPhonecall(models.Model):
    """Telemarketing calls are crm_phonecall's calls, linked to their call list entry
    and carrying the outcome the salesperson logged."""

    _inherit = "crm.phonecall"

    # crm_phonecall leaves the company empty; the multi-company rule needs it.
    company_id = fields.Many2one(default=lambda self: self.env.company, index=True)
    call_list_entry_id = fields.Many2one(
        "crm.call.list.entry", string="Call List Entry", index="btree_not_null", readonly=True
    )
    call_list_id = fields.Many2one(
        related="call_list_entry_id.call_list_id", store=True, index="btree_not_null"
    )
    call_outcome = fields.Selection(CALL_OUTCOMES, string="Outcome", readonly=True)
