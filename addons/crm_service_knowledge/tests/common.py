from odoo.addons.crm_service.tests.common import CrmServiceCommon


class ServiceKnowledgeCommon(CrmServiceCommon):
    """crm_service's teams, agents and customers, and published articles on printers
    and passwords beside a draft one on printers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Article = cls.env["crm.knowledge.article"]

        def article(name, body, state="published", audience="internal"):
            return Article.create(
                {"name": name, "body": body, "state": state, "audience": audience}
            )

        cls.art_jam = article(
            "Printer paper jam", "<p>Open the rear cover and pull the jammed sheet out.</p>"
        )
        cls.art_jam_cn = article("打印机卡纸怎么办", "<p>打开后盖，取出卡住的纸张。</p>")  # noqa: RUF001
        cls.art_password = article(
            "Reset a forgotten password", "<p>Use the link on the login page.</p>"
        )
        cls.art_draft = article(
            "Printer paper jam (old text)", "<p>Call the supplier.</p>", state="draft"
        )
