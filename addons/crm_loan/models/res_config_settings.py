from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_loan_ship_days_before = fields.Integer(
        related="company_id.crm_loan_ship_days_before", readonly=False
    )
    crm_loan_ship_days_after = fields.Integer(
        related="company_id.crm_loan_ship_days_after", readonly=False
    )
    crm_loan_return_days_before = fields.Integer(
        related="company_id.crm_loan_return_days_before", readonly=False
    )
    crm_loan_return_days_after = fields.Integer(
        related="company_id.crm_loan_return_days_after", readonly=False
    )
    crm_loan_feedback_days_before = fields.Integer(
        related="company_id.crm_loan_feedback_days_before", readonly=False
    )
    crm_loan_feedback_days_after = fields.Integer(
        related="company_id.crm_loan_feedback_days_after", readonly=False
    )
    crm_loan_alert_sms = fields.Boolean(related="company_id.crm_loan_alert_sms", readonly=False)
