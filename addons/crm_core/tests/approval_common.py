from odoo.addons.crm_core.tests.common import CrmCoreCommon


class ApprovalCommon(CrmCoreCommon):
    """Salespeople may give 10 %, salesman_b 20 % (own row); sales managers 100 %
    (data). Order "a" of salesman_a carries a 15 % line: over authority."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.crm_discount_approval = True
        Authority = cls.env["crm.discount.authority"]
        cls.authority_salesman = Authority.create(
            {"group_id": cls.env.ref("sales_team.group_sale_salesman").id, "max_discount": 10}
        )
        cls.authority_b = Authority.create({"user_id": cls.salesman_b.id, "max_discount": 20})
        cls.order = cls.orders["a"]
        cls.order.order_line.write({"discount": 15, "name": "Matrix Widget"})
        cls.definition = cls.env.ref("crm_core.tier_definition_sale_discount")
        # Only the test's manager reviews (admin is a sales manager too).
        cls.definition.write(
            {"review_type": "individual", "reviewer_id": cls.manager.id, "reviewer_group_id": False}
        )
        cls.env.ref("base.user_admin").email = "admin@example.com"

    def _request(self, order=None, user=None):
        order = (order or self.order).with_user(user or self.salesman_a)
        order.request_validation()
        return order
