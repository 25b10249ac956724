from odoo import models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    # Quotation versions: the saved (superseded) versions are part of the live
    # quotation, not quotations of their own; they do not count.
    def _get_lead_quotation_domain(self):
        return [*super()._get_lead_quotation_domain(), ("version_state", "!=", "superseded")]

    def _get_action_view_sale_quotation_domain(self):
        return [
            *super()._get_action_view_sale_quotation_domain(),
            ("version_state", "!=", "superseded"),
        ]
