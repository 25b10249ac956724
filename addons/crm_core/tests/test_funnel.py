from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged, users

from .funnel_common import CrmFunnelCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-15")
class TestFunnelForecast(CrmFunnelCommon):
    def stage_rows(self, funnel):
        return [
            (row["name"], row["count"], row["amount"], row["weighted"]) for row in funnel["stages"]
        ]

    def test_funnel_figures(self):
        funnel = self.env["crm.lead"].crm_funnel(self.funnel_domain)
        # Stage order; weighted = expected revenue x probability / 100.
        self.assertEqual(
            self.stage_rows(funnel),
            [
                ("Funnel Qualify", 2, 4000.0, 700.0),
                ("Funnel Propose", 3, 6100.0, 2810.0),
                ("Funnel Won", 1, 2000.0, 2000.0),
            ],
        )
        self.assertEqual(
            {key: funnel["total"][key] for key in ("count", "amount", "weighted")},
            {"count": 6, "amount": 12100.0, "weighted": 5510.0},
        )

    def test_funnel_drill_domain(self):
        Lead = self.env["crm.lead"]
        funnel = Lead.crm_funnel(self.funnel_domain)
        found = [Lead.search(row["domain"]) for row in funnel["stages"]]
        self.assertEqual(found[0], self.opp_1 | self.opp_2)
        self.assertEqual(found[1], self.opp_3 | self.opp_late | self.opp_past)
        self.assertEqual(found[2], self.opp_won)
        self.assertEqual(
            Lead.search(funnel["total"]["domain"]),
            self.opp_1 | self.opp_2 | self.opp_3 | self.opp_won | self.opp_late | self.opp_past,
        )

    def test_forecast_figures_and_drill(self):
        Lead = self.env["crm.lead"]
        forecast = Lead.crm_forecast(self.funnel_domain, months=3)
        self.assertEqual(
            [(m["month"], m["count"], m["amount"], m["weighted"]) for m in forecast["months"]],
            [
                ("2026-03-01", 1, 1000.0, 100.0),
                ("2026-04-01", 2, 8000.0, 3100.0),
                ("2026-05-01", 0, 0.0, 0.0),
            ],
        )
        self.assertEqual(Lead.search(forecast["months"][0]["domain"]), self.opp_1)
        self.assertEqual(Lead.search(forecast["months"][1]["domain"]), self.opp_2 | self.opp_3)
        self.assertFalse(Lead.search(forecast["months"][2]["domain"]))
        self.assertEqual(forecast["total"]["count"], 3)
        self.assertEqual(forecast["total"]["weighted"], 3200.0)
        self.assertEqual(
            Lead.search(forecast["total"]["domain"]), self.opp_1 | self.opp_2 | self.opp_3
        )

    def test_forecast_from_a_given_month(self):
        forecast = self.env["crm.lead"].crm_forecast(
            self.funnel_domain, months=2, date_from="2026-05-17"
        )
        self.assertEqual(
            [(m["month"], m["count"], m["amount"]) for m in forecast["months"]],
            [("2026-05-01", 0, 0.0), ("2026-06-01", 1, 700.0)],
        )

    def test_forecast_month_labels_in_the_user_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        Lead = self.env["crm.lead"]
        for lang, labels in (
            ("en_US", ["Nov 2026", "Dec 2026", "Jan 2027"]),
            ("zh_CN", ["2026年11月", "2026年12月", "2027年1月"]),
        ):
            with self.subTest(lang=lang):
                forecast = Lead.with_context(lang=lang).crm_forecast(
                    self.funnel_domain, months=3, date_from="2026-11-20"
                )
                self.assertEqual([m["label"] for m in forecast["months"]], labels)
        # Default: this month (frozen on 15 March 2026) in the user's language.
        forecast = Lead.with_context(lang="zh_CN").crm_forecast(self.funnel_domain, months=1)
        self.assertEqual([m["label"] for m in forecast["months"]], ["2026年3月"])

    def test_forecast_bad_months(self):
        for months in (0, 61, "3"):
            with self.assertRaisesRegex(UserError, "The forecast covers 1 to 60 months"):
                self.env["crm.lead"].crm_forecast(self.funnel_domain, months=months)

    @users("salesman_a")
    def test_funnel_salesperson_sees_own(self):
        funnel = self.env["crm.lead"].crm_funnel(self.funnel_domain)
        self.assertEqual(
            self.stage_rows(funnel),
            [("Funnel Qualify", 1, 1000.0, 100.0), ("Funnel Won", 1, 2000.0, 2000.0)],
        )

    @users("leader_1")
    def test_funnel_leader_sees_team(self):
        funnel = self.env["crm.lead"].crm_funnel(self.funnel_domain)
        self.assertEqual(
            self.stage_rows(funnel),
            [
                ("Funnel Qualify", 2, 4000.0, 700.0),
                ("Funnel Propose", 1, 400.0, 100.0),
                ("Funnel Won", 1, 2000.0, 2000.0),
            ],
        )

    @users("salesman_b")
    def test_funnel_dashboard_team_scope(self):
        # The dashboard's "My Teams" filter, as the client action builds it.
        team_scope = [
            "|",
            ("team_id.user_id", "=", self.env.uid),
            ("team_id.member_ids", "in", [self.env.uid]),
        ]
        # A salesperson's rules still apply: their own and nobody's, in their teams.
        funnel = self.env["crm.lead"].crm_funnel(team_scope + self.funnel_domain)
        self.assertEqual(
            self.stage_rows(funnel),
            [("Funnel Qualify", 1, 3000.0, 600.0), ("Funnel Propose", 1, 400.0, 100.0)],
        )

    @users("leader_2")
    def test_forecast_other_leader_sees_other_team(self):
        forecast = self.env["crm.lead"].crm_forecast(self.funnel_domain, months=3)
        self.assertEqual(
            [(m["count"], m["amount"]) for m in forecast["months"]],
            [(0, 0.0), (1, 5000.0), (0, 0.0)],
        )

    def test_query_count_does_not_grow(self):
        Lead = self.env["crm.lead"]
        Lead.crm_funnel(self.funnel_domain)
        Lead.crm_forecast(self.funnel_domain, months=3)
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            Lead.crm_funnel(self.funnel_domain)
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            Lead.crm_forecast(self.funnel_domain, months=3)
        Lead.create(
            [
                {
                    "name": f"Funnel Bulk {i}",
                    "type": "opportunity",
                    "stage_id": self.stages[i % 3].id,
                    "expected_revenue": 100 * i,
                    "date_deadline": f"2026-0{3 + i % 3}-1{i % 10}",
                }
                for i in range(45)
            ]
        )
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            Lead.crm_funnel(self.funnel_domain)
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            Lead.crm_forecast(self.funnel_domain, months=3)
