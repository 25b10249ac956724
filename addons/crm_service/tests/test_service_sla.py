from odoo import fields
from odoo.tests import tagged

from .common import CrmServiceCommon, at


def dt(value):
    return fields.Datetime.to_datetime(value)


@tagged("post_install", "-at_install")
class TestServiceSla(CrmServiceCommon):
    """Deadlines in working hours (Monday to Friday, 8:00-17:00 UTC), the most
    specific policy, transfers keeping the clock, on-hold stages pausing it, and
    the escalation run."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Sla = cls.env["crm.service.sla"]
        cls.sla_fault_urgent = Sla.create(
            {
                "name": "Urgent faults",
                "request_type_id": cls.type_fault.id,
                "priority": "3",
                "reply_hours": 1,
                "resolve_hours": 8,
            }
        )
        cls.sla_fault_hotline = Sla.create(
            {
                "name": "Hotline faults",
                "request_type_id": cls.type_fault.id,
                "team_id": cls.team_b.id,
                "reply_hours": 2,
                "resolve_hours": 12,
            }
        )
        cls.level_gold = cls.env["crm.customer.level"].create({"name": "Gold", "code": "svc_gold"})
        cls.sla_gold_urgent_fault_hotline = Sla.create(
            {
                "name": "Gold urgent hotline faults",
                "sequence": 99,
                "request_type_id": cls.type_fault.id,
                "priority": "3",
                "level_id": cls.level_gold.id,
                "team_id": cls.team_b.id,
                "reply_hours": 0.5,
                "resolve_hours": 4,
            }
        )

    def test_deadlines_in_working_hours(self):
        ticket = self._new_request(request_type_id=self.type_consultation.id)
        # 4 h: Monday 13:00; 16 h: 8 on Monday, 8 on Tuesday
        self.assertRecordValues(
            ticket,
            [
                {
                    "sla_id": self.sla_general.id,
                    "sla_start": dt("2026-03-02 09:00:00"),
                    "reply_deadline": dt("2026-03-02 13:00:00"),
                    "resolve_deadline": dt("2026-03-03 16:00:00"),
                    "sla_status": "running",
                }
            ],
        )
        # registered on Friday afternoon: the weekend does not count
        with at("2026-03-06 15:00:00"):
            friday = self._new_request(request_type_id=self.type_consultation.id)
        self.assertRecordValues(
            friday,
            [
                {
                    "reply_deadline": dt("2026-03-09 10:00:00"),
                    "resolve_deadline": dt("2026-03-10 13:00:00"),
                }
            ],
        )

    def test_most_specific_policy_wins(self):
        general = self._new_request(request_type_id=self.type_consultation.id, priority="3")
        urgent = self._new_request(priority="3")
        hotline = self._new_request(team=self.team_b)
        # type + priority (2 criteria) against type + team (2 criteria): the sequence
        both = self._new_request(team=self.team_b, priority="3")
        self.customer_a.level_id = self.level_gold
        gold = self._new_request(team=self.team_b, priority="3")
        self.assertEqual(
            (general | urgent | hotline | both | gold).mapped("sla_id"),
            self.sla_general
            | self.sla_fault_urgent
            | self.sla_fault_hotline
            | self.sla_fault_urgent
            | self.sla_gold_urgent_fault_hotline,
        )
        self.assertEqual(both.sla_id, self.sla_fault_urgent)
        self.assertEqual(gold.resolve_deadline, dt("2026-03-02 13:00:00"))
        # a change of priority matches again, from the same start
        with at("2026-03-02 10:00:00"):
            general.priority = "1"
            urgent.priority = "1"
        self.assertRecordValues(
            urgent,
            [
                {
                    "sla_id": self.sla_general.id,
                    "sla_start": dt("2026-03-02 09:00:00"),
                    "reply_deadline": dt("2026-03-02 13:00:00"),
                }
            ],
        )

    def test_transfer_does_not_restart_the_clock(self):
        ticket = self._new_request(request_type_id=self.type_consultation.id)
        with at("2026-03-02 12:00:00"):
            self.env["crm.service.transfer.wizard"].with_user(self.agent_a).create(
                {"ticket_id": ticket.id, "team_id": self.team_b.id, "reason": "Hotline first"}
            ).action_confirm()
        self.assertRecordValues(
            ticket,
            [
                {
                    "team_id": self.team_b.id,
                    "sla_start": dt("2026-03-02 09:00:00"),
                    "reply_deadline": dt("2026-03-02 13:00:00"),
                    "resolve_deadline": dt("2026-03-03 16:00:00"),
                }
            ],
        )

    def test_on_hold_pauses_the_clock(self):
        ticket = self._new_request(request_type_id=self.type_consultation.id)
        with at("2026-03-02 11:00:00"):
            ticket.stage_id = self.stage_awaiting
        self.assertRecordValues(
            ticket,
            [{"sla_paused_since": dt("2026-03-02 11:00:00"), "sla_status": "paused"}],
        )
        # paused past the reply deadline: not breached
        with at("2026-03-02 14:00:00"):
            self.assertEqual(self.env["helpdesk.ticket"]._cron_sla_escalate(), 0)
        # 6 h on Monday, 2 on Tuesday: the deadlines move by 8 working hours
        with at("2026-03-03 10:00:00"):
            ticket.stage_id = self.stage_progress
        self.assertRecordValues(
            ticket,
            [
                {
                    "sla_paused_since": False,
                    "sla_paused_hours": 8.0,
                    "sla_status": "running",
                    "reply_deadline": dt("2026-03-03 12:00:00"),
                    "resolve_deadline": dt("2026-03-04 15:00:00"),
                }
            ],
        )

    def test_first_reply_meets_the_reply_deadline(self):
        ticket = self._new_request(request_type_id=self.type_consultation.id)
        ticket.with_user(self.portal_a).sudo().message_post(
            body="Any news?",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=self.portal_a.partner_id.id,
        )
        ticket.with_user(self.agent_a).message_post(
            body="Internal", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        self.assertFalse(ticket.first_reply_date)
        with at("2026-03-02 10:30:00"):
            ticket.with_user(self.agent_a).message_post(
                body="We are on it", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertEqual(ticket.first_reply_date, dt("2026-03-02 10:30:00"))
        # past the reply deadline, before the resolution one: nothing to escalate
        with at("2026-03-02 14:00:00"):
            self.assertEqual(self.env["helpdesk.ticket"]._cron_sla_escalate(), 0)

    def test_escalation_once_to_the_team_leader(self):
        late = self._new_request(request_type_id=self.type_consultation.id)
        replied = self._new_request(request_type_id=self.type_consultation.id)
        replied.first_reply_date = "2026-03-02 10:00:00"
        closed = self._new_request(request_type_id=self.type_consultation.id)
        closed.stage_id = self.stage_done
        no_leader = self._new_request(team=self.team_b, request_type_id=self.type_consultation.id)
        Ticket = self.env["helpdesk.ticket"]
        with at("2026-03-02 12:59:00"):
            self.assertEqual(Ticket._cron_sla_escalate(), 0)
        mails_before = self.env["mail.mail"].search([])
        with at("2026-03-02 13:01:00"):
            self.assertEqual(Ticket._cron_sla_escalate(), 2)
            # a second run escalates nothing again
            self.assertEqual(Ticket._cron_sla_escalate(), 0)
        self.assertEqual(
            (late | replied | closed | no_leader).mapped("sla_breached"), [True, False, False, True]
        )
        self.assertRecordValues(
            late,
            [
                {
                    "sla_escalated": True,
                    "sla_breach_date": dt("2026-03-02 13:01:00"),
                    "sla_status": "breached",
                }
            ],
        )
        activity = late.activity_ids
        self.assertRecordValues(
            activity,
            [
                {
                    "user_id": self.leader_a.id,
                    "activity_type_id": self.env.ref("crm_service.mail_act_sla_breach").id,
                    "summary": f"SLA breached: {late.number}",
                }
            ],
        )
        self.assertFalse(no_leader.activity_ids)
        mails = self.env["mail.mail"].search([]) - mails_before
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.recipient_ids, self.leader_a.partner_id)
        self.assertEqual(mails.subject, "1 service requests breached their SLA")
        self.assertIn(late.number, mails.body_html)
        # the resolution deadline passes for the replied one: escalated then, once
        with at("2026-03-03 16:01:00"):
            self.assertEqual(Ticket._cron_sla_escalate(), 1)
        self.assertTrue(replied.sla_escalated)
