from odoo.tests import tagged

from .common import CrmServiceCommon, at


@tagged("post_install", "-at_install")
class TestServiceSlaQueries(CrmServiceCommon):
    """The escalation run costs the same number of queries for 2 breached requests
    as for 12: one search, one write, one activity create and one e-mail per team
    leader per batch."""

    QUERIES = 22

    def _breached(self, count):
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.agent_a)
            .create(
                [
                    {
                        "name": f"Late {n}",
                        "description": "<p>x</p>",
                        "team_id": self.team_a.id,
                        "partner_id": self.contact_a.id,
                        "request_type_id": self.type_fault.id,
                    }
                    for n in range(count)
                ]
            )
        )

    def _escalate(self, count, measure=True):
        tickets = self._breached(count)
        self.env.flush_all()
        self.env.invalidate_all()
        Ticket = self.env["helpdesk.ticket"]
        with at("2026-03-03 09:00:00"):
            if measure:
                with self.assertQueryCount(self.QUERIES):
                    escalated = Ticket._cron_sla_escalate()
            else:
                escalated = Ticket._cron_sla_escalate()
        self.assertEqual(escalated, count)
        self.assertEqual(set(tickets.mapped("sla_escalated")), {True})
        self.assertEqual(len(tickets.activity_ids), count)

    def test_escalation_queries_do_not_grow(self):
        # warm-up: templates, ir.model ids and the activity type are cached
        self._escalate(1, measure=False)
        self._escalate(2)
        self._escalate(12)
