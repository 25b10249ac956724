from odoo import models
from odoo.fields import Domain


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _crm_timeline_sources(self):
        # the customer 360 timeline shows the service requests of the partner and
        # its contacts
        return [
            *super()._crm_timeline_sources(),
            {
                "kind": "service_request",
                "label": self.env._("Service Request"),
                "icon": "fa-life-ring",
                "model": "helpdesk.ticket",
                "date_field": "create_date",
                "domain": lambda related: Domain("partner_id", "in", related["res.partner"]),
                "fields": ["name", "description", "user_id"],
                "title_field": "name",
                "body_field": "description",
                "author_field": "user_id",
            },
        ]
