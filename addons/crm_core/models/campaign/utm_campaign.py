from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# figure on the campaign -> field of crm.campaign.analysis it reads
FIGURES = (
    "invited_count",
    "accepted_count",
    "attended_count",
    "lead_count",
    "opportunity_count",
    "new_customer_count",
    "won_revenue",
    "cost",
    "roi",
    "cost_per_lead",
)


class UtmCampaign(models.Model):
    """Marketing campaigns are Odoo's UTM campaigns: leads, orders and mailings
    already carry campaign_id, so what they bring needs no second link."""

    _inherit = "utm.campaign"

    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_currency_id",
        help="The company's currency, in which budget, costs and revenue are counted.",
    )
    campaign_type_id = fields.Many2one("crm.campaign.type", string="Campaign Type", index=True)
    subject = fields.Char(translate=True)
    date_start = fields.Date(string="Start Date")
    date_end = fields.Date(string="End Date")
    place = fields.Char()
    goal = fields.Text()
    budget = fields.Monetary(currency_field="currency_id")
    task_ids = fields.One2many("crm.campaign.task", "campaign_id", string="Tasks")
    member_ids = fields.One2many("crm.campaign.member", "campaign_id", string="Members")
    cost_ids = fields.One2many("crm.campaign.cost", "campaign_id", string="Costs")
    survey_ids = fields.One2many("survey.survey", "campaign_id", string="Surveys")
    survey_count = fields.Integer(compute="_compute_survey_count", string="Survey Count")
    invited_count = fields.Integer(compute="_compute_figures", string="Invited")
    accepted_count = fields.Integer(compute="_compute_figures", string="Accepted")
    attended_count = fields.Integer(compute="_compute_figures", string="Attended")
    lead_count = fields.Integer(compute="_compute_figures", string="New Leads")
    opportunity_count = fields.Integer(compute="_compute_figures", string="Opportunities")
    new_customer_count = fields.Integer(compute="_compute_figures", string="New Customers")
    won_revenue = fields.Monetary(
        compute="_compute_figures", string="Won Revenue", currency_field="currency_id"
    )
    cost = fields.Monetary(
        compute="_compute_figures", string="Actual Cost", currency_field="currency_id"
    )
    roi = fields.Float(compute="_compute_figures", string="ROI (%)", digits=(16, 2))
    cost_per_lead = fields.Monetary(
        compute="_compute_figures", string="Cost per Lead", currency_field="currency_id"
    )

    @api.constrains("date_start", "date_end")
    def _check_campaign_dates(self):
        for campaign in self:
            if (
                campaign.date_start
                and campaign.date_end
                and campaign.date_end < campaign.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "Campaign %(campaign)s ends on %(end)s, before it starts on %(start)s.",
                        campaign=campaign.title,
                        end=campaign.date_end,
                        start=campaign.date_start,
                    )
                )

    def _compute_survey_count(self):
        counts = dict(
            self.env["survey.survey"]
            .sudo()
            ._read_group([("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"])
        )
        for campaign in self:
            campaign.survey_count = counts.get(campaign, 0)

    @api.depends("company_id")
    def _compute_currency_id(self):
        for campaign in self:
            campaign.currency_id = (campaign.company_id or self.env.company).currency_id

    def _compute_figures(self):
        # sudo: the figures are totals; who may see the members and leads behind them
        # is decided on those records, not on the campaign's counters.
        Analysis = self.env["crm.campaign.analysis"].sudo()
        rows = {
            row[0].id: row[1:]
            for row in Analysis._read_group(
                [("campaign_id", "in", self.ids)],
                ["campaign_id"],
                [
                    f"{name}:{'avg' if name in ('roi', 'cost_per_lead') else 'sum'}"
                    for name in FIGURES
                ],
            )
        }
        for campaign in self:
            values = rows.get(campaign.id) or [0] * len(FIGURES)
            for name, value in zip(FIGURES, values, strict=True):
                campaign[name] = value or 0

    @api.model_create_multi
    def create(self, vals_list):
        campaigns = super().create(vals_list)
        # The type's preset stages become the new campaign's tasks, once.
        task_vals = [
            vals
            for campaign in campaigns.filtered(lambda c: c.campaign_type_id and not c.task_ids)
            for vals in campaign.campaign_type_id._campaign_task_vals(campaign)
        ]
        self.env["crm.campaign.task"].create(task_vals)
        return campaigns

    def action_open_leads(self):
        """The campaign's leads; a lead created here carries the campaign and goes to
        the pool (crm_core's intake) instead of to whoever types it in."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm.crm_lead_all_leads")
        action.update(
            domain=[("campaign_id", "=", self.id)],
            context={
                "default_campaign_id": self.id,
                "default_type": "lead",
                "crm_pool_intake": True,
                "active_test": False,
            },
        )
        return action

    def action_open_members(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_core.crm_campaign_member_action"
        )
        action.update(
            domain=[("campaign_id", "=", self.id)], context={"default_campaign_id": self.id}
        )
        return action

    def action_open_invite(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_core.crm_campaign_invite_action"
        )
        action["context"] = {"default_campaign_id": self.id}
        return action

    def action_open_surveys(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("survey.action_survey_form")
        action.update(
            domain=[("campaign_id", "=", self.id)],
            context={"default_campaign_id": self.id, "create": True},
        )
        return action

    def action_new_survey(self):
        """A new survey of this campaign; its kind (chosen in the form, or passed as
        crm_kind in the button's context) presets layout, scoring or session mode."""
        self.ensure_one()
        kind = self.env.context.get("crm_kind") or "market"
        return {
            "type": "ir.actions.act_window",
            "res_model": "survey.survey",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_campaign_id": self.id, "default_crm_kind": kind},
        }

    @api.model
    def _campaign_actual_cost_sources(self):
        """SQL queries of (campaign_id, amount) rows whose sum is a campaign's actual
        cost; crm.campaign.analysis adds them up. A bridge (crm_expense's payouts)
        extends this list with its own query."""
        return [SQL("SELECT campaign_id, amount FROM crm_campaign_cost")]
