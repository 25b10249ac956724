from odoo import Command

from .common import CrmCoreCommon


class CrmFunnelCommon(CrmCoreCommon):
    """Three stages of our own and five opportunities spread over them, owned as in
    CrmCoreCommon (a: salesman_a, b: salesman_b, c: salesman_c; team 1 = a, b)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Stage = cls.env["crm.stage"]
        cls.stage_1 = Stage.create({"name": "Funnel Qualify", "sequence": 1001})
        cls.stage_2 = Stage.create({"name": "Funnel Propose", "sequence": 1002})
        cls.stage_won = Stage.create({"name": "Funnel Won", "sequence": 1003, "is_won": True})
        cls.stages = cls.stage_1 | cls.stage_2 | cls.stage_won
        cls.funnel_domain = [("stage_id", "in", cls.stages.ids)]
        Lead = cls.env["crm.lead"]

        def opp(name, key, stage, revenue, probability, deadline, **vals):
            user, team = cls.owners[key]
            return Lead.create(
                {
                    "name": name,
                    "type": "opportunity",
                    "user_id": user.id,
                    "team_id": team.id,
                    "stage_id": stage.id,
                    "expected_revenue": revenue,
                    "probability": probability,
                    "date_deadline": deadline,
                    **vals,
                }
            )

        cls.opp_1 = opp("Funnel One", "a", cls.stage_1, 1000, 10, "2026-03-20")
        cls.opp_2 = opp("Funnel Two", "b", cls.stage_1, 3000, 20, "2026-04-05")
        cls.opp_3 = opp("Funnel Three", "c", cls.stage_2, 5000, 50, "2026-04-30")
        cls.opp_won = opp("Funnel Won Deal", "a", cls.stage_won, 2000, 100, "2026-03-10")
        cls.opp_late = opp("Funnel Late", "c", cls.stage_2, 700, 30, "2026-06-01")
        cls.opp_past = opp("Funnel Past", "b", cls.stage_2, 400, 25, "2026-02-28")
        # Neither counts: a lost opportunity and a plain lead.
        cls.opp_lost = opp("Funnel Lost", "a", cls.stage_1, 9000, 40, "2026-03-25")
        cls.opp_lost.action_set_lost()
        cls.lead = Lead.create(
            {
                "name": "Funnel Lead",
                "type": "lead",
                "stage_id": cls.stage_1.id,
                "expected_revenue": 500,
                "user_id": cls.salesman_a.id,
            }
        )

        Competitor = cls.env["crm.competitor"]
        cls.acme = Competitor.create(
            {
                "name": "Acme Soft",
                "website": "https://acme.example.com",
                "product_ids": [Command.create({"name": "Acme CRM", "price": 800})],
            }
        )
        cls.bolt = Competitor.create({"name": "Bolt Systems"})
        cls.zen = Competitor.create({"name": "Zen Apps"})
        cls.reason_competitor = cls.env["crm.lost.reason"].create(
            {"name": "Lost to competition", "is_competitor": True}
        )
        cls.reason_price = cls.env["crm.lost.reason"].create({"name": "Budget cut"})

    def lose(self, leads, reason, competitor=None):
        wizard = (
            self.env["crm.lead.lost"]
            .with_context(active_ids=leads.ids)
            .create(
                {
                    "lead_ids": [Command.set(leads.ids)],
                    "lost_reason_id": reason.id,
                    "lost_competitor_id": competitor.id if competitor else False,
                }
            )
        )
        return wizard.action_lost_reason_apply()
