from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmLoanSettle(models.AbstractModel):
    """What a return and a conversion share: a document settling some outstanding
    units of one loan, confirmed once, under a lock on the loan's lines."""

    _name = "crm.loan.settle"
    _description = "Loan Settlement"
    _inherit = ["mail.thread"]
    _order = "id desc"
    _check_company_auto = True
    _sequence_code = None

    name = fields.Char(default="New", copy=False, readonly=True, required=True)
    loan_id = fields.Many2one(
        "crm.loan",
        required=True,
        index=True,
        check_company=True,
        domain="[('state', '=', 'shipped')]",
    )
    partner_id = fields.Many2one(related="loan_id.partner_id", store=True, string="Customer")
    commercial_partner_id = fields.Many2one(related="loan_id.commercial_partner_id", store=True)
    user_id = fields.Many2one(related="loan_id.user_id", store=True, index=True)
    team_id = fields.Many2one(related="loan_id.team_id", store=True, index=True)
    company_id = fields.Many2one(related="loan_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    note = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    picking_id = fields.Many2one("stock.picking", string="Transfer", readonly=True, copy=False)

    @api.onchange("loan_id")
    def _onchange_loan_id(self):
        self.line_ids = self.line_ids._proposal(self.loan_id)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "New") == "New":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "New"
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        done = self.filtered(lambda s: s.state == "done")
        if done:
            raise UserError(
                self.env._(
                    "%(names)s is done and cannot be deleted.",
                    names=", ".join(done.mapped("name")),
                )
            )

    def action_confirm(self):
        for document in self:
            document._confirm()
        return True

    def action_cancel(self):
        not_draft = self.filtered(lambda s: s.state != "draft")
        if not_draft:
            raise UserError(
                self.env._(
                    "%(names)s is not a draft and cannot be cancelled.",
                    names=", ".join(not_draft.mapped("name")),
                )
            )
        self.state = "cancel"
        return True

    def _settle_lines(self, what):
        """Check and lock what this document settles; return its lines with a
        quantity. Everything is read after the lock: a settlement committed by
        someone else meanwhile counts."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("%(what)s is not a draft.", what=what))
        lines = self.line_ids.filtered("quantity")
        if not lines:
            raise UserError(self.env._("%(what)s has no quantity to settle.", what=what))
        loan = self.loan_id
        loan._crm_loan_lock_lines(lines.loan_line_id)
        if loan.state != "shipped":
            raise UserError(
                self.env._(
                    "%(what)s: loan %(loan)s has nothing out on loan.", what=what, loan=loan.name
                )
            )
        for line in lines:
            line.loan_line_id._check_settle(line.quantity, line.lot_ids, what)
        (self.line_ids - lines).unlink()
        return lines

    def _moves(self, lines):
        return [(line.loan_line_id, line.quantity, line.lot_ids) for line in lines]

    def _selection_label(self, field):
        return dict(self._fields[field]._description_selection(self.env))[self[field]]
