from datetime import timedelta
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .work_report_common import CrmWorkReportCommon

# Generating reports of one period: the sections' queries, the old figures'
# removal, the new figures' insert and the reports' update.
QUERIES = 22


@tagged("post_install", "-at_install")
class TestWorkReport(CrmWorkReportCommon):
    def make_activity_of_salesman_a(self):
        lead = self.leads["a"].with_user(self.salesman_a)
        activity = lead.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.salesman_a.id, summary="Call"
        )
        activity.action_feedback(feedback="Done")

    def make_data_of_salesman_a(self):
        """Besides CrmCoreCommon's records of today: one stage move, one won and one
        lost opportunity, one confirmed order, one activity done, two pool moves."""
        lead = self.leads["a"]
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id = %s",
            (self.now - timedelta(hours=1), lead.id),
        )
        lead.invalidate_recordset(["create_date"])
        stages = self.env["crm.stage"].search([("is_won", "=", False)], order="sequence")
        lead.stage_id = stages.filtered(lambda s: s != lead.stage_id)[:1]
        Lead = self.env["crm.lead"]
        won, lost = Lead.create(
            [
                {"name": "Won one", "type": "opportunity", "user_id": self.salesman_a.id},
                {"name": "Lost one", "type": "opportunity", "user_id": self.salesman_a.id},
            ]
        )
        won.action_set_won()
        lost.action_set_lost()
        self.orders["a"].action_confirm()
        self.make_activity_of_salesman_a()
        self.env["crm.pool.log"].create(
            [
                {
                    "action": "claim",
                    "resource_type": "customer",
                    "partner_id": self.customers["pool"].id,
                    "to_user_id": self.salesman_a.id,
                },
                {
                    "action": "release",
                    "resource_type": "lead",
                    "lead_id": self.leads["b"].id,
                    "from_user_id": self.salesman_a.id,
                },
            ]
        )

    def test_generate_weekly_and_monthly(self):
        self.make_data_of_salesman_a()
        weekly, monthly = self.Report.create(
            [
                {"user_id": self.salesman_a.id, "period_type": "week", "date_from": self.today},
                {"user_id": self.salesman_a.id, "period_type": "month", "date_from": self.today},
            ]
        )
        (weekly | monthly).action_generate()
        month_start = self.today.replace(day=1)
        next_month = (month_start + timedelta(days=32)).replace(day=1)
        self.assertRecordValues(
            weekly | monthly,
            [
                {"date_from": self.monday, "date_to": self.monday + timedelta(days=6),
                 "team_id": self.team_1.id, "state": "draft"},
                {"date_from": month_start, "date_to": next_month - timedelta(days=1),
                 "team_id": self.team_1.id, "state": "draft"},
            ],
        )  # fmt: skip
        expected = {
            "activities_done": 1,
            "new_customers": 1,
            "opportunities_created": 3,
            "opportunities_advanced": 1,
            "opportunities_won": 1,
            "opportunities_lost": 1,
            "quotations": 1,
            "orders": 1,
            "order_amount": self.orders["a"].amount_untaxed,
            "pool_claimed": 1,
            "pool_released": 1,
        }
        self.assertEqual(self.figures(weekly), expected)
        self.assertEqual(self.figures(monthly), expected)
        self.assertEqual(
            weekly.line_ids.mapped("label")[:3],
            ["Activities Done", "New Customers", "Opportunities Created"],
        )
        self.assertEqual(weekly.line_ids[0].display_value, "1")

    def test_future_period_refused(self):
        next_monday = self.monday + timedelta(days=7)
        with self.assertRaisesRegex(
            ValidationError,
            f"A work report cannot cover a future period: {next_monday} has not come yet.",
        ):
            self.Report.create(
                {"user_id": self.salesman_a.id, "period_type": "week", "date_from": next_monday}
            )
        next_month = (self.today.replace(day=1) + timedelta(days=32)).replace(day=1)
        with self.assertRaisesRegex(ValidationError, "cannot cover a future period"):
            self.Report.create(
                {"user_id": self.salesman_a.id, "period_type": "month", "date_from": next_month}
            )

    def test_query_count_does_not_grow(self):
        """The same queries for 1 report and a handful of records as for 2 reports
        and ten times the records."""
        report, other = self.Report.create(
            [
                {"user_id": self.salesman_a.id, "date_from": self.today},
                {"user_id": self.salesman_b.id, "date_from": self.today},
            ]
        )
        (report | other)._work_report_generate()
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(QUERIES):
            report._work_report_generate()
            self.env.flush_all()
        self.make_data_of_salesman_a()
        self.env["crm.lead"].create(
            [{"name": f"More {i}", "type": "opportunity", "user_id": self.salesman_a.id}
             for i in range(30)]
        )  # fmt: skip
        for _i in range(5):
            self.make_activity_of_salesman_a()
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(QUERIES):
            (report | other)._work_report_generate()
            self.env.flush_all()
        self.assertEqual(self.figures(report)["opportunities_created"], 33)
        self.assertEqual(self.figures(report)["activities_done"], 6)
        self.assertEqual(self.figures(other)["opportunities_created"], 1)

    def test_sections_hook(self):
        Report = type(self.Report)
        sections = Report._work_report_sections

        def more_sections(report):
            return [
                *sections(report),
                {"key": "loans", "label": "Loans", "sequence": 60, "method": "_test_loans"},
            ]

        with (
            patch.object(Report, "_work_report_sections", more_sections),
            patch.object(
                Report,
                "_test_loans",
                lambda report, users, start, end: {"loans": {self.salesman_a.id: 4}},
                create=True,
            ),
        ):
            report = self.Report.create({"user_id": self.salesman_a.id, "date_from": self.today})
            report.action_generate()
            self.assertEqual(self.figures(report)["loans"], 4)
            self.assertEqual(report.line_ids[-1].label, "Loans")

    def test_send_edit_and_comment(self):
        report = self.Report.with_user(self.salesman_a).create(
            {"date_from": self.today, "colleague_ids": [Command.link(self.salesman_c.id)]}
        )
        report.summary = "<p>Three visits</p>"
        report.action_generate()
        report.action_send()
        self.assertRecordValues(report, [{"state": "sent", "date_sent": self.now}])
        self.assertEqual(
            report.message_partner_ids,
            (self.salesman_a | self.leader_1 | self.salesman_c).partner_id,
        )
        message = report.message_ids[0]
        self.assertEqual(message.partner_ids, (self.leader_1 | self.salesman_c).partner_id)
        with self.assertRaisesRegex(UserError, "A sent work report can no longer be edited."):
            report.summary = "<p>Changed</p>"
        with self.assertRaisesRegex(UserError, "is already sent"):
            report.action_send()
        # the leader comments, with an attachment, on a report they cannot edit
        as_leader = report.with_user(self.leader_1)
        comment = as_leader.message_post(
            body="Good week", attachments=[("plan.txt", b"next steps")], message_type="comment"
        )
        self.assertEqual(comment.attachment_ids.mapped("name"), ["plan.txt"])
        self.assertEqual(comment.author_id, self.leader_1.partner_id)

    def test_send_needs_recipient(self):
        salesman = self.env.ref("sales_team.group_sale_salesman")
        loner = self.env["res.users"].create(
            {"name": "Loner", "login": "loner", "group_ids": [Command.link(salesman.id)]}
        )
        report = self.Report.create({"user_id": loner.id, "date_from": self.today})
        with self.assertRaisesRegex(UserError, "has no one to go to"):
            report.action_send()
        self.assertEqual(report.state, "draft")

    def test_record_rules(self):
        reports = {
            key: self.Report.create({"user_id": user.id, "date_from": self.today})
            for key, user in {
                "a": self.salesman_a,
                "b": self.salesman_b,
                "c": self.salesman_c,
                "l1": self.leader_1,
            }.items()
        }
        self.Report.browse([r.id for r in reports.values()])._work_report_generate()
        reports["a"].colleague_ids = self.salesman_c
        reports["a"].action_send()

        def visible(user):
            return self.Report.with_user(user).search(
                [("id", "in", [r.id for r in reports.values()])]
            )

        def of(*keys):
            return self.Report.browse([reports[key].id for key in keys])

        self.assertEqual(visible(self.salesman_a), of("a"))
        self.assertEqual(visible(self.salesman_b), of("b"))
        self.assertEqual(visible(self.salesman_c), of("a", "c"))
        self.assertEqual(visible(self.leader_1), of("a", "b", "l1"))
        self.assertEqual(visible(self.leader_2), of("c"))
        self.assertEqual(visible(self.manager), of("a", "b", "c", "l1"))
        self.assertEqual(
            reports["a"].line_ids.with_user(self.salesman_c).search([]).report_id, of("a", "c")
        )
        with self.assertRaises(AccessError):
            reports["b"].with_user(self.leader_1).write({"summary": "<p>x</p>"})
        with self.assertRaises(AccessError):
            reports["b"].with_user(self.salesman_a).read(["name"])

    def test_weekly_cron(self):
        users = self.salesman_a | self.salesman_b | self.salesman_c | self.leader_1 | self.manager
        drafts = self.Report._cron_create_weekly()
        mine = drafts.filtered(lambda r: r.user_id in users)
        self.assertEqual(mine.user_id, users)
        self.assertEqual(set(mine.mapped("date_from")), {self.monday})
        self.assertEqual(set(mine.mapped("state")), {"draft"})
        self.assertEqual(len(mine.line_ids), 11 * len(users))
        self.assertEqual(self.Report._cron_create_weekly(), self.Report)
        cron = self.env.ref("crm_core.ir_cron_crm_work_report_weekly")
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "weeks"))
        self.assertEqual(cron.nextcall.weekday(), 4)
