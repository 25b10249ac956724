from datetime import timedelta

from odoo import fields

from odoo.addons.crm_core.tests.common import FrozenTodayMixin

from .common import CrmLoanCommon


class CrmLoanAlertCommon(FrozenTodayMixin, CrmLoanCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.today()
        cls.company = cls.env.company
        cls.company.write(
            {
                "crm_loan_ship_days_before": 2,
                "crm_loan_ship_days_after": 0,
                "crm_loan_return_days_before": 3,
                "crm_loan_return_days_after": 0,
                "crm_loan_feedback_days_before": 3,
                "crm_loan_feedback_days_after": 0,
                "crm_loan_alert_sms": False,
            }
        )
        cls.company.email = "loans@example.com"
        cls.activity_type = cls.env.ref("crm_loan.mail_activity_type_loan_alert")

    @classmethod
    def day(cls, offset):
        return cls.today + timedelta(days=offset)

    def new_activities(self, before):
        return (
            self.env["mail.activity"].search(
                [
                    ("activity_type_id", "=", self.activity_type.id),
                    ("res_model", "=", "crm.loan"),
                ]
            )
            - before
        )

    def activity_rows(self, activities):
        return sorted(
            (a.res_id, a.user_id.id, a.summary, a.date_deadline, a.activity_type_id.id)
            for a in activities
        )

    def mails(self):
        return self.env["mail.mail"].search([])
