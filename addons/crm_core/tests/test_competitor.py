from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .funnel_common import CrmFunnelCommon


@tagged("post_install", "-at_install")
class TestCompetitor(CrmFunnelCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Competition = cls.env["crm.lead.competition"]
        cls.opp_1.competition_ids = [
            Command.create(
                {
                    "competitor_id": cls.acme.id,
                    "competitor_product_id": cls.acme.product_ids.id,
                    "threat_level": "high",
                }
            ),
            Command.create({"competitor_id": cls.bolt.id, "price": 950}),
        ]
        cls.opp_2.competition_ids = [
            Command.create({"competitor_id": cls.acme.id}),
            Command.create({"competitor_id": cls.bolt.id, "threat_level": "low"}),
        ]
        cls.opp_3.competition_ids = [Command.create({"competitor_id": cls.acme.id})]
        cls.Competition = Competition

    def outcomes(self, lead):
        return [
            (c.competitor_id.name, c.outcome, c.is_winner)
            for c in lead.competition_ids.sorted(lambda c: c.competitor_id.name)
        ]

    def test_competition_defaults(self):
        self.assertRecordValues(
            self.opp_1.competition_ids.sorted(lambda c: c.competitor_id.name),
            [
                {"price": 800.0, "threat_level": "high", "outcome": "open", "is_winner": False},
                {"price": 950.0, "threat_level": "medium", "outcome": "open", "is_winner": False},
            ],
        )

    def test_won_is_our_win(self):
        self.opp_1.action_set_won()
        self.assertEqual(
            self.outcomes(self.opp_1),
            [("Acme Soft", "won", False), ("Bolt Systems", "won", False)],
        )

    def test_lost_to_listed_competitor(self):
        self.lose(self.opp_2, self.reason_competitor, self.acme)
        self.assertRecordValues(
            self.opp_2,
            [{"active": False, "won_status": "lost", "lost_competitor_id": self.acme.id}],
        )
        self.assertEqual(
            self.outcomes(self.opp_2),
            [("Acme Soft", "lost", True), ("Bolt Systems", "lost", False)],
        )

    def test_lost_to_unlisted_competitor_adds_it(self):
        self.lose(self.opp_3, self.reason_competitor, self.zen)
        self.assertEqual(
            self.outcomes(self.opp_3), [("Acme Soft", "lost", False), ("Zen Apps", "lost", True)]
        )

    def test_lost_without_competitor_reason(self):
        self.lose(self.opp_1, self.reason_price)
        self.assertRecordValues(self.opp_1, [{"won_status": "lost", "lost_competitor_id": False}])
        self.assertEqual(
            self.outcomes(self.opp_1),
            [("Acme Soft", "lost", False), ("Bolt Systems", "lost", False)],
        )

    def test_competitor_reason_requires_competitor(self):
        with self.assertRaisesRegex(UserError, "Lost to competition means a competitor won"):
            self.lose(self.opp_1, self.reason_competitor)
        # Nothing half-done: the opportunity is still open.
        self.assertRecordValues(
            self.opp_1, [{"active": True, "won_status": "pending", "lost_reason_id": False}]
        )
        with self.assertRaisesRegex(ValidationError, "say which competitor it was lost to"):
            self.opp_1.action_set_lost(lost_reason_id=self.reason_competitor.id)

    def test_restore_reopens(self):
        self.lose(self.opp_2, self.reason_competitor, self.bolt)
        self.opp_2.action_restore()
        self.assertRecordValues(
            self.opp_2, [{"active": True, "won_status": "pending", "lost_competitor_id": False}]
        )
        self.assertEqual(
            self.outcomes(self.opp_2),
            [("Acme Soft", "open", False), ("Bolt Systems", "open", False)],
        )

    def test_win_rate(self):
        self.opp_1.action_set_won()
        self.lose(self.opp_2, self.reason_competitor, self.acme)
        self.lose(self.opp_late, self.reason_competitor, self.zen)
        self.env.flush_all()
        report = self.env["crm.competitor.report"].search(
            [("competitor_id", "in", (self.acme | self.bolt | self.zen).ids)]
        )
        self.assertRecordValues(
            report.sorted(lambda r: r.competitor_id.name),
            [
                {
                    "competitor_id": self.acme.id,
                    "opportunity_count": 3,
                    "open_count": 1,
                    "won_count": 1,
                    "lost_count": 1,
                    "lost_to_count": 1,
                    "win_rate": 50.0,
                },
                {
                    "competitor_id": self.bolt.id,
                    "opportunity_count": 2,
                    "open_count": 0,
                    "won_count": 1,
                    "lost_count": 1,
                    "lost_to_count": 0,
                    "win_rate": 50.0,
                },
                {
                    "competitor_id": self.zen.id,
                    "opportunity_count": 1,
                    "open_count": 0,
                    "won_count": 0,
                    "lost_count": 1,
                    "lost_to_count": 1,
                    "win_rate": 0.0,
                },
            ],
        )

    def test_grouped_win_rate_is_won_over_decided(self):
        # Acme 1 of 2, Bolt 1 of 2, Zen 0 of 1 decided: the company's win rate is
        # 2 of 5 (40%), not the average of the rows' rates (33.33%).
        self.opp_1.action_set_won()
        self.lose(self.opp_2, self.reason_competitor, self.acme)
        self.lose(self.opp_late, self.reason_competitor, self.zen)
        self.env.flush_all()
        Report = self.env["crm.competitor.report"]
        domain = [("competitor_id", "in", (self.acme | self.bolt | self.zen).ids)]
        self.assertEqual(
            Report.formatted_read_group(domain, ["company_id"], ["win_rate:avg", "__count"]),
            [
                {
                    "company_id": (self.env.company.id, self.env.company.display_name),
                    "win_rate:avg": 40.0,
                    "__count": 3,
                    "__extra_domain": [("company_id", "=", self.env.company.id)],
                }
            ],
        )
        self.assertEqual(Report._read_group(domain, [], ["win_rate:avg"]), [(40.0,)])

    def test_win_rate_on_competitor(self):
        self.opp_1.action_set_won()
        self.lose(self.opp_2, self.reason_competitor, self.acme)
        self.lose(self.opp_late, self.reason_competitor, self.zen)
        competitors = self.acme | self.bolt | self.zen
        competitors.invalidate_recordset()
        with self.assertQueryCount(1):
            competitors.mapped("win_rate")
        self.assertRecordValues(
            competitors,
            [
                {"competition_count": 3, "won_count": 1, "lost_count": 1, "win_rate": 50.0},
                {"competition_count": 2, "won_count": 1, "lost_count": 1, "win_rate": 50.0},
                {"competition_count": 1, "won_count": 0, "lost_count": 1, "win_rate": 0.0},
            ],
        )

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Funnel Other Company"})
        foreign = self.env["crm.competitor"].create(
            {"name": "Foreign Rival", "company_id": other.id}
        )
        found = (
            self.env["crm.competitor"]
            .with_user(self.manager)
            .search([("id", "in", (foreign | self.acme).ids)])
        )
        self.assertEqual(found, self.acme)
        # Nor can a competition pair an opportunity with another company's competitor.
        with self.assertRaisesRegex(UserError, "no company crossover is allowed"):
            self.opp_3.competition_ids = [Command.create({"competitor_id": foreign.id})]
        wizard_error = "belongs to another company than the opportunities"
        with self.assertRaisesRegex(UserError, wizard_error):
            self.lose(self.opp_3, self.reason_competitor, foreign)
        self.assertRecordValues(self.opp_3, [{"active": True, "lost_competitor_id": False}])

    def test_bad_inputs(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.opp_1.competition_ids = [Command.create({"competitor_id": self.acme.id})]
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["crm.competitor.product"].create(
                    {"name": "Free", "competitor_id": self.bolt.id, "price": -1}
                )
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["crm.competitor"].create({"name": "acme soft"})

    def test_access_follows_opportunity(self):
        everything = self.Competition.search([])
        by_lead = {
            "a": self.opp_1.competition_ids,
            "b": self.opp_2.competition_ids,
            "c": self.opp_3.competition_ids,
        }
        expected = {
            "salesman_a": by_lead["a"],
            "salesman_c": by_lead["c"],
            "leader_1": by_lead["a"] | by_lead["b"],
            "leader_2": by_lead["c"],
            "manager": by_lead["a"] | by_lead["b"] | by_lead["c"],
        }
        for role, records in expected.items():
            with self.subTest(role=role):
                user = getattr(self, role)
                found = self.Competition.with_user(user).search([("id", "in", everything.ids)])
                self.assertEqual(found, records)
        # Lost (archived) opportunities keep their competitions visible.
        self.lose(self.opp_1, self.reason_competitor, self.acme)
        found = self.Competition.with_user(self.salesman_a).search([("id", "in", everything.ids)])
        self.assertEqual(found, by_lead["a"])
        # Salespeople read competitors but do not change them.
        self.assertEqual(self.acme.with_user(self.salesman_a).name, "Acme Soft")
        with self.assertRaisesRegex(UserError, "not allowed to modify"):
            self.acme.with_user(self.salesman_a).write({"name": "Acme"})
