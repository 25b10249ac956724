from odoo import api, fields, models


class CrmWorkReportLine(models.Model):
    """One figure of a report. Its label comes from the section registry in the
    reader's language, so the same report prints in Chinese or in English."""

    _name = "crm.work.report.line"
    _description = "Work Report Figure"
    _order = "report_id, sequence, id"

    report_id = fields.Many2one("crm.work.report", required=True, index=True, ondelete="cascade")
    key = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    label = fields.Char(compute="_compute_label")
    value = fields.Float(string="Figure", digits=(16, 2))
    is_amount = fields.Boolean()
    display_value = fields.Char(string="Value", compute="_compute_display_value")
    user_id = fields.Many2one(related="report_id.user_id", store=True, index=True)
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)

    @api.depends("key")
    @api.depends_context("lang")
    def _compute_label(self):
        labels = {
            section["key"]: section["label"]
            for section in self.env["crm.work.report"]._work_report_sections()
        }
        for line in self:
            line.label = labels.get(line.key, line.key)

    @api.depends("value", "is_amount")
    def _compute_display_value(self):
        for line in self:
            line.display_value = f"{line.value:,.2f}" if line.is_amount else str(round(line.value))
