from odoo import api, fields, models


class CrmLeadEvidence(models.Model):
    _name = "crm.lead.evidence"
    _description = "Opportunity Stage Evidence"
    _order = "lead_id, sequence, id"

    lead_id = fields.Many2one(
        "crm.lead", string="Opportunity", required=True, index=True, ondelete="cascade"
    )
    requirement_id = fields.Many2one(
        "crm.stage.requirement", string="Requirement", required=True, ondelete="cascade"
    )
    stage_id = fields.Many2one(related="requirement_id.stage_id", store=True, index=True)
    name = fields.Char(related="requirement_id.name", string="Item")
    kind = fields.Selection(related="requirement_id.kind")
    sequence = fields.Integer(related="requirement_id.sequence", store=True)
    # Access follows the opportunity: its owner, team and company.
    user_id = fields.Many2one(related="lead_id.user_id", store=True, index="btree_not_null")
    team_id = fields.Many2one(related="lead_id.team_id", store=True, index="btree_not_null")
    company_id = fields.Many2one(related="lead_id.company_id", store=True, index=True)
    done = fields.Boolean(string="Done")
    attachment = fields.Binary(string="Document", attachment=True)
    attachment_name = fields.Char(string="File Name")
    is_met = fields.Boolean(
        string="Met",
        compute="_compute_is_met",
        store=True,
        help="A checklist item is met when done; a document when done and a file is attached.",
    )
    done_by_id = fields.Many2one("res.users", string="Done By", readonly=True)
    done_date = fields.Datetime(string="Done On", readonly=True)

    _lead_requirement_unique = models.UniqueIndex(
        "(lead_id, requirement_id)", "An opportunity has one evidence per requirement."
    )

    @api.depends("done", "attachment", "kind")
    def _compute_is_met(self):
        for evidence in self:
            evidence.is_met = evidence.done and (
                evidence.kind != "document" or bool(evidence.attachment)
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._stamp_done(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._stamp_done(vals)
        return super().write(vals)

    def _stamp_done(self, vals):
        # Attaching the document is the evidence itself: it also ticks the item.
        if vals.get("attachment"):
            vals.setdefault("done", True)
        if "done" in vals:
            done = bool(vals["done"])
            vals["done_by_id"] = done and self.env.uid
            vals["done_date"] = done and fields.Datetime.now()
