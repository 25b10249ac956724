from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from ..tools.normalize import normalize_email, normalize_name, normalize_phone, normalize_vat
from .common import CrmCoreCommon


@tagged("post_install", "-at_install")
class TestDuplicateGuard(CrmCoreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Partner = cls.env["res.partner"]
        cls.company = cls.env.company
        cls.existing = cls.Partner.create(
            {
                "name": "上海华东科技有限公司",
                "is_company": True,
                "customer_rank": 1,
                "phone": "+86 138-0013-8000",
                "email": " Foo@Bar.com ",
                "vat": "91310000-mA1k",
                "company_id": cls.company.id,
            }
        )

    def _set_policy(self, policy):
        self.company.crm_duplicate_policy = policy

    def test_normalisation(self):
        cases = [
            (normalize_name, "上海华东科技有限公司", "上海华东科技"),
            (normalize_name, "上海华东科技股份有限公司", "上海华东科技"),
            (normalize_name, "上海华东集团有限责任公司", "上海华东"),
            (normalize_name, "ACME Co., Ltd.", "acme"),
            (normalize_name, " Acme  Inc. ", "acme"),
            (normalize_name, "Acme-Tech LLC", "acmetech"),
            (normalize_name, "Rheintal Automation GmbH", "rheintalautomation"),
            (normalize_name, "Costco Corp", "costco"),
            (normalize_name, "Ltd", "ltd"),
            (normalize_name, "集团", "集团"),
            (normalize_name, "", False),
            (normalize_phone, "+86 138-0013-8000", "13800138000"),
            (normalize_phone, "13800138000", "13800138000"),
            (normalize_phone, "0086 138 0013 8000", "13800138000"),
            (normalize_phone, "8613800138000", "13800138000"),
            (normalize_phone, "021-6234 5678", "2162345678"),
            (normalize_phone, "+86 21 6234 5678", "2162345678"),
            (normalize_phone, "1234", False),
            (normalize_phone, False, False),
            (normalize_email, " Foo@Bar.com ", "foo@bar.com"),
            (normalize_email, "  ", False),
            (normalize_vat, "91310000-mA1k", "91310000MA1K"),
            (normalize_vat, "/", False),
        ]
        for function, value, expected in cases:
            with self.subTest(function=function.__name__, value=value):
                self.assertEqual(function(value), expected)

    def test_stored_keys(self):
        self.assertRecordValues(
            self.existing,
            [
                {
                    "dup_name_key": "上海华东科技",
                    "dup_phone_key": "13800138000",
                    "dup_email_key": "foo@bar.com",
                    "dup_vat_key": "91310000MA1K",
                }
            ],
        )
        self.existing.phone = "021 6234 5678"
        self.assertEqual(self.existing.dup_phone_key, "2162345678")

    def test_warn_mode_lists_duplicates(self):
        self.assertEqual(self.company.crm_duplicate_policy, "warn")
        same_phone = self.Partner.create(
            {"name": "Other Name", "customer_rank": 1, "phone": "13800138000"}
        )
        same_name = self.Partner.create(
            {"name": "上海华东科技", "is_company": True, "user_id": self.salesman_a.id}
        )
        self.assertEqual(same_phone.duplicate_partner_ids, self.existing)
        self.assertEqual(same_name.duplicate_partner_ids, self.existing)
        self.assertEqual(self.existing.duplicate_partner_ids, same_phone | same_name)
        self.assertIn(
            f'<a href="/odoo/res.partner/{self.existing.id}">上海华东科技有限公司</a> (same Name)',
            same_name.duplicate_warning,
        )
        self.assertIn("(same Phone)", same_phone.duplicate_warning)
        self.assertFalse(self.customers["a"].duplicate_partner_ids)
        self.assertFalse(self.customers["a"].duplicate_warning)

    def test_salesperson_sees_duplicates_they_cannot_read(self):
        theirs = self.Partner.create(
            {
                "name": "Shared Phone B",
                "customer_rank": 1,
                "user_id": self.salesman_b.id,
                "phone": "13700000000",
            }
        )
        mine = self.Partner.with_user(self.salesman_a).create(
            {
                "name": "Shared Phone A",
                "customer_rank": 1,
                "user_id": self.salesman_a.id,
                "phone": "137 0000 0000",
            }
        )
        self.assertFalse(theirs.with_user(self.salesman_a).has_access("read"))
        self.assertEqual(mine.duplicate_partner_ids.ids, theirs.ids)
        self.assertEqual(
            mine.duplicate_warning,
            f'<a href="/odoo/res.partner/{theirs.id}">Shared Phone B</a> (same Phone)',
        )

    def test_contacts_non_customers_and_other_companies_are_ignored(self):
        self._set_policy("block")
        other_company = self.env["res.company"].create({"name": "Other Company"})
        contact = self.Partner.create(
            {"name": "Buyer", "parent_id": self.customers["a"].id, "phone": "13800138000"}
        )
        vendor = self.Partner.create(
            {"name": "上海华东科技", "supplier_rank": 1, "company_id": self.company.id}
        )
        abroad = self.Partner.create(
            {
                "name": "上海华东科技",
                "customer_rank": 1,
                "phone": "13800138000",
                "company_id": other_company.id,
            }
        )
        self.assertFalse(contact.duplicate_partner_ids)
        self.assertFalse(vendor.duplicate_partner_ids)
        self.assertFalse(abroad.duplicate_partner_ids)
        # the vendor is a commercial partner: a new customer with its name matches it
        self.assertEqual(self.existing.duplicate_partner_ids, vendor)

    def test_block_mode(self):
        self._set_policy("block")
        cases = [
            (
                {"name": "上海华东科技"},
                "Customer 上海华东科技 cannot be saved: 上海华东科技有限公司 already has the"
                " same Name.",
            ),
            (
                {"name": "New Co", "phone": "0086 13800138000", "email": "FOO@bar.com"},
                "Customer New Co cannot be saved: 上海华东科技有限公司 already has the same"
                " Phone, Email.",
            ),
            (
                {"name": "Vat Co", "vat": "91310000MA1K"},
                "Customer Vat Co cannot be saved: 上海华东科技有限公司 already has the same"
                " Tax ID.",
            ),
        ]
        for vals, message in cases:
            with self.subTest(vals=vals):
                with self.assertRaises(ValidationError) as error:
                    self.Partner.create({"is_company": True, "customer_rank": 1, **vals})
                self.assertEqual(error.exception.args[0], message)
        partner = self.Partner.create(
            {"name": "Different", "is_company": True, "customer_rank": 1, "phone": "13900000000"}
        )
        with self.assertRaises(ValidationError) as error:
            partner.write({"phone": "+86 13800138000"})
        self.assertEqual(
            error.exception.args[0],
            "Customer Different cannot be saved: 上海华东科技有限公司 already has the same Phone.",
        )
        self.assertEqual(partner.phone, "13900000000")
        # a partner that is not a customer is not blocked
        vendor = self.Partner.create({"name": "上海华东科技", "supplier_rank": 1})
        self.assertEqual(vendor.dup_name_key, "上海华东科技")
        # the salesperson is blocked too, even by a customer they cannot read
        with self.assertRaises(ValidationError):
            self.Partner.with_user(self.salesman_a).create(
                {"name": "Huadong", "customer_rank": 1, "email": "foo@bar.com"}
            )

    def test_one_query_for_the_batch(self):
        partners = self.Partner.create(
            [
                {"name": f"Batch {i}", "customer_rank": 1, "phone": f"1380000000{i}"}
                for i in range(5)
            ]
        )
        self.env.flush_all()
        with self.assertQueryCount(1):
            matches = partners._find_duplicate_matches()
        self.assertFalse(matches)

    def test_onchange_warning(self):
        Partner = self.Partner.with_context(default_customer_rank=1, default_is_company=True)
        with self.assertLogs("odoo.tests.form.onchange", level="WARNING") as logs:
            with Form(Partner) as form:
                form.name = "Brand New"
                self.assertFalse(form.duplicate_warning)
                form.phone = "138 0013 8000"
                self.assertEqual(
                    form.duplicate_warning,
                    f'<a href="/odoo/res.partner/{self.existing.id}">上海华东科技有限公司</a>'
                    " (same Phone)",
                )
        self.assertEqual(
            logs.output,
            [
                "WARNING:odoo.tests.form.onchange:Possible duplicate customer"
                " Existing customers look the same: 上海华东科技有限公司"
            ],
        )

    def test_merge_duplicates_in_block_mode(self):
        duplicate = self.Partner.create(
            {"name": "上海华东科技", "is_company": True, "customer_rank": 1}
        )
        lead = self.env["crm.lead"].create({"name": "Dup lead", "partner_id": duplicate.id})
        self._set_policy("block")
        # the guard is on: the duplicate cannot even be renamed
        with self.assertRaises(ValidationError):
            duplicate.write({"phone": "13800138000"})
        wizard = self.env["base.partner.merge.automatic.wizard"].create({})
        wizard._merge((self.existing | duplicate).ids, self.existing)
        self.assertFalse(duplicate.exists())
        self.assertEqual(lead.partner_id, self.existing)
        self.assertEqual(self.existing.dup_name_key, "上海华东科技")
