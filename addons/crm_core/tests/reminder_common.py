from datetime import timedelta

from odoo import fields

from .common import CrmCoreCommon, FrozenTodayMixin


class CrmReminderCommon(FrozenTodayMixin, CrmCoreCommon):
    """CrmCoreCommon's owners and records, at 10:00 on the frozen day; every
    ready-made reminder rule last ran a day ago, so a run finds only what became
    due since."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["res.partner"])
        cls.now = fields.Datetime.now()
        cls.rules = {
            kind: cls.env.ref(f"crm_core.crm_reminder_rule_{kind}")
            for kind in (
                "idle_opportunity",
                "quotation_expiry",
                "activity_overdue",
                "customer_birthday",
                "contact_birthday",
                "holiday",
            )
        }
        for rule in cls.rules.values():
            rule.last_run = cls.now - timedelta(days=1)
        cls.reminder_type = cls.env.ref("crm_core.mail_act_crm_reminder")
        cls.env["crm.lead"].browse([lead.id for lead in cls.leads.values()]).type = "opportunity"

    def reminders(self, records):
        """The reminder activities on records, as (record id, user) pairs."""
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("activity_type_id", "=", self.reminder_type.id),
            ],
            order="id",
        )
        return sorted((a.res_id, a.user_id.login) for a in activities)

    def run_rules(self):
        self.env["base.automation"]._crm_reminder_run()
