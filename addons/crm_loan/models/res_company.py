from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_loan_ship_days_before = fields.Integer(string="Remind Before Shipping (days)", default=2)
    crm_loan_ship_days_after = fields.Integer(
        string="Alert After Shipping Missed (days)", default=0
    )
    crm_loan_return_days_before = fields.Integer(string="Remind Before Return (days)", default=3)
    crm_loan_return_days_after = fields.Integer(
        string="Alert After Return Missed (days)", default=0
    )
    crm_loan_feedback_days_before = fields.Integer(
        string="Remind Before Feedback (days)", default=3
    )
    crm_loan_feedback_days_after = fields.Integer(
        string="Alert After Feedback Missed (days)", default=0
    )
    crm_loan_alert_sms = fields.Boolean(
        string="Loan Alerts by SMS", help="Also text the loan's owner when a loan clock alerts."
    )
    crm_loan_location_ids = fields.One2many(
        "stock.location", "crm_loan_company_id", string="Loan Locations"
    )

    def _crm_loan_alert_days(self, clock):
        self.ensure_one()
        return (
            max(0, self[f"crm_loan_{clock}_days_before"]),
            max(0, self[f"crm_loan_{clock}_days_after"]),
        )

    def _crm_loan_locations(self):
        """The company's loan locations by kind, created the first time they are
        needed (a company made after the install gets them too)."""
        self.ensure_one()
        Location = self.env["stock.location"].sudo().with_context(active_test=False)
        kinds = {
            "root": (self.env._("Customer Loans"), "view"),
            "defective": (self.env._("Defective Loan Returns"), "internal"),
            "consumption": (self.env._("Loan Consumption"), "inventory"),
        }
        found = {
            loc.crm_loan_kind: loc
            for loc in Location.search(
                [("crm_loan_company_id", "=", self.id), ("crm_loan_kind", "in", list(kinds))]
            )
        }
        for kind, (name, usage) in kinds.items():
            if kind not in found:
                found[kind] = Location.create(
                    {
                        "name": name,
                        "usage": usage,
                        "company_id": self.id,
                        "crm_loan_company_id": self.id,
                        "crm_loan_kind": kind,
                    }
                )
        return found

    def _crm_loan_partner_location(self, partner):
        """The location of the units a customer holds on loan: one per commercial
        partner, so that a serial's location names who has it."""
        self.ensure_one()
        commercial = partner.commercial_partner_id
        Location = self.env["stock.location"].sudo()
        location = Location.search(
            [("crm_loan_company_id", "=", self.id), ("crm_loan_partner_id", "=", commercial.id)],
            limit=1,
        )
        if not location:
            location = Location.create(
                {
                    "name": commercial.name,
                    "usage": "internal",
                    "location_id": self._crm_loan_locations()["root"].id,
                    "company_id": self.id,
                    "crm_loan_company_id": self.id,
                    "crm_loan_kind": "partner",
                    "crm_loan_partner_id": commercial.id,
                }
            )
        return location
