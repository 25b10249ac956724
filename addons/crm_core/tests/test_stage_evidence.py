import base64
from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .opp_common import CrmOpportunityCommon

PDF = base64.b64encode(b"%PDF-1.4 quotation")


@tagged("post_install", "-at_install")
class TestStageEvidence(CrmOpportunityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-03-02 08:00:00"):
            cls.opportunity = cls.env["crm.lead"].create(
                {
                    "name": "Evidence Deal",
                    "type": "opportunity",
                    "partner_id": cls.customers["a"].id,
                    "user_id": cls.salesman_a.id,
                    "team_id": cls.team_1.id,
                    "stage_id": cls.stage_qualify.id,
                }
            )

    def _evidence(self, requirement, lead=None):
        lead = lead or self.opportunity
        return lead.evidence_ids.filtered(lambda e: e.requirement_id == requirement)

    def test_checklist_of_current_stage(self):
        self.assertRecordValues(
            self.opportunity.stage_evidence_ids,
            [{"requirement_id": self.req_needs.id, "name": "Needs confirmed", "done": False}],
        )
        # a requirement added later reaches the opportunities already in the stage
        extra = self.env["crm.stage.requirement"].create(
            {"stage_id": self.stage_qualify.id, "name": "Budget known", "sequence": 5}
        )
        self.assertEqual(self.opportunity.stage_evidence_ids.requirement_id, self.req_needs | extra)

    def test_forward_refused_until_ticked(self):
        lead = self.opportunity.with_user(self.salesman_a)
        with self.assertRaisesRegex(
            UserError,
            "Evidence Deal cannot move from Opp Qualify to Opp Proposal: Needs confirmed not"
            " done yet.",
        ):
            lead.stage_id = self.stage_proposal
        self.assertEqual(lead.stage_id, self.stage_qualify)
        with freeze_time("2026-03-03 10:00:00"):
            lead.stage_evidence_ids.done = True
            lead.stage_id = self.stage_proposal
        self.assertRecordValues(
            self._evidence(self.req_needs),
            [
                {
                    "done": True,
                    "is_met": True,
                    "done_by_id": self.salesman_a.id,
                    "done_date": datetime(2026, 3, 3, 10, 0),
                }
            ],
        )
        self.assertEqual(lead.stage_id, self.stage_proposal)
        self.assertEqual(lead.stage_evidence_ids.requirement_id, self.req_demo | self.req_quote)

    def test_tick_and_move_in_one_save(self):
        lead = self.opportunity.with_user(self.salesman_a)
        lead.write(
            {
                "stage_id": self.stage_proposal.id,
                "stage_evidence_ids": [Command.update(lead.stage_evidence_ids.id, {"done": True})],
            }
        )
        self.assertEqual(lead.stage_id, self.stage_proposal)
        self.assertTrue(self._evidence(self.req_needs).is_met)

    def test_document_needs_attachment(self):
        self._evidence(self.req_needs).done = True
        self.opportunity.stage_id = self.stage_proposal
        lead = self.opportunity.with_user(self.salesman_a)
        self._evidence(self.req_demo, lead).done = True
        self._evidence(self.req_quote, lead).done = True  # ticked, but no file
        with self.assertRaisesRegex(
            UserError, r"Quotation sent \(attach the document\) not done yet"
        ):
            lead.stage_id = self.stage_negotiation
        # also through the won stage, even with a lower sequence
        with self.assertRaisesRegex(UserError, r"to Opp Won: Quotation sent \(attach"):
            lead.stage_id = self.stage_won
        self._evidence(self.req_quote, lead).write(
            {"attachment": PDF, "attachment_name": "quotation.pdf"}
        )
        self.assertTrue(self._evidence(self.req_quote).is_met)
        lead.stage_id = self.stage_negotiation
        self.assertEqual(lead.stage_id, self.stage_negotiation)

    def test_backward_allowed(self):
        self._evidence(self.req_needs).done = True
        self.opportunity.stage_id = self.stage_proposal
        self.opportunity.with_user(self.salesman_a).stage_id = self.stage_qualify
        self.assertEqual(self.opportunity.stage_id, self.stage_qualify)
        # the old evidence is kept: moving forward again needs nothing new
        self.opportunity.stage_id = self.stage_proposal
        self.assertEqual(self.opportunity.stage_id, self.stage_proposal)

    def test_won_counts_as_forward(self):
        with self.assertRaisesRegex(UserError, "to Opp Won: Needs confirmed not done yet"):
            self.opportunity.action_set_won()
        self.assertFalse(self.opportunity.stage_id.is_won)
        self._evidence(self.req_needs).done = True
        self.opportunity.stage_id = self.stage_won
        self.assertRecordValues(
            self.opportunity, [{"stage_id": self.stage_won.id, "probability": 100}]
        )

    def test_batch_move_names_each_lead(self):
        other = self.env["crm.lead"].create(
            {"name": "Second Deal", "type": "opportunity", "stage_id": self.stage_qualify.id}
        )
        with self.assertRaisesRegex(
            UserError, "Evidence Deal cannot move(.|\n)*Second Deal cannot"
        ):
            (self.opportunity | other).stage_id = self.stage_proposal

    def test_stage_history(self):
        History = self.env["crm.lead.stage.history"]
        self._evidence(self.req_needs).done = True
        with freeze_time("2026-03-04 08:00:00"):
            self.opportunity.with_user(self.salesman_a).stage_id = self.stage_proposal
        with freeze_time("2026-03-04 20:00:00"):
            self.opportunity.stage_id = self.stage_qualify
        rows = History.search([("lead_id", "=", self.opportunity.id)], order="date_in, id")
        self.assertRecordValues(
            rows,
            [
                {
                    "stage_id": self.stage_qualify.id,
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                    "date_in": datetime(2026, 3, 2, 8, 0),
                    "date_out": datetime(2026, 3, 4, 8, 0),
                    "duration_days": 2.0,
                    "duration_hours": 48.0,
                    "moved_by_id": self.env.uid,
                },
                {
                    "stage_id": self.stage_proposal.id,
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                    "date_in": datetime(2026, 3, 4, 8, 0),
                    "date_out": datetime(2026, 3, 4, 20, 0),
                    "duration_days": 0.5,
                    "duration_hours": 12.0,
                    "moved_by_id": self.salesman_a.id,
                },
                {
                    "stage_id": self.stage_qualify.id,
                    "user_id": self.salesman_a.id,
                    "team_id": self.team_1.id,
                    "date_in": datetime(2026, 3, 4, 20, 0),
                    "date_out": False,
                    "duration_days": 0.0,
                    "duration_hours": 0.0,
                    "moved_by_id": self.env.uid,
                },
            ],
        )
        # the report: average finished stay per stage
        groups = History._read_group(
            [("lead_id", "=", self.opportunity.id), ("date_out", "!=", False)],
            ["stage_id"],
            ["duration_days:avg"],
        )
        self.assertEqual(
            sorted((stage.name, days) for stage, days in groups),
            [("Opp Proposal", 0.5), ("Opp Qualify", 2.0)],
        )

    def test_stage_history_batch_queries(self):
        """One search, one update and one insert for the history, whatever the batch size."""
        self.stage_qualify.requirement_ids.unlink()
        leads = self.env["crm.lead"].create(
            [
                {"name": f"Batch {i}", "type": "opportunity", "stage_id": self.stage_qualify.id}
                for i in range(3)
            ]
        )
        more = self.env["crm.lead"].create(
            [
                {"name": f"Batch {i}", "type": "opportunity", "stage_id": self.stage_qualify.id}
                for i in range(3, 30)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        counts = []
        for batch in (leads, more):
            batch = batch.browse(batch.ids)
            start = self.cr.sql_log_count
            batch.write({"stage_id": self.stage_negotiation.id})
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - start)
        # 27 leads cost no more queries than 3
        self.assertLessEqual(counts[1], counts[0])
        self.assertEqual(
            self.env["crm.lead.stage.history"].search_count(
                [
                    ("lead_id", "in", (leads | more).ids),
                    ("stage_id", "=", self.stage_negotiation.id),
                ]
            ),
            30,
        )
