from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted._crm_expense_net_advances()
        return posted

    def _crm_expense_net_advances(self):
        """Net the advances of the expense requests these receipts reimburse: the
        advance's debit on the employee's payable account is reconciled with the
        receipt's credit, so Odoo only pays the employee what is still due."""
        receipts = self.filtered(lambda move: move.expense_ids.crm_expense_request_id)
        for receipt in receipts:
            requests = receipt.expense_ids.crm_expense_request_id.sudo()
            advance_lines = requests.advance_payment_ids.filtered(
                lambda pay: pay.state in ("in_process", "paid")
            ).move_id.line_ids
            payable = receipt.line_ids.filtered(
                lambda line: (
                    line.account_id.account_type == "liability_payable" and not line.reconciled
                )
            )
            to_net = advance_lines.filtered_domain(
                [
                    ("account_id", "in", payable.account_id.ids),
                    ("partner_id", "=", payable.partner_id[:1].id),
                    ("reconciled", "=", False),
                ]
            )
            if payable and to_net:
                (payable | to_net).reconcile()
