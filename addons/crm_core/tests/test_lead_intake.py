from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import CrmCoreCommon

INCOMING = """Return-Path: <wang.wei@customer.example>
From: Wang Wei <wang.wei@customer.example>
To: team-one-leads@crm-suite.example
Subject: Quote for 50 widgets
Message-ID: <intake-1@customer.example>
Date: Mon, 02 Mar 2026 08:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 7bit

Please send us a quotation for 50 widgets.
"""

IMPORT_OPTIONS = {
    "import_skip_records": [],
    "import_set_empty_fields": [],
    "fallback_values": {},
    "name_create_enabled_fields": {},
    "encoding": "utf-8",
    "separator": ",",
    "quoting": '"',
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "advanced": False,
    "has_headers": True,
    "keep_matches": False,
    "limit": 2000,
    "skip": 0,
    "tracking_disable": True,
}


@tagged("post_install", "-at_install")
class TestLeadIntake(CrmCoreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_1_pool = cls.env["crm.pool"].search([("team_id", "=", cls.team_1.id)])
        cls.public_pool = cls.env["crm.pool"]._get_public_pool(cls.env.company)

    def _team_one_alias(self):
        alias_domain = self.env["mail.alias.domain"].create({"name": "crm-suite.example"})
        self.team_1.alias_id.write(
            {"alias_name": "team-one-leads", "alias_domain_id": alias_domain.id}
        )

    def test_alias_lead_goes_to_the_leader_without_pool_intake(self):
        # Odoo's own behaviour until the company turns pool intake on.
        self._team_one_alias()
        self.assertFalse(self.env.company.crm_pool_intake)
        lead = self.env["crm.lead"].browse(
            self.env["mail.thread"].message_process("crm.lead", INCOMING)
        )
        self.assertRecordValues(
            lead, [{"team_id": self.team_1.id, "user_id": self.leader_1.id, "pool_id": False}]
        )

    def test_alias_lead_lands_in_team_pool(self):
        self._team_one_alias()
        self.env.company.crm_pool_intake = True
        lead_id = self.env["mail.thread"].message_process("crm.lead", INCOMING)
        lead = self.env["crm.lead"].browse(lead_id)
        self.assertRecordValues(
            lead,
            [
                {
                    "name": "Quote for 50 widgets",
                    "email_from": '"Wang Wei" <wang.wei@customer.example>',
                    "team_id": self.team_1.id,
                    "user_id": False,
                    "pool_id": self.team_1_pool.id,
                }
            ],
        )
        # the team's salespeople see it in their pool, the other team does not
        domain = [("pool_id", "!=", False), ("name", "=", "Quote for 50 widgets")]
        self.assertEqual(self.env["crm.lead"].with_user(self.salesman_b).search(domain), lead)
        self.assertFalse(self.env["crm.lead"].with_user(self.salesman_c).search(domain))
        # and claim it from there
        lead.with_user(self.salesman_b).action_pool_claim()
        self.assertRecordValues(lead, [{"user_id": self.salesman_b.id, "pool_id": False}])

    def test_system_assignment_takes_lead_out_of_pool(self):
        lead = (
            self.env["crm.lead"]
            .with_context(crm_pool_intake=True)
            .create({"name": "Pooled for the cron", "team_id": self.team_1.id})
        )
        self.assertRecordValues(lead, [{"user_id": False, "pool_id": self.team_1_pool.id}])
        # as Odoo's assignment cron does it
        lead.sudo().write({"user_id": self.salesman_a.id})
        self.assertRecordValues(lead, [{"user_id": self.salesman_a.id, "pool_id": False}])

    def _import(self, csv, user):
        wizard = (
            self.env["base_import.import"]
            .with_user(user)
            .create({"res_model": "crm.lead", "file": csv, "file_type": "text/csv"})
        )
        return wizard.execute_import(
            ["name", "email_from", "team_id"], ["name", "email_from", "team"], IMPORT_OPTIONS
        )

    def test_import_leads_into_pools(self):
        csv = (
            b"name,email_from,team\n"
            b"Imported Alpha,alpha@customer.example,Team One\n"
            b"Imported Beta,beta@customer.example,\n"
        )
        result = self._import(csv, self.manager)
        self.assertFalse(result["messages"])
        leads = self.env["crm.lead"].browse(result["ids"])
        self.assertRecordValues(
            leads,
            [
                {
                    "name": "Imported Alpha",
                    "team_id": self.team_1.id,
                    "user_id": False,
                    "pool_id": self.team_1_pool.id,
                },
                {
                    "name": "Imported Beta",
                    "team_id": False,
                    "user_id": False,
                    "pool_id": self.public_pool.id,
                },
            ],
        )

    def test_import_with_owner_stays_owned(self):
        csv = b"name,user_id\nImported Mine,Salesman A\n"
        wizard = (
            self.env["base_import.import"]
            .with_user(self.manager)
            .create({"res_model": "crm.lead", "file": csv, "file_type": "text/csv"})
        )
        result = wizard.execute_import(["name", "user_id"], ["name", "user_id"], IMPORT_OPTIONS)
        self.assertFalse(result["messages"])
        self.assertRecordValues(
            self.env["crm.lead"].browse(result["ids"]),
            [{"name": "Imported Mine", "user_id": self.salesman_a.id, "pool_id": False}],
        )


@tagged("post_install", "-at_install")
class TestConversionDuplicate(CrmCoreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.existing = cls.env["res.partner"].create(
            {
                "name": "Huadong Tech Co., Ltd.",
                "is_company": True,
                "customer_rank": 1,
                "phone": "+86 138 0013 8000",
                "user_id": cls.salesman_a.id,
            }
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Huadong enquiry",
                "type": "lead",
                "partner_name": "HUADONG TECH LTD",
                "contact_name": "Li Lei",
                "email_from": "li.lei@huadong.example",
                "user_id": cls.salesman_a.id,
                "team_id": cls.team_1.id,
            }
        )

    def _wizard(self, user):
        lead = self.lead.with_user(user)
        return Form(
            self.env["crm.lead2opportunity.partner"]
            .with_user(user)
            .with_context(active_model="crm.lead", active_id=lead.id, active_ids=lead.ids)
        )

    def test_block_refuses_new_customer(self):
        self.env.company.crm_duplicate_policy = "block"
        form = self._wizard(self.salesman_a)
        form.action = "create"
        wizard = form.save()
        partners_before = self.env["res.partner"].search_count([])
        with self.assertRaisesRegex(
            UserError,
            r"Huadong enquiry cannot be converted with a new customer HUADONG TECH LTD: Huadong"
            r" Tech Co., Ltd. already has the same Name. Link the lead to the existing customer",
        ):
            wizard.action_apply()
        self.assertRecordValues(self.lead, [{"type": "lead", "partner_id": False}])
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)

    def test_block_by_phone_even_when_unreadable(self):
        self.env.company.crm_duplicate_policy = "block"
        self.lead.write({"partner_name": "Other Name", "phone": "13800138000"})
        form = self._wizard(self.salesman_b)
        self.lead.user_id = self.salesman_b
        self.assertFalse(self.existing.with_user(self.salesman_b).has_access("read"))
        form = self._wizard(self.salesman_b)
        # nothing readable to propose: the wizard keeps "create"
        self.assertEqual(form.action, "create")
        with self.assertRaisesRegex(UserError, "already has the same Phone"):
            form.save().action_apply()
        self.assertEqual(self.lead.type, "lead")

    def test_warn_proposes_existing_customer(self):
        self.assertEqual(self.env.company.crm_duplicate_policy, "warn")
        form = self._wizard(self.salesman_a)
        self.assertEqual(form.action, "exist")
        self.assertEqual(form.partner_id, self.existing)
        form.save().action_apply()
        self.assertRecordValues(
            self.lead, [{"type": "opportunity", "partner_id": self.existing.id}]
        )

    def test_warn_allows_new_customer(self):
        form = self._wizard(self.salesman_a)
        form.action = "create"
        form.save().action_apply()
        self.assertEqual(self.lead.type, "opportunity")
        self.assertNotEqual(self.lead.partner_id.commercial_partner_id, self.existing)
        self.assertEqual(self.lead.partner_id.commercial_partner_id.name, "HUADONG TECH LTD")

    def test_no_duplicate_creates(self):
        self.env.company.crm_duplicate_policy = "block"
        self.lead.partner_name = "Brand New Trading"
        form = self._wizard(self.salesman_a)
        self.assertEqual(form.action, "create")
        form.save().action_apply()
        self.assertRecordValues(self.lead, [{"type": "opportunity"}])
        self.assertEqual(self.lead.partner_id.commercial_partner_id.name, "Brand New Trading")
