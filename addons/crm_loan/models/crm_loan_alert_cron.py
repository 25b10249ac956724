from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain

ALERT_BATCH = 1000
ALERT_FIELDS = {"ship_alert", "return_alert", "feedback_alert"}


class CrmLoan(models.Model):
    """The daily alert run of the three loan clocks: set-based, a bounded number
    of queries per batch of loans, each alert once per clock and level."""

    _inherit = "crm.loan"

    @api.model
    def _cron_send_alerts(self):
        for company in self.env["res.company"].sudo().search([("active", "=", True)], order="id"):
            # {owner: {(clock, level): [(loan, customer, date)]}}: one digest per
            # owner and run, whatever the number of clocks and batches
            digest = {}
            count = 0
            for clock in ("ship", "return", "feedback"):
                before, after = company._crm_loan_alert_days(clock)
                todo = {
                    # reminder: within `before` days of the date, not yet late
                    "soon": Domain("days_late", ">=", -before)
                    & Domain("days_late", "<=", 0)
                    & Domain("alert_level", "=", "none"),
                    # overdue: more than `after` days late, not yet alerted as such
                    "overdue": Domain("days_late", ">", after)
                    & Domain("alert_level", "in", ["none", "soon"]),
                }
                for level, domain in todo.items():
                    domain &= Domain("clock", "=", clock) & Domain("company_id", "=", company.id)
                    count += self._send_alerts(clock, level, domain, digest)
            self._alert_messages(company, digest)
            # Committed once the messages exist: a run cut short before this point
            # is rolled back whole and the next one sends what this one could not.
            if self.env.context.get("ir_cron_progress_id"):
                self.env["ir.cron"]._commit_progress(count)

    @api.model
    def _send_alerts(self, clock, level, domain, digest):
        """Activities and levels of one clock and level, batch by batch; the
        digest lines go into ``digest``. Returns the number of alerts."""
        Alert = self.env["crm.loan.alert"].sudo()
        count = 0
        while True:
            # The view's rows are computed from the loans: values cached earlier in
            # this transaction (a moved date, a new owner) would be stale.
            Alert.invalidate_model()
            alerts = Alert.search_fetch(
                domain, ["loan_id", "user_id", "expected_date", "days_late"], limit=ALERT_BATCH
            )
            if not alerts:
                return count
            loans = alerts.loan_id.with_context(tracking_disable=True)
            loans.fetch(["name", "partner_id"])
            self._alert_activities(alerts, clock, level)
            for alert in alerts.filtered("user_id"):
                sections = digest.setdefault(alert.user_id, {})
                sections.setdefault((clock, level), []).append(
                    (
                        alert.loan_id.name,
                        alert.loan_id.partner_id.display_name or "",
                        alert.expected_date,
                    )
                )
            # The written level takes the rows out of the view's domain.
            loans.write({f"{clock}_alert": level})
            self.env.flush_all()
            count += len(alerts)
            if len(alerts) < ALERT_BATCH:
                return count

    def _tier_validation_check_write_allowed(self, vals):
        # Writing the alert levels is the alert run's bookkeeping, not an edit of
        # the loan: skip the tier checks, which cost two queries per loan.
        if set(vals) <= ALERT_FIELDS:
            return
        return super()._tier_validation_check_write_allowed(vals)

    @api.model
    def _alert_summary(self, clock, level):
        labels = {
            ("ship", "soon"): self.env._("Loan to ship soon"),
            ("ship", "overdue"): self.env._("Loan shipment overdue"),
            ("return", "soon"): self.env._("Loan due back soon"),
            ("return", "overdue"): self.env._("Loan return overdue"),
            ("feedback", "soon"): self.env._("Loan feedback due soon"),
            ("feedback", "overdue"): self.env._("Loan feedback overdue"),
        }
        return labels[clock, level]

    @api.model
    def _alert_activities(self, alerts, clock, level):
        # The cron runs without a language: each owner reads the summary in theirs.
        summaries = {
            lang: self.with_context(lang=lang)._alert_summary(clock, level)
            for lang in set(alerts.user_id.mapped("lang"))
        }
        activity_type = self.env.ref("crm_loan.mail_activity_type_loan_alert")
        model_id = self.env["ir.model"]._get_id("crm.loan")
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            [
                {
                    "activity_type_id": activity_type.id,
                    "res_model_id": model_id,
                    "res_id": alert.loan_id.id,
                    "user_id": alert.user_id.id,
                    "summary": summaries[alert.user_id.lang],
                    "date_deadline": alert.expected_date,
                }
                for alert in alerts
                if alert.user_id
            ]
        )

    @api.model
    def _alert_messages(self, company, digest):
        """One e-mail (and one SMS when the company wants them) per owner, listing
        that owner's loans under each kind of alert: a digest, not one message
        per loan or per clock."""
        mails, texts = [], []
        for user, by_clock in digest.items():
            # In the owner's language, as the activities.
            lang_self = self.with_context(lang=user.lang)
            sections = {
                lang_self._alert_summary(clock, level): rows
                for (clock, level), rows in by_clock.items()
            }
            total = sum(len(rows) for rows in sections.values())
            if len(sections) == 1:
                subject = f"{next(iter(sections))} ({total})"
            else:
                subject = lang_self.env._("Loan alerts (%(count)s)", count=total)
            body = Markup("").join(
                Markup("<p>%s</p><ul>%s</ul>")
                % (
                    summary,
                    Markup("").join(
                        Markup("<li>%s — %s — %s</li>")
                        % (name, customer, fields.Date.to_string(date))
                        for name, customer, date in rows
                    ),
                )
                for summary, rows in sections.items()
            )
            if user.email:
                mails.append(
                    {
                        "subject": subject,
                        "body_html": body,
                        "email_to": user.email_formatted,
                        "email_from": company.email_formatted or user.email_formatted,
                        "recipient_ids": [(4, user.partner_id.id)],
                        "auto_delete": True,
                    }
                )
            number = user.partner_id.phone_sanitized or user.partner_id.phone
            if company.crm_loan_alert_sms and number:
                texts.append(
                    {
                        "number": number,
                        "partner_id": user.partner_id.id,
                        "body": "; ".join(
                            f"{summary}: {', '.join(row[0] for row in rows[:5])}"
                            + (f" +{len(rows) - 5}" if len(rows) > 5 else "")
                            for summary, rows in sections.items()
                        ),
                    }
                )
        self.env["mail.mail"].sudo().create(mails)
        self.env["sms.sms"].sudo().create(texts)
