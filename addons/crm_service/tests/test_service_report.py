from odoo import fields
from odoo.tests import tagged

from .common import CrmServiceCommon, at


@tagged("post_install", "-at_install")
class TestServiceReport(CrmServiceCommon):
    """The service analysis on three Field Service requests and one Hotline
    request of Monday 2 March 2026, 9:00: ratios are ratios of sums."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # r1 replied in 1 h, closed in 4 h, never transferred: a first-contact
        # resolution; scored 5
        cls.r1 = cls._new_request(name="R1")
        # r2 replied in 2 h, transferred, closed after 24 h, SLA breached; scored 1
        cls.r2 = cls._new_request(name="R2")
        # r3 never replied, open, SLA breached
        cls.r3 = cls._new_request(name="R3")
        cls.r4 = cls._new_request(name="R4", team=cls.team_b, user=cls.agent_b)
        cls.env["crm.service.transfer"].create(
            {"ticket_id": cls.r2.id, "reason": "Needs the hotline", "user_id": cls.agent_a.id}
        )
        cls.r1.first_reply_date = "2026-03-02 10:00:00"
        cls.r2.first_reply_date = "2026-03-02 11:00:00"
        (cls.r2 | cls.r3).write({"sla_breached": True})
        with at("2026-03-02 13:00:00"):
            cls.r1.stage_id = cls.stage_done
        with at("2026-03-03 09:00:00"):
            cls.r2.stage_id = cls.stage_done
        Visit = cls.env["crm.service.visit"]
        for ticket, score in ((cls.r1, 5), (cls.r2, 1)):
            Visit.create(
                {
                    "ticket_id": ticket.id,
                    "planned_date": "2026-03-05",
                    "state": "done",
                    "score": score,
                }
            )
        # a planned visit has no score yet: not counted
        Visit.create({"ticket_id": cls.r3.id, "planned_date": "2026-03-06"})
        cls.Report = cls.env["crm.service.report"]
        cls.measures = [
            "request_count:sum",
            "avg_reply_hours:avg",
            "avg_resolve_hours:avg",
            "sla_breach_rate:avg",
            "fcr_rate:avg",
            "satisfaction:avg",
        ]

    def test_figures_per_team(self):
        self.env.flush_all()
        self.assertEqual(self.r1.closed_date, fields.Datetime.to_datetime("2026-03-02 13:00:00"))
        rows = self.Report._read_group(
            [("ticket_id", "in", (self.r1 | self.r2 | self.r3 | self.r4).ids)],
            ["team_id"],
            self.measures,
        )
        figures = {team.name: [round(v, 2) if v else v for v in values] for team, *values in rows}
        self.assertEqual(
            figures,
            {
                # reply (1 + 2) / 2; resolution (4 + 24) / 2; 2 breaches of 3;
                # 1 first-contact resolution of 2 closed; scores (5 + 1) / 2
                "Field Service": [3, 1.5, 14.0, 66.67, 50.0, 3.0],
                "Hotline": [1, False, False, 0.0, False, False],
            },
        )

    def test_rows_and_access(self):
        row = self.Report.search([("ticket_id", "=", self.r1.id)])
        self.assertRecordValues(
            row,
            [
                {
                    "team_id": self.team_a.id,
                    "first_contact_user_id": self.agent_a.id,
                    "request_count": 1,
                    "replied_count": 1,
                    "reply_hours": 1.0,
                    "closed_count": 1,
                    "resolve_hours": 4.0,
                    "sla_count": 1,
                    "breached_count": 0,
                    "fcr_count": 1,
                    "visit_count": 1,
                    "score_sum": 5.0,
                    "satisfaction": 5.0,
                }
            ],
        )
        # agents see their teams' requests, managers all
        ours = (self.r1 | self.r2 | self.r3 | self.r4).ids

        def seen(user):
            return self.Report.with_user(user).search([("ticket_id", "in", ours)]).ticket_id

        self.assertEqual(seen(self.agent_a), self.r1 | self.r2 | self.r3)
        self.assertEqual(seen(self.agent_b), self.r4)
        self.assertEqual(seen(self.manager), self.r1 | self.r2 | self.r3 | self.r4)
