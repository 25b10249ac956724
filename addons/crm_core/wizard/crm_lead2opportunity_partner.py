from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import email_split


class CrmLead2opportunityPartner(models.TransientModel):
    """Conversion runs the duplicate guard on the customer it would create."""

    _inherit = "crm.lead2opportunity.partner"

    # The dialog proposes the existing customer the duplicate guard finds. Only in
    # the dialog (a new record being edited): code that creates the wizard and sets
    # its action keeps Odoo's own matching.
    @api.depends("lead_id")
    def _compute_action(self):
        result = super()._compute_action()
        for convert in self:
            if (
                not convert.id
                and convert.action == "create"
                and convert._get_duplicate_customers(readable=True)
            ):
                convert.action = "exist"
        return result

    @api.depends("action", "lead_id")
    def _compute_partner_id(self):
        result = super()._compute_partner_id()
        for convert in self:
            if not convert.id and convert.action == "exist" and not convert.partner_id:
                convert.partner_id = convert._get_duplicate_customers(readable=True)[:1]
        return result

    def action_apply(self):
        self._check_duplicate_customer()
        return super().action_apply()

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _get_new_customer(self):
        """The commercial partner "create a new customer" would make, not saved."""
        self.ensure_one()
        lead = self.lead_id
        emails = email_split(lead.email_from or "")
        return self.env["res.partner"].new(
            {
                "name": lead.partner_name or lead.contact_name or lead.name,
                "is_company": bool(lead.partner_name),
                "phone": lead.phone,
                "email": emails[0] if emails else False,
                "company_id": lead.company_id.id,
                "customer_rank": 1,
            }
        )

    def _get_duplicate_customers(self, readable=False):
        self.ensure_one()
        if not self.lead_id or self.lead_id.partner_id:
            return self.env["res.partner"]
        matches = self._get_new_customer()._find_duplicate_matches()
        found = self.env["res.partner"].browse(
            [other_id for by_other in matches.values() for other_id in by_other]
        )
        return found._filtered_access("read") if readable else found

    def _check_duplicate_customer(self):
        """Block policy: refuse before anything is converted."""
        for convert in self:
            if convert.name == "merge" or convert.action != "create":
                continue
            company = convert.lead_id.company_id or self.env.company
            if company.crm_duplicate_policy != "block":
                continue
            new_customer = convert._get_new_customer()
            matches = new_customer._find_duplicate_matches()
            for by_other in matches.values():
                other_id, key_fields = next(iter(by_other.items()))
                # sudo: the salesperson learns the name even of a customer they cannot read.
                existing = self.env["res.partner"].sudo().browse(other_id)
                raise UserError(
                    self.env._(
                        "%(lead)s cannot be converted with a new customer %(customer)s:"
                        " %(existing)s already has the same %(fields)s. Link the lead to"
                        " the existing customer instead.",
                        lead=convert.lead_id.name,
                        customer=new_customer.name,
                        existing=existing.display_name,
                        fields=", ".join(new_customer._get_duplicate_field_labels(key_fields)),
                    )
                )
