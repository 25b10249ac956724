from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged, users

from .common import MONDAY, CrmServiceCommon


class CrmServiceVisitCommon(CrmServiceCommon):
    """A fault request of team A done by tech 1 and closed on the Monday; a
    request of team B done by tech 2 and closed; an open request; a closed
    complaint (its type has no return visit)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact_a.email = "alice@example.com"
        cls.ticket_a = cls._new_request()
        cls.order_a = cls._done_order(cls.ticket_a, cls.tech_1)
        cls.ticket_b = cls._new_request(
            user=cls.agent_b, team=cls.team_b, partner=cls.customer_b, name="Hotline down"
        )
        cls.order_b = cls._done_order(cls.ticket_b, cls.tech_2)
        cls.ticket_open = cls._new_request(name="Still open")
        cls.complaint_closed = cls._new_request(
            name="Old complaint",
            request_type_id=cls.env.ref("crm_service.request_type_complaint").id,
        )
        (cls.ticket_a | cls.ticket_b | cls.complaint_closed).stage_id = cls.stage_done
        cls.Visit = cls.env["crm.service.visit"]

    @classmethod
    def _done_order(cls, ticket, technician):
        order = cls._new_order(ticket, technician)
        # the work order's own flow is tested in test_service_order
        order.technician_line_ids.state = "accepted"
        order.write({"state": "done", "actual_end": MONDAY})
        return order


@tagged("post_install", "-at_install")
class TestServiceVisit(CrmServiceVisitCommon):
    def test_cron_plans_each_closed_request_once(self):
        self.assertEqual(self.env["helpdesk.ticket"]._cron_schedule_visits(), 2)
        visits = self.Visit.search([("ticket_id", "in", self.ticket_a.ids + self.ticket_b.ids)])
        self.assertRecordValues(
            visits.sorted(lambda v: v.ticket_id.id),
            [
                {
                    "ticket_id": self.ticket_a.id,
                    "service_order_id": self.order_a.id,
                    "technician_ids": self.tech_1.ids,
                    "user_id": self.agent_a.id,
                    "planned_date": fields.Date.to_date("2026-03-05"),
                    "state": "planned",
                    "method": "call",
                    "score": 0,
                    "commercial_partner_id": self.customer_a.id,
                },
                {
                    "ticket_id": self.ticket_b.id,
                    "service_order_id": self.order_b.id,
                    "technician_ids": self.tech_2.ids,
                    "user_id": self.agent_b.id,
                    "planned_date": fields.Date.to_date("2026-03-05"),
                    "state": "planned",
                    "method": "call",
                    "score": 0,
                    "commercial_partner_id": self.customer_b.id,
                },
            ],
        )
        self.assertFalse(self.ticket_open.visit_ids)
        self.assertFalse(self.complaint_closed.visit_ids)
        self.assertRegex(visits[0].name, r"^RV/2026/\d{5}$")
        activity = self.ticket_a.visit_ids.activity_ids
        self.assertRecordValues(
            activity,
            [
                {
                    "activity_type_id": self.env.ref("crm_service.mail_act_service_visit").id,
                    "user_id": self.agent_a.id,
                    "date_deadline": fields.Date.to_date("2026-03-05"),
                }
            ],
        )
        # a second run, or a request reopened and closed again: no second visit
        self.ticket_a.stage_id = self.stage_progress
        self.ticket_a.stage_id = self.stage_done
        self.assertEqual(self.env["helpdesk.ticket"]._cron_schedule_visits(), 0)
        self.assertEqual(self.ticket_a.visit_count, 1)

    def test_delay_of_the_request_type(self):
        self.type_fault.visit_delay_days = 10
        self.env["helpdesk.ticket"]._cron_schedule_visits()
        self.assertEqual(self.ticket_a.visit_ids.planned_date, fields.Date.to_date("2026-03-12"))

    @users("agent_a")
    def test_low_call_score_opens_a_complaint(self):
        self.env["helpdesk.ticket"].sudo()._cron_schedule_visits()
        ticket = self.ticket_a.with_env(self.env)
        visit = ticket.visit_ids
        visit.write({"score": 2, "note": "The technician came late."})
        visit.action_record_score()
        self.assertRecordValues(
            visit,
            [{"state": "done", "score": 2, "score_date": fields.Datetime.to_datetime(MONDAY)}],
        )
        complaint = visit.complaint_ticket_id
        self.assertRecordValues(
            complaint,
            [
                {
                    "name": "Complaint: Printer jams (score 2)",
                    "request_type_id": self.env.ref("crm_service.request_type_complaint").id,
                    "user_id": self.agent_a.id,
                    "first_contact_user_id": self.agent_a.id,
                    "origin_ticket_id": ticket.id,
                    "partner_id": self.contact_a.id,
                    "team_id": self.team_a.id,
                }
            ],
        )
        self.assertEqual(ticket.complaint_ids, complaint)
        self.assertRecordValues(ticket, [{"visit_score": 2.0, "complaint_count": 1}])

    def test_good_score_opens_nothing(self):
        self.env["helpdesk.ticket"]._cron_schedule_visits()
        visit = self.ticket_a.visit_ids
        visit.score = 3
        visit.action_record_score()
        self.assertRecordValues(visit, [{"state": "done", "complaint_ticket_id": False}])
        self.assertFalse(self.ticket_a.complaint_ids)

    def test_bad_input(self):
        self.env["helpdesk.ticket"]._cron_schedule_visits()
        visit = self.ticket_a.visit_ids
        with (
            self.assertRaisesRegex(ValidationError, r"must be between 1 and 5, not 6"),
            self.cr.savepoint(),
        ):
            visit.score = 6
        with (
            self.assertRaisesRegex(ValidationError, r"must be between 1 and 5, not -1"),
            self.cr.savepoint(),
        ):
            visit.write({"score": -1})
        with self.assertRaisesRegex(ValidationError, r"Enter the customer's score of RV/"):
            visit.action_record_score()
        self.assertRecordValues(
            visit, [{"state": "planned", "score": 0, "complaint_ticket_id": False}]
        )
        visit.score = 1
        visit.action_record_score()
        with self.assertRaisesRegex(UserError, r"is not waiting for a call"):
            visit.action_record_score()
        with self.assertRaisesRegex(UserError, r"A done return visit cannot be cancelled"):
            visit.action_cancel()
        with self.assertRaisesRegex(UserError, r"is not planned"):
            visit.action_send_survey()
        self.assertEqual(len(self.ticket_a.complaint_ids), 1)

    def test_survey_answer_becomes_the_score(self):
        self.env["helpdesk.ticket"]._cron_schedule_visits()
        visit_b = self.ticket_b.visit_ids
        with self.assertRaisesRegex(UserError, r"Bolt Inc has no e-mail address"):
            visit_b.action_send_survey()
        self.assertRecordValues(visit_b, [{"state": "planned", "method": "call"}])
        visit = self.ticket_a.visit_ids.with_user(self.agent_a)
        visit.action_send_survey()
        answer = visit.sudo().survey_user_input_id
        self.assertRecordValues(visit, [{"state": "sent", "method": "survey"}])
        self.assertRecordValues(
            answer,
            [
                {
                    "partner_id": self.contact_a.id,
                    "survey_id": self.env.ref("crm_service.survey_service_satisfaction").id,
                }
            ],
        )
        self.assertIn(answer.access_token, visit.survey_url)
        self.assertIn(answer.access_token, visit.message_ids[0].body)
        question = self.env.ref("crm_service.survey_service_satisfaction_q1")
        very_bad = self.env.ref("crm_service.survey_service_satisfaction_q1_a1")
        answer._save_lines(question, very_bad.id)
        answer._mark_done()
        self.assertRecordValues(visit, [{"state": "done", "score": 1}])
        self.assertRecordValues(
            visit.complaint_ticket_id,
            [{"origin_ticket_id": self.ticket_a.id, "user_id": self.agent_a.id}],
        )

    def test_satisfaction_per_technician(self):
        third = self._new_request(name="Second fault")
        order = self._done_order(third, self.tech_1)
        order.technician_line_ids = [
            Command.create({"user_id": self.tech_2.id, "state": "accepted"})
        ]
        third.stage_id = self.stage_done
        self.env["helpdesk.ticket"]._cron_schedule_visits()
        for ticket, score in ((self.ticket_a, 2), (self.ticket_b, 5), (third, 4)):
            ticket.visit_ids.score = score
            ticket.visit_ids.action_record_score()
        self.assertRecordValues(
            self.tech_1 | self.tech_2,
            [
                {"service_visit_score": 3.0, "service_visit_count": 2},
                {"service_visit_score": 4.5, "service_visit_count": 2},
            ],
        )
        self.assertEqual(self.agent_a.service_visit_count, 0)


@tagged("post_install", "-at_install")
class TestServiceVisitAccess(CrmServiceVisitCommon):
    def test_visits_per_role(self):
        other_company = self.env["res.company"].create({"name": "Other Service Co"})
        far = self._new_request(name="Far away", team=self.team_a)
        far.company_id = other_company
        far.stage_id = self.stage_done
        self.env["helpdesk.ticket"]._cron_schedule_visits()
        visit_a, visit_b, visit_far = (
            self.ticket_a.visit_ids,
            self.ticket_b.visit_ids,
            far.visit_ids,
        )
        self.assertTrue(visit_far)
        expected = {
            self.agent_a: visit_a,
            self.leader_a: visit_a,
            self.agent_b: visit_b,
            self.tech_1: visit_a,
            self.tech_2: visit_b,
            self.manager: visit_a | visit_b,
            self.portal_a: visit_a,
            self.portal_b: visit_b,
        }
        for user, visits in expected.items():
            with self.subTest(user=user.login):
                self.assertEqual(self.Visit.with_user(user).search([]), visits)
        self.manager.company_ids |= other_company
        self.assertEqual(
            self.Visit.with_user(self.manager)
            .with_context(allowed_company_ids=(self.env.company | other_company).ids)
            .search([]),
            visit_a | visit_b | visit_far,
        )
        with self.assertRaisesRegex(UserError, "not allowed to modify"):
            visit_a.with_user(self.tech_1).score = 4
        with self.assertRaisesRegex(UserError, "not allowed to modify"):
            visit_a.with_user(self.portal_a).score = 4
