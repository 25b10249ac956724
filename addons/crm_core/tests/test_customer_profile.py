from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import CrmCoreCommon


@tagged("post_install", "-at_install")
class TestCustomerProfile(CrmCoreCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.enterprise = cls.env.ref("crm_core.customer_type_enterprise")
        cls.individual = cls.env.ref("crm_core.customer_type_individual")
        Region = cls.env["crm.sales.region"]
        cls.east = Region.create({"name": "华东"})
        cls.shanghai = Region.create({"name": "上海", "parent_id": cls.east.id})
        cls.pudong = Region.create({"name": "浦东", "parent_id": cls.shanghai.id})
        cls.industry = cls.env["res.partner.industry"].create({"name": "Profile Industry"})
        cls.Partner = cls.env["res.partner"]

    def _enterprise_vals(self, **vals):
        return {
            "name": "ACME",
            "is_company": True,
            "customer_rank": 1,
            "customer_type_id": self.enterprise.id,
            "legal_name": "ACME Trading Co., Ltd.",
            "industry_id": self.industry.id,
            "region_id": self.shanghai.id,
            "phone": "+86 21 5555 0101",
            **vals,
        }

    # Collection rules
    def test_enterprise_missing_fields_messages(self):
        cases = [
            (
                {"legal_name": False, "industry_id": False, "region_id": False, "phone": False},
                "Customer ACME cannot be saved: missing Full Legal Name, Industry, Sales Region,"
                " Phone or Email.",
            ),
            (
                {"legal_name": False, "industry_id": False, "region_id": False},
                "Customer ACME cannot be saved: missing Full Legal Name, Industry, Sales Region.",
            ),
            ({"legal_name": False}, "Customer ACME cannot be saved: missing Full Legal Name."),
            ({"industry_id": False}, "Customer ACME cannot be saved: missing Industry."),
            ({"region_id": False}, "Customer ACME cannot be saved: missing Sales Region."),
            ({"phone": False}, "Customer ACME cannot be saved: missing Phone or Email."),
        ]
        for missing, message in cases:
            with self.subTest(missing=missing):
                with self.assertRaises(ValidationError) as error:
                    self.Partner.create(self._enterprise_vals(**missing))
                self.assertEqual(error.exception.args[0], message)
        self.assertFalse(self.Partner.search([("name", "=", "ACME")]))

    def test_message_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["base", "crm_core"], ["zh_CN"])
        Partner = self.Partner.with_context(lang="zh_CN")
        with self.assertRaises(ValidationError) as error:
            Partner.create(self._enterprise_vals(legal_name=False, industry_id=False, phone=False))
        self.assertEqual(
            error.exception.args[0],
            "客户 ACME 无法保存：缺少企业全称, 行业, 电话或邮箱。",  # noqa: RUF001
        )

    def test_enterprise_complete_then_cleared(self):
        partner = self.Partner.create(self._enterprise_vals())
        self.assertRecordValues(
            partner,
            [
                {
                    "customer_type_id": self.enterprise.id,
                    "legal_name": "ACME Trading Co., Ltd.",
                    "region_id": self.shanghai.id,
                    "lifecycle_stage": "potential",
                }
            ],
        )
        # email instead of phone satisfies the contact channel rule
        partner.write({"phone": False, "email": "sales@acme.example.com"})
        with self.assertRaises(ValidationError) as error:
            partner.write({"industry_id": False, "region_id": False})
        self.assertEqual(
            error.exception.args[0],
            "Customer ACME cannot be saved: missing Industry, Sales Region.",
        )
        with self.assertRaises(ValidationError) as error:
            partner.write({"email": False})
        self.assertEqual(
            error.exception.args[0], "Customer ACME cannot be saved: missing Phone or Email."
        )
        self.assertEqual(partner.email, "sales@acme.example.com")

    def test_changing_the_type_checks_the_new_rules(self):
        partner = self.Partner.create(
            {"name": "Li Lei", "customer_type_id": self.individual.id, "email": "li@example.com"}
        )
        with self.assertRaises(ValidationError) as error:
            partner.write({"customer_type_id": self.enterprise.id})
        self.assertEqual(
            error.exception.args[0],
            "Customer Li Lei cannot be saved: missing Full Legal Name, Industry, Sales Region.",
        )
        self.assertEqual(partner.customer_type_id, self.individual)

    def test_individual_contact_channel(self):
        with self.assertRaises(ValidationError) as error:
            self.Partner.create({"name": "Han Meimei", "customer_type_id": self.individual.id})
        self.assertEqual(
            error.exception.args[0], "Customer Han Meimei cannot be saved: missing Phone or Email."
        )
        partner = self.Partner.create(
            {"name": "Han Meimei", "customer_type_id": self.individual.id, "phone": "13900000000"}
        )
        self.assertEqual(partner.dup_phone_key, "13900000000")

    def test_several_partners_are_reported_together(self):
        with self.assertRaises(ValidationError) as error:
            self.Partner.create(
                [
                    self._enterprise_vals(name="First", legal_name=False),
                    self._enterprise_vals(name="Second"),
                    {"name": "Third", "customer_type_id": self.individual.id},
                ]
            )
        self.assertEqual(
            error.exception.args[0],
            "Customer First cannot be saved: missing Full Legal Name.\n"
            "Customer Third cannot be saved: missing Phone or Email.",
        )

    def test_partners_without_type_are_not_checked(self):
        partner = self.Partner.create({"name": "Bare Partner", "customer_rank": 1})
        self.assertFalse(partner.customer_type_id)
        partner.write({"is_company": True, "phone": False})
        # a contact of a typed customer does not inherit its rules
        customer = self.Partner.create(self._enterprise_vals())
        contact = self.Partner.create({"name": "ACME Buyer", "parent_id": customer.id})
        self.assertFalse(contact.customer_type_id)

    def test_customer_form_defaults_the_type(self):
        Partner = self.Partner.with_context(crm_customer_form=True, default_customer_rank=1)
        with Form(Partner.with_context(default_is_company=True)) as form:
            self.assertEqual(form.customer_type_id, self.enterprise)
            form.name = "Form Person"
            form.company_type = "person"
            self.assertEqual(form.customer_type_id, self.individual)
            form.email = "form.person@example.com"
        self.assertEqual(form.record.customer_type_id, self.individual)
        # outside our Customers screen no type is set
        self.assertFalse(self.Partner.create({"name": "Plain"}).customer_type_id)

    def test_required_fields_must_be_partner_fields(self):
        lead_field = self.env["ir.model.fields"]._get("crm.lead", "name")
        with self.assertRaises(ValidationError) as error:
            self.enterprise.write({"required_field_ids": [Command.link(lead_field.id)]})
        self.assertEqual(
            error.exception.args[0],
            "Customer type Enterprise can only require stored fields of customers;"
            " Opportunity cannot be required.",
        )

    # Regions
    def test_region_hierarchy(self):
        self.assertRecordValues(
            self.pudong | self.shanghai,
            [
                {"complete_name": "华东 / 上海 / 浦东", "parent_path": self.pudong.parent_path},
                {"complete_name": "华东 / 上海", "parent_path": self.shanghai.parent_path},
            ],
        )
        self.assertEqual(
            self.pudong.parent_path, f"{self.east.id}/{self.shanghai.id}/{self.pudong.id}/"
        )
        self.east.name = "East China"
        self.assertEqual(self.pudong.complete_name, "East China / 上海 / 浦东")
        customer = self.Partner.create(self._enterprise_vals(region_id=self.pudong.id))
        self.assertEqual(self.Partner.search([("region_id", "child_of", self.east.id)]), customer)

    def test_region_recursion(self):
        for region in (self.east, self.pudong):
            with self.subTest(region=region.name):
                with self.assertRaises(ValidationError) as error:
                    self.east.parent_id = region
                self.assertEqual(
                    error.exception.args[0],
                    "A sales region cannot be its own parent, directly or indirectly.",
                )

    # Access
    def test_salesperson_reads_but_cannot_configure(self):
        Type = self.env["crm.customer.type"].with_user(self.salesman_a)
        self.assertEqual(Type.search([]), self.enterprise | self.individual)
        with self.assertRaises(AccessError):
            Type.create({"name": "Reseller"})
        with self.assertRaises(AccessError):
            self.enterprise.with_user(self.salesman_a).write({"require_contact_channel": False})
        with self.assertRaises(AccessError):
            self.env["crm.sales.region"].with_user(self.salesman_a).create({"name": "West"})
        with self.assertRaises(AccessError):
            self.env["crm.customer.level"].with_user(self.salesman_a).create(
                {"name": "D", "code": "D"}
            )
        region = self.env["crm.sales.region"].with_user(self.manager).create({"name": "West"})
        self.assertEqual(region.complete_name, "West")
        # the salesperson still fills the profile of their own customer
        customer = self.customers["a"].with_user(self.salesman_a)
        customer.write({"region_id": self.shanghai.id, "lifecycle_stage": "intention"})
        self.assertEqual(customer.region_id, self.shanghai)
        with self.assertRaises(ValidationError) as error:
            customer.write({"customer_type_id": self.enterprise.id})
        self.assertEqual(
            error.exception.args[0],
            "Customer Matrix Customer a cannot be saved: missing Full Legal Name, Industry,"
            " Phone or Email.",
        )
        customer.write(
            {
                "customer_type_id": self.enterprise.id,
                "legal_name": "Matrix Customer A Ltd.",
                "industry_id": self.industry.id,
                "email": "a@matrix.example.com",
            }
        )
        self.assertEqual(customer.customer_type_id, self.enterprise)

    # Lifecycle
    def test_first_confirmed_order_makes_a_deal(self):
        customers = self.records("customers", ["a", "b", "c"])
        customers[0].lifecycle_stage = "potential"
        customers[1].lifecycle_stage = "intention"
        customers[2].lifecycle_stage = "loyal"
        orders = self.records("orders", ["a", "b", "c"])
        orders.action_confirm()
        self.assertEqual(customers.mapped("lifecycle_stage"), ["deal", "deal", "loyal"])
        # an order for a contact moves its company
        pool = self.customers["pool"]
        self.assertEqual(pool.lifecycle_stage, "potential")
        order = self.env["sale.order"].create(
            {
                "partner_id": self.contacts["pool"].id,
                "order_line": [Command.create({"product_id": self.product.id})],
            }
        )
        order.with_user(self.manager).action_confirm()
        self.assertEqual(pool.lifecycle_stage, "deal")
        self.assertEqual(self.contacts["pool"].lifecycle_stage, "potential")


@tagged("post_install", "-at_install")
class TestProfileMenus(CrmCoreCommon):
    def test_configuration_menus_reach_the_profile_lists(self):
        config = self.env.ref("crm.crm_menu_config")
        menus = [
            ("crm_core.crm_customer_level_menu", "crm_core.crm_customer_level_action"),
            ("crm_core.crm_customer_type_menu", "crm_core.crm_customer_type_action"),
            ("crm_core.crm_sales_region_menu", "crm_core.crm_sales_region_action"),
            ("crm_core.crm_rfm_segment_menu", "crm_core.crm_rfm_segment_action"),
        ]
        for menu_xmlid, action_xmlid in menus:
            menu = self.env.ref(menu_xmlid)
            self.assertEqual(menu.parent_id, config, menu_xmlid)
            self.assertEqual(menu.action, self.env.ref(action_xmlid), menu_xmlid)
        # Managers only: a salesperson's menu tree leaves the RFM segments out.
        visible = self.env["ir.ui.menu"].with_user(self.salesman_a)._visible_menu_ids()
        self.assertNotIn(self.env.ref("crm_core.crm_rfm_segment_menu").id, visible)
        self.assertIn(self.env.ref("crm_core.crm_customer_level_menu").id, visible)
