from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestPoolNames(TransactionCase):
    """The pools the system makes are named in every installed language: on creation,
    when a language is installed later, and when their team is renamed."""

    def names(self, pool):
        return {lang: pool.with_context(lang=lang).name for lang in ("en_US", "zh_CN")}

    def install_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["crm_core"], ["zh_CN"])

    def test_names_when_chinese_is_installed_later(self):
        company = self.env["res.company"].create({"name": "Pool Names Co"})
        team = self.env["crm.team"].create({"name": "East China Sales", "company_id": company.id})
        public = self.env["crm.pool"]._get_public_pool(company)
        self.assertEqual(public.name, "Public Pool")
        self.assertEqual(team.pool_ids.name, "East China Sales Pool")
        self.env["res.lang"]._activate_lang("zh_CN")
        team.update_field_translations("name", {"zh_CN": "华东销售部"})
        self.env["ir.module.module"]._load_module_terms(["crm_core"], ["zh_CN"])
        self.assertEqual(self.names(public), {"en_US": "Public Pool", "zh_CN": "公共资源池"})
        self.assertEqual(
            self.names(team.pool_ids),
            {"en_US": "East China Sales Pool", "zh_CN": "华东销售部 资源池"},
        )

    def test_names_when_created_in_chinese(self):
        self.install_chinese()
        Chinese = self.env(context=dict(self.env.context, lang="zh_CN"))
        company = Chinese["res.company"].create({"name": "华北公司"})
        team = Chinese["crm.team"].create({"name": "华北销售部", "company_id": company.id})
        self.assertEqual(
            self.names(self.env["crm.pool"]._get_public_pool(company)),
            {"en_US": "Public Pool", "zh_CN": "公共资源池"},
        )
        self.assertEqual(
            self.names(team.pool_ids), {"en_US": "华北销售部 Pool", "zh_CN": "华北销售部 资源池"}
        )

    def test_names_follow_the_team(self):
        self.install_chinese()
        team = self.env["crm.team"].create({"name": "North Sales"})
        pool = team.pool_ids
        self.assertEqual(
            self.names(pool), {"en_US": "North Sales Pool", "zh_CN": "North Sales 资源池"}
        )
        team.with_context(lang="zh_CN").name = "华北销售部"
        self.assertEqual(
            self.names(pool), {"en_US": "North Sales Pool", "zh_CN": "华北销售部 资源池"}
        )
        team.with_context(lang="en_US").name = "North China Sales"
        self.assertEqual(
            self.names(pool), {"en_US": "North China Sales Pool", "zh_CN": "华北销售部 资源池"}
        )

    def test_a_name_typed_by_a_user_stays(self):
        self.install_chinese()
        team = self.env["crm.team"].create({"name": "South Sales"})
        pool = team.pool_ids
        pool.with_context(lang="zh_CN").name = "重点客户池"
        team.name = "South China Sales"
        self.assertEqual(self.names(pool), {"en_US": "South Sales Pool", "zh_CN": "重点客户池"})
        self.env["ir.module.module"]._load_module_terms(["crm_core"], ["zh_CN"])
        self.assertEqual(self.names(pool), {"en_US": "South Sales Pool", "zh_CN": "重点客户池"})
