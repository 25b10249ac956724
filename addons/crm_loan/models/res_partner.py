from odoo import fields, models
from odoo.fields import Domain


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_loan_count = fields.Integer(
        string="Loans", compute="_compute_crm_loan_count", groups="sales_team.group_sale_salesman"
    )

    def _compute_crm_loan_count(self):
        counts = dict(
            self.env["crm.loan"]._read_group(
                [("commercial_partner_id", "in", self.commercial_partner_id.ids)],
                ["commercial_partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.crm_loan_count = counts.get(partner.commercial_partner_id, 0)

    def action_view_crm_loans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_loan.crm_loan_action")
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def _crm_timeline_sources(self):
        return [
            *super()._crm_timeline_sources(),
            {
                "kind": "loan",
                "label": self.env._("Loan"),
                "icon": "fa-cube",
                "model": "crm.loan",
                "date_field": "create_date",
                "domain": lambda related: Domain("partner_id", "in", related["res.partner"]),
                "fields": ["name", "purpose", "user_id"],
                "title_field": "name",
                "body_field": "purpose",
                "author_field": "user_id",
            },
        ]
