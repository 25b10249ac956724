from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged, users

from .campaign_common import CampaignCommon


@tagged("post_install", "-at_install")
class TestCampaign(CampaignCommon):
    def test_type_stages_become_planned_tasks(self):
        day = lambda n: fields.Date.add(self.today, days=n)  # noqa: E731
        self.assertRecordValues(
            self.campaign.task_ids,
            [
                {"name": "Prepare", "planned_date_start": day(0), "planned_date_end": day(2)},
                {"name": "Fair", "planned_date_start": day(3), "planned_date_end": day(4)},
                {"name": "Follow-up", "planned_date_start": day(5), "planned_date_end": day(9)},
            ],
        )
        self.assertEqual(self.campaign.task_ids.mapped("planned_days"), [3, 2, 5])
        # A later change of the type's stages leaves existing campaigns alone.
        self.campaign_type.stage_ids[0].name = "Renamed"
        self.assertEqual(self.campaign.task_ids[0].name, "Prepare")

    def test_planned_against_actual_duration(self):
        prepare, fair, _follow = self.campaign.task_ids
        prepare.write(
            {
                "date_start": self.today,
                "date_end": fields.Date.add(self.today, days=4),
                "progress": 100,
                "user_id": self.marketing.id,
                "feedback": "Stand arrived late",
            }
        )
        fair.write({"date_start": self.today, "date_end": self.today})
        self.assertRecordValues(
            prepare | fair,
            [
                {"planned_days": 3, "actual_days": 5, "delay_days": 2},
                {"planned_days": 2, "actual_days": 1, "delay_days": -1},
            ],
        )

    def test_campaign_ending_before_start_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "Campaign Autumn ends on .* before it starts"):
            self.env["utm.campaign"].create(
                {
                    "title": "Autumn",
                    "date_start": self.today,
                    "date_end": fields.Date.add(self.today, days=-1),
                }
            )
        with self.assertRaisesRegex(
            ValidationError, "Task Fair: its actual end .* before its start"
        ):
            self.campaign.task_ids[1].write(
                {"date_start": self.today, "date_end": fields.Date.add(self.today, days=-2)}
            )

    def test_campaign_without_type_has_no_tasks(self):
        campaign = self.env["utm.campaign"].create({"title": "Plain"})
        self.assertFalse(campaign.task_ids)

    @users("marketing")
    def test_marketing_staff_creates_campaign_with_costs(self):
        form = Form(self.env["utm.campaign"])
        form.title = "Roadshow"
        form.campaign_type_id = self.campaign_type.with_env(self.env)
        form.date_start = self.today
        with form.cost_ids.new() as cost:
            cost.name = "Venue"
            cost.amount = 1200
        campaign = form.save()
        self.assertEqual(len(campaign.task_ids), 3)
        self.assertRecordValues(campaign, [{"cost": 1200, "company_id": self.env.company.id}])

    def test_leads_of_a_campaign_land_in_the_pool(self):
        pool = self.env["crm.pool"]._get_public_pool(self.env.company)
        action = self.campaign.action_open_leads()
        lead = (
            self.env["crm.lead"]
            .with_user(self.salesman_a)
            .with_context(action["context"])
            .create({"name": "Met at the fair"})
        )
        self.assertRecordValues(
            lead, [{"campaign_id": self.campaign.id, "user_id": False, "pool_id": pool.id}]
        )
        members = self.invite(self.customers["a"] | self.contacts["c"])
        members.action_create_leads()
        leads = self.env["crm.lead"].search([("campaign_id", "=", self.campaign.id)])
        self.assertEqual(len(leads), 3)
        self.assertEqual(set(leads.mapped("pool_id")), {pool})
        # Twice: no second lead for the same member.
        members.action_create_leads()
        self.assertEqual(
            self.env["crm.lead"].search_count([("campaign_id", "=", self.campaign.id)]), 3
        )
