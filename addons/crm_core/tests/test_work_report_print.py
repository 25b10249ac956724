from odoo.tests import tagged

from .work_report_common import CrmWorkReportCommon


@tagged("post_install", "-at_install")
class TestWorkReportPrint(CrmWorkReportCommon):
    def render(self, report):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "crm_core.crm_work_report_action_print", report.ids
        )
        return html.decode()

    def test_print_in_english_and_chinese(self):
        report = self.Report.create({"user_id": self.salesman_a.id, "date_from": self.today})
        report.summary = "<p>Visited Zhang</p>"
        report.action_generate()
        html = self.render(report)
        for text in (
            "Work Report",
            "Activities Done",
            "Next Period",
            "Visited Zhang",
            "Salesman A",
        ):
            self.assertIn(text, html)
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "crm_core")])._update_translations(
            ["zh_CN"]
        )
        self.salesman_a.lang = "zh_CN"
        html = self.render(report)
        for text in ("工作报告", "完成的活动", "下期计划", "Visited Zhang"):
            self.assertIn(text, html)
        self.assertNotIn("Activities Done", html)
