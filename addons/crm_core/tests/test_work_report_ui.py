from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from .common import LEADER, SALESMAN
from .test_reminder_ui import frozen


@tagged("post_install", "-at_install")
class TestWorkReportUi(HttpCase):
    def test_weekly_report_tour(self):
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        salesman = new_test_user(env, login="tour_wr_salesman", groups=SALESMAN, name="Tour Seller")
        leader = new_test_user(env, login="tour_wr_leader", groups=LEADER, name="Tour Leader")
        team = env["crm.team"].create({"name": "Tour Team", "user_id": leader.id})
        env["crm.team.member"].create({"crm_team_id": team.id, "user_id": salesman.id})
        clock, db_clock = frozen("2026-06-10 06:00:00")
        with clock, db_clock:
            customer = env["res.partner"].create(
                {"name": "Tour Customer", "customer_rank": 1, "user_id": salesman.id}
            )
            env["crm.lead"].create(
                {
                    "name": "Tour Deal",
                    "type": "opportunity",
                    "partner_id": customer.id,
                    "user_id": salesman.id,
                }
            )
        self.start_tour(
            "/odoo/action-crm_core.crm_work_report_action",
            "crm_core_work_report_send",
            login=salesman.login,
        )
        report = env["crm.work.report"].search([("user_id", "=", salesman.id)])
        self.assertRecordValues(
            report,
            [
                {
                    "date_from": date(2026, 6, 8),
                    "date_to": date(2026, 6, 14),
                    "state": "sent",
                    "team_id": team.id,
                }
            ],
        )
        self.assertIn("Met the Tour Customer twice", report.summary)
        self.assertEqual(
            {line.key: line.value for line in report.line_ids if line.value},
            {"new_customers": 1, "opportunities_created": 1},
        )
        self.assertIn(leader.partner_id, report.message_partner_ids)
        self.start_tour(
            f"/odoo/action-crm_core.crm_work_report_action/{report.id}",
            "crm_core_work_report_comment",
            login=leader.login,
        )
        comment = report.message_ids.filtered(lambda m: m.author_id == leader.partner_id)
        self.assertEqual(len(comment), 1)
        self.assertIn("Good week, call them again on Monday", comment.body)
