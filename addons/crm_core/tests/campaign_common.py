from odoo import fields
from odoo.tests import new_test_user

from .common import CrmCoreCommon, FrozenTodayMixin

MARKETING = "crm_core.group_crm_campaign_user,base.group_partner_manager"


class CampaignCommon(FrozenTodayMixin, CrmCoreCommon):
    """CrmCoreCommon's teams, customers and contacts, plus marketing staff, a campaign
    type of three stages and a campaign of that type starting today."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.marketing = new_test_user(
            cls.env, login="marketing", groups=MARKETING, name="Marketing Mia"
        )
        cls.today = fields.Date.today()
        cls.campaign_type = cls.env["crm.campaign.type"].create(
            {
                "name": "Trade Fair",
                "stage_ids": [
                    fields.Command.create({"name": "Prepare", "sequence": 1, "planned_days": 3}),
                    fields.Command.create({"name": "Fair", "sequence": 2, "planned_days": 2}),
                    fields.Command.create({"name": "Follow-up", "sequence": 3, "planned_days": 5}),
                ],
            }
        )
        cls.campaign = cls.env["utm.campaign"].create(
            {
                "title": "Spring Fair",
                "campaign_type_id": cls.campaign_type.id,
                "date_start": cls.today,
                "date_end": fields.Date.add(cls.today, days=9),
                "place": "Hall 3",
                "budget": 5000,
            }
        )
        for key, customer in cls.customers.items():
            customer.email = f"customer.{key}@example.com"
            cls.contacts[key].email = f"contact.{key}@example.com"
            customer.phone = f"+32 456 00 11 2{len(key)}"

    @classmethod
    def invite(cls, partners, campaign=None, channel="email"):
        return cls.env["crm.campaign.member"].create(
            [
                {
                    "campaign_id": (campaign or cls.campaign).id,
                    "partner_id": p.id,
                    "channel": channel,
                }
                for p in partners
            ]
        )
