import json
from urllib.parse import urlsplit

from freezegun import freeze_time

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.crm_core.tools import rate_limit

from .test_reseller import ResellerCommon


class ResellerPortalCommon(ResellerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]

        def portal_user(login, company):
            name = login.replace("_", " ").title()
            contact = Partner.create({"name": name, "parent_id": company.id})
            return new_test_user(
                cls.env, login=login, groups="base.group_portal", partner_id=contact.id
            )

        cls.reseller_user = portal_user("res_portal_silver", cls.sh_silver)
        cls.other_user = portal_user("res_portal_bronze", cls.sh_bronze)
        cls.customer_user = portal_user("res_portal_customer", cls.sh_customer)
        cls.mine = cls.lead(
            "Pudong Line Upgrade",
            cls.sh_customer,
            reseller_id=cls.sh_silver.id,
            contact_name="Wang Fang",
            expected_revenue=1000.0,
            description="Internal: the margin is thin",
        )
        cls.theirs = cls.lead("Bronze Deal", cls.sh_customer, reseller_id=cls.sh_bronze.id)
        cls.internal = cls.lead("Internal Deal", cls.sh_customer)
        cls.declined = cls.lead("Declined Deal", cls.sh_customer, reseller_id=cls.sh_silver.id)
        cls.declined.write({"reseller_state": "declined", "reseller_decline_reason": "No"})

    def setUp(self):
        super().setUp()
        rate_limit.reset()
        self.notes_domain = [
            ("model", "=", "crm.lead"),
            ("res_id", "=", self.mine.id),
            ("message_type", "=", "comment"),
        ]

    def post(self, lead, verb, **data):
        return self.url_open(
            f"/my/opportunities/{lead.id if lead else 0}/{verb}",
            data={**data, "csrf_token": http.Request.csrf_token(self)},
        )


@tagged("post_install", "-at_install")
class TestResellerPortal(ResellerPortalCommon, HttpCase):
    def test_pages_show_my_assignments_only(self):
        self.authenticate("res_portal_silver", "res_portal_silver")
        response = self.url_open("/my/opportunities")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Pudong Line Upgrade", response.text)
        for name in ("Bronze Deal", "Internal Deal", "Declined Deal"):
            self.assertNotIn(name, response.text)
        response = self.url_open("/my/home")
        self.assertIn("/my/opportunities", response.text)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["crm_reseller_opportunity_count"]}
        )
        self.assertEqual(counters, {"crm_reseller_opportunity_count": 1})
        response = self.url_open(f"/my/opportunities/{self.mine.id}")
        self.assertEqual(response.status_code, 200)
        for shown in ("Pudong Trading", "Shanghai", "Wang Fang", "Accept"):
            self.assertIn(shown, response.text)
        self.assertNotIn("the margin is thin", response.text)
        for lead_id in (self.theirs.id, self.internal.id, self.declined.id, 0, 10**30, 2**31):
            with self.subTest(lead_id=lead_id):
                response = self.url_open(f"/my/opportunities/{lead_id}")
                self.assertEqual(response.status_code, 404)

    def test_other_portal_users_see_nothing(self):
        self.authenticate("res_portal_customer", "res_portal_customer")
        response = self.url_open("/my/opportunities")
        self.assertEqual(urlsplit(response.url).path, "/my")
        response = self.url_open(f"/my/opportunities/{self.mine.id}")
        self.assertEqual(response.status_code, 404)
        self.authenticate("res_portal_bronze", "res_portal_bronze")
        response = self.url_open("/my/opportunities")
        self.assertIn("Bronze Deal", response.text)
        self.assertNotIn("Pudong Line Upgrade", response.text)
        self.assertEqual(self.post(self.mine, "accept").status_code, 404)
        self.assertEqual(self.mine.reseller_state, "assigned")

    def test_rpc_has_no_access(self):
        Lead = self.env["crm.lead"]
        for user in (self.reseller_user, self.other_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Lead.with_user(user).search([])
        self.authenticate("res_portal_silver", "res_portal_silver")
        for method, args in (("search_read", [[]]), ("read", [[self.mine.id], ["name"]])):
            with self.subTest(method=method):
                response = self.url_open(
                    "/web/dataset/call_kw",
                    data=json.dumps(
                        {
                            "jsonrpc": "2.0",
                            "method": "call",
                            "params": {
                                "model": "crm.lead",
                                "method": method,
                                "args": args,
                                "kwargs": {},
                            },
                        }
                    ),
                    headers={"Content-Type": "application/json"},
                )
                error = response.json()["error"]["data"]
                self.assertEqual(error["name"], "odoo.exceptions.AccessError")

    def test_bad_inputs(self):
        self.authenticate("res_portal_silver", "res_portal_silver")
        self.assertEqual(self.post(None, "accept").status_code, 404)
        self.assertEqual(self.post(self.theirs, "accept").status_code, 404)
        self.assertEqual(self.post(self.mine, "bogus").status_code, 404)
        response = self.post(self.mine, "update", stage_id=self.stage_demo.id)
        self.assertIn("Accept the opportunity before you update it.", response.text)
        response = self.post(self.mine, "decline", reason="  ")
        self.assertIn("Tell us why you decline this opportunity.", response.text)
        self.assertEqual(self.mine.reseller_state, "assigned")
        self.post(self.mine, "accept")
        self.assertEqual(self.mine.reseller_state, "accepted")
        response = self.post(self.mine, "accept")
        self.assertIn("Only a new assignment can be accepted.", response.text)
        cases = [
            ({"stage_id": self.stage_foreign.id}, "Choose one of the stages"),
            ({"stage_id": "abc"}, "Choose one of the stages"),
            ({"stage_id": self.stage_demo.id, "expected_revenue": "-5"}, "zero or more"),
            ({"stage_id": self.stage_demo.id, "expected_revenue": "lots"}, "zero or more"),
            ({"stage_id": self.stage_new.id, "expected_revenue": "1000"}, "Nothing was changed"),
        ]
        for data, message in cases:
            with self.subTest(message=message):
                response = self.post(self.mine, "update", **data)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
        # Nothing half-done: the valid stage of a refused post is not written.
        self.assertRecordValues(
            self.mine, [{"stage_id": self.stage_new.id, "expected_revenue": 1000.0}]
        )
        with freeze_time("2026-06-10 10:00:00"):
            for data, message in [
                ({"date": "", "activity_note": "Called"}, "Give the date of the activity."),
                ({"date": "2026-13-45", "activity_note": "Called"}, "Give the date"),
                ({"date": "2026-06-11", "activity_note": "Called"}, "cannot be in the future"),
                ({"date": "2026-06-09", "activity_note": " "}, "Describe the activity."),
            ]:
                with self.subTest(message=message):
                    self.assertIn(message, self.post(self.mine, "activity", **data).text)
        notes = self.env["mail.message"].search(self.notes_domain)
        self.assertFalse(notes)

    def test_decline(self):
        self.authenticate("res_portal_silver", "res_portal_silver")
        response = self.post(self.mine, "decline", reason="Out of our range")
        self.assertEqual(urlsplit(response.url).path, "/my/opportunities")
        self.assertRecordValues(
            self.mine,
            [{"reseller_state": "declined", "reseller_decline_reason": "Out of our range"}],
        )
        self.assertEqual(self.url_open(f"/my/opportunities/{self.mine.id}").status_code, 404)


@tagged("post_install", "-at_install")
class TestResellerPortalTour(ResellerPortalCommon, HttpCase):
    def test_reseller_portal_tour(self):
        with freeze_time("2026-06-10 10:00:00"):
            self.start_tour("/my", "crm_core_reseller_portal", login="res_portal_silver")
        self.assertRecordValues(
            self.mine,
            [
                {
                    "reseller_state": "accepted",
                    "stage_id": self.stage_demo.id,
                    "expected_revenue": 2500.0,
                }
            ],
        )
        notes = self.env["mail.message"].search(self.notes_domain, order="id")
        self.assertRecordValues(
            notes,
            [
                {"author_id": self.reseller_user.partner_id.id, "body": "<p>Demo booked</p>"},
                {
                    "author_id": self.reseller_user.partner_id.id,
                    "body": "<p>Activity of 2026-06-09: Visited the plant</p>",
                },
            ],
        )
