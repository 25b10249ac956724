from datetime import timedelta

from odoo import fields

from .common import CrmCoreCommon, FrozenTodayMixin


class CrmWorkReportCommon(FrozenTodayMixin, CrmCoreCommon):
    """CrmCoreCommon's teams at 10:00 on the frozen day; the week and the month
    that contain it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        cls.now = fields.Datetime.now()
        cls.monday = cls.today - timedelta(days=cls.today.weekday())
        cls.env["crm.lead"].browse([lead.id for lead in cls.leads.values()]).type = "opportunity"
        cls.Report = cls.env["crm.work.report"]

    def figures(self, report):
        return {line.key: line.value for line in report.line_ids}
