from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# What may still change on a sent report: the chatter and its followers.
SENT_WRITABLE = {"message_follower_ids", "message_main_attachment_id", "activity_ids"}


def period_bounds(period_type, day):
    """The week (Monday to Sunday) or the month that contains day."""
    if period_type == "month":
        start = day.replace(day=1)
        return start, start + relativedelta(months=1, days=-1)
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


class CrmWorkReport(models.Model):
    """A salesperson's weekly or monthly work report: figures generated from their
    records of the period (crm_work_report_sections.py), their own summary and
    plan, sent to their team leader and chosen colleagues, discussed in the
    chatter."""

    _name = "crm.work.report"
    _description = "Work Report"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, user_id, id desc"
    _check_company_auto = True
    # The leader and the colleagues it is sent to comment on it without editing it.
    _mail_post_access = "read"

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        tracking=True,
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        index="btree_not_null",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    period_type = fields.Selection(
        [("week", "Weekly"), ("month", "Monthly")], string="Period", required=True, default="week"
    )
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self),
        help="Any day of the period: the report covers its whole week or month.",
    )
    date_to = fields.Date(string="To", compute="_compute_date_to", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    summary = fields.Html(help="What happened in the period, in your words.")
    plan = fields.Html(string="Next Period", help="What you plan for the next period.")
    line_ids = fields.One2many("crm.work.report.line", "report_id", string="Figures", copy=False)
    colleague_ids = fields.Many2many(
        "res.users",
        string="Send To",
        domain=[("share", "=", False)],
        help="Colleagues who receive the report besides the team leader.",
    )
    date_sent = fields.Datetime(string="Sent On", readonly=True, copy=False)
    generated_on = fields.Datetime(readonly=True, copy=False)

    _user_period_uniq = models.UniqueIndex(
        "(user_id, period_type, date_from)",
        "This salesperson already has a report for this period.",
    )

    @api.constrains("date_from", "period_type")
    def _check_not_future(self):
        today = fields.Date.context_today(self)
        for report in self:
            if report.date_from > today:
                raise ValidationError(
                    self.env._(
                        "A work report cannot cover a future period: %(date)s has not come yet.",
                        date=report.date_from,
                    )
                )

    @api.depends("user_id", "period_type", "date_from", "date_to")
    def _compute_name(self):
        for report in self:
            if report.period_type == "month":
                report.name = self.env._(
                    "Monthly report %(month)s, %(user)s",
                    month=report.date_from and report.date_from.strftime("%Y-%m"),
                    user=report.user_id.name,
                )
            else:
                report.name = self.env._(
                    "Weekly report %(start)s - %(end)s, %(user)s",
                    start=report.date_from,
                    end=report.date_to,
                    user=report.user_id.name,
                )

    @api.depends("user_id")
    def _compute_team_id(self):
        for report in self:
            report.team_id = report.user_id.sale_team_id

    @api.depends("period_type", "date_from")
    def _compute_date_to(self):
        for report in self:
            report.date_to = (
                report.date_from and period_bounds(report.period_type, report.date_from)[1]
            )

    @api.model_create_multi
    def create(self, vals_list):
        # The period starts on its Monday or its first day, whatever day was picked.
        for vals in vals_list:
            if vals.get("date_from"):
                day = fields.Date.to_date(vals["date_from"])
                vals["date_from"] = period_bounds(vals.get("period_type") or "week", day)[0]
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - SENT_WRITABLE and self.filtered(lambda r: r.state == "sent"):
            if not self.env.context.get("crm_work_report_sending"):
                raise UserError(self.env._("A sent work report can no longer be edited."))
        if "date_from" in vals or "period_type" in vals:
            for report in self:
                day = fields.Date.to_date(vals.get("date_from") or report.date_from)
                period = vals.get("period_type") or report.period_type
                super(CrmWorkReport, report).write(
                    dict(vals, date_from=period_bounds(period, day)[0])
                )
            return True
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_sent(self):
        if self.filtered(lambda r: r.state == "sent"):
            raise UserError(self.env._("A sent work report cannot be deleted."))

    def action_generate(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(self.env._("Only draft work reports can be generated again."))
        self._work_report_generate()
        return True

    def _work_report_recipients(self):
        self.ensure_one()
        leader = self.team_id.user_id
        return (leader | self.colleague_ids) - self.user_id

    def action_send(self):
        for report in self:
            if report.state != "draft":
                raise UserError(
                    self.env._("The work report %(name)s is already sent.", name=report.name)
                )
            if not report._work_report_recipients():
                raise UserError(
                    self.env._(
                        "The work report %(name)s has no one to go to: it has no team"
                        " leader and no colleague.",
                        name=report.name,
                    )
                )
        for report in self:
            partners = report._work_report_recipients().partner_id
            # the salesperson follows too: the comments come back to them
            report.message_subscribe(partner_ids=(partners | report.user_id.partner_id).ids)
            report.with_context(crm_work_report_sending=True).write(
                {"state": "sent", "date_sent": fields.Datetime.now()}
            )
            report.message_post(
                body=self.env._("%(user)s sent their work report.", user=report.user_id.name),
                partner_ids=partners.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    @api.model
    def _cron_create_weekly(self):
        """Fridays: a draft of this week's report for every salesperson who has
        none yet, generated in one pass."""
        today = fields.Date.context_today(self)
        start = period_bounds("week", today)[0]
        salespeople = self.env["res.users"].search(
            [
                ("all_group_ids", "in", self.env.ref("sales_team.group_sale_salesman").ids),
                ("share", "=", False),
            ]
        )
        done = self.search([("period_type", "=", "week"), ("date_from", "=", start)]).user_id
        todo = salespeople - done
        reports = self.create(
            [
                {
                    "user_id": user.id,
                    "company_id": user.company_id.id,
                    "period_type": "week",
                    "date_from": start,
                }
                for user in todo
            ]
        )
        reports._work_report_generate()
        return reports
