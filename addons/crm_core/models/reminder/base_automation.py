from odoo import api, fields, models

REMINDER_KINDS = [
    ("idle_opportunity", "Opportunity Idle"),
    ("quotation_expiry", "Quotation Expiring"),
    ("activity_overdue", "Activity Overdue"),
    ("customer_birthday", "Customer Birthday"),
    ("contact_birthday", "Contact Birthday"),
    ("holiday", "Holiday Greetings"),
]
# What a sales manager may change on a reminder rule (the rest is the
# administrator's: model, trigger, actions).
TUNABLE_FIELDS = {
    "name",
    "active",
    "trg_date_range",
    "trg_date_range_mode",
    "crm_reminder_off_company_ids",
}


class BaseAutomation(models.Model):
    """The ready-made reminder rules are Odoo automation rules (time-based
    triggers, crm_core/data/crm_reminder_data.xml); the delay is the rule's own
    delay. Their time-based pass runs set-based here: one delivery for all the
    records a rule found, instead of one server action per record."""

    _inherit = "base.automation"

    crm_reminder_kind = fields.Selection(
        REMINDER_KINDS, string="Reminder", readonly=True, copy=False, index="btree_not_null"
    )
    crm_reminder_off_company_ids = fields.Many2many(
        "res.company",
        "base_automation_crm_reminder_off_company_rel",
        "automation_id",
        "company_id",
        string="Switched Off For",
        help="Companies that do not want this reminder; it runs for every other company.",
    )

    def write(self, vals):
        # Odoo re-plans its cron and registry on every write, which a sales
        # manager may not do; once the access check has passed, it runs as sudo.
        if (
            self
            and not self.env.su
            and not self.env.user.has_group("base.group_system")
            and all(self.mapped("crm_reminder_kind"))
            and set(vals) <= TUNABLE_FIELDS
        ):
            self.check_access("write")
            return super(BaseAutomation, self.sudo()).write(vals)
        return super().write(vals)

    @api.model
    def _cron_process_time_based_actions(self):
        reminders = self._crm_reminder_run()
        return super(
            BaseAutomation, self.with_context(crm_reminder_done_ids=reminders.ids)
        )._cron_process_time_based_actions()

    @api.model
    def _crm_reminder_run(self):
        """The reminder rules' time-based pass: each active rule finds its records
        the way Odoo does (after its last run) and delivers them in one batch."""
        reminders = self.with_context(active_test=True).search(
            [("crm_reminder_kind", "!=", False), ("trigger", "in", ["on_time", "on_time_updated"])]
        )
        for automation in reminders:
            now = self.env.cr.now()
            records = automation._search_time_based_automation_records(until=now)
            automation._crm_reminder_fire(records)
            automation.write({"last_run": now})
            if self.env.context.get("ir_cron_progress_id"):
                self.env["ir.cron"]._commit_progress(1)
        return reminders

    def _search_time_based_automation_records(self, *, until):
        # Odoo's own pass skips the rules the set-based pass above has just run.
        if self.id in self.env.context.get("crm_reminder_done_ids", ()):
            return self.env[self.model_name]
        return super()._search_time_based_automation_records(until=until)

    def _crm_reminder_fire(self, records):
        """Deliver the reminder of this rule for records, skipping the companies
        that switched it off. Also what the rule's server action calls."""
        self.ensure_one()
        kind = self.crm_reminder_kind
        if not kind or not records:
            return self.env["mail.activity"]
        records = records.sudo()
        items = getattr(self, f"_crm_reminder_items_{kind}")(records)
        off = self.crm_reminder_off_company_ids
        items = [item for item in items if item.pop("company") not in off]
        return self.env["crm.reminder.delivery"]._deliver(items)

    def _crm_reminder_days(self):
        return self.trg_date_range

    def _crm_reminder_items_idle_opportunity(self, leads):
        days = self._crm_reminder_days()
        return [
            {
                "user": lead.user_id,
                "record": lead,
                "company": lead.company_id or lead.user_id.company_id,
                "summary": self.env._("Opportunity idle: %(name)s", name=lead.name),
                "note": self.env._(
                    "%(name)s has not changed for %(days)s days.", name=lead.name, days=days
                ),
            }
            for lead in leads
        ]

    def _crm_reminder_items_quotation_expiry(self, orders):
        return [
            {
                "user": order.user_id,
                "record": order,
                "company": order.company_id,
                "summary": self.env._("Quotation expiring: %(name)s", name=order.name),
                "note": self.env._(
                    "Quotation %(name)s for %(customer)s expires on %(date)s.",
                    name=order.name,
                    customer=order.partner_id.display_name,
                    date=order.validity_date,
                ),
            }
            for order in orders
        ]

    def _crm_reminder_items_activity_overdue(self, activities):
        documents = {}
        for activity in activities:
            documents.setdefault(activity.res_model, []).append(activity.res_id)
        existing = {
            model: set(self.env[model].browse(ids).exists().ids) for model, ids in documents.items()
        }
        return [
            {
                "user": activity.user_id,
                "record": self.env[activity.res_model].browse(activity.res_id),
                "company": activity.user_id.company_id,
                "summary": self.env._(
                    "Activity overdue: %(name)s",
                    name=activity.summary or activity.activity_type_id.name,
                ),
                "note": self.env._(
                    "%(activity)s on %(record)s was due on %(date)s.",
                    activity=activity.summary or activity.activity_type_id.name,
                    record=activity.res_name,
                    date=activity.date_deadline,
                ),
            }
            for activity in activities
            if activity.res_id in existing[activity.res_model]
        ]

    def _crm_reminder_items_birthday(self, partners):
        return [
            {
                "user": partner.commercial_partner_id.user_id,
                "record": partner,
                "company": partner.company_id or partner.commercial_partner_id.user_id.company_id,
                "summary": self.env._("Birthday: %(name)s", name=partner.display_name),
                "note": self.env._(
                    "%(name)s has a birthday on %(date)s.",
                    name=partner.display_name,
                    date=partner.next_birthday,
                ),
            }
            for partner in partners
        ]

    _crm_reminder_items_customer_birthday = _crm_reminder_items_birthday
    _crm_reminder_items_contact_birthday = _crm_reminder_items_birthday

    def _crm_reminder_items_holiday(self, holidays):
        # Every salesperson of the holiday's company greets their customers.
        salesmen = self.env["res.users"].search(
            [
                ("all_group_ids", "in", self.env.ref("sales_team.group_sale_salesman").ids),
                ("share", "=", False),
            ]
        )
        items = []
        for holiday in holidays:
            for user in salesmen:
                company = holiday.company_id or user.company_id
                if company not in user.company_ids:
                    continue
                items.append(
                    {
                        "user": user,
                        "record": holiday,
                        "company": company,
                        "summary": self.env._("Holiday greetings: %(name)s", name=holiday.name),
                        "note": self.env._(
                            "%(name)s is on %(date)s: send your greetings to your customers.",
                            name=holiday.name,
                            date=holiday.date,
                        ),
                    }
                )
        return items
