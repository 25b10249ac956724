from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .crm_pool import RESOURCE_TYPES

BATCH_SIZE = 5000
# How many record names an owner's summary lists before "and N more".
SUMMARY_NAMES = 20


class CrmPoolRule(models.Model):
    _name = "crm.pool.rule"
    _description = "Pool Recall Rule"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    resource_type = fields.Selection(RESOURCE_TYPES, required=True, tracking=True)
    condition = fields.Selection(
        [
            ("no_followup", "No follow-up"),
            ("no_stage", "No stage progress"),
            ("no_order", "No won order"),
        ],
        required=True,
        default="no_followup",
        tracking=True,
        help="No follow-up: no message, e-mail or done activity on the record. No stage"
        " progress: the stage of the lead has not changed. No won order: no confirmed sales"
        " order for the customer or the opportunity.",
    )
    days = fields.Integer(
        required=True,
        default=30,
        tracking=True,
        help="Recall when the condition has held for this many days.",
    )
    warning_days = fields.Integer(
        string="Warn Days Before",
        default=7,
        tracking=True,
        help="Warn the owner this many days before the recall; 0 does not warn.",
    )
    level_ids = fields.Many2many(
        "crm.customer.level",
        string="Customer Levels",
        help="Only records of customers of these levels; empty: every level.",
    )
    pool_id = fields.Many2one(
        "crm.pool",
        string="Target Pool",
        check_company=True,
        tracking=True,
        help="Recalled records go to this pool. A team pool recalls only that team's records.",
    )
    interval = fields.Selection(
        [("daily", "Every day"), ("weekly", "Every week"), ("monthly", "Every month")],
        string="Schedule",
        required=True,
        default="daily",
    )
    last_run = fields.Datetime(readonly=True, copy=False)
    recall_count = fields.Integer(string="Recalled", compute="_compute_recall_count")

    @api.constrains("pool_id", "days", "warning_days", "condition", "resource_type")
    def _check_rule(self):
        for rule in self:
            if not rule.pool_id:
                raise ValidationError(
                    self.env._("The recall rule %(rule)s needs a target pool.", rule=rule.name)
                )
            if rule.days < 1 or rule.warning_days < 0:
                raise ValidationError(
                    self.env._(
                        "The recall rule %(rule)s needs at least 1 day before a recall and"
                        " cannot warn a negative number of days early.",
                        rule=rule.name,
                    )
                )
            if rule.warning_days >= rule.days:
                raise ValidationError(
                    self.env._(
                        "The recall rule %(rule)s warns %(warning)s days before a recall after"
                        " %(days)s days: the warning must come less than %(days)s days early.",
                        rule=rule.name,
                        warning=rule.warning_days,
                        days=rule.days,
                    )
                )
            if rule.condition == "no_stage" and rule.resource_type == "customer":
                raise ValidationError(
                    self.env._(
                        "The recall rule %(rule)s: customers have no stages; choose another"
                        " condition.",
                        rule=rule.name,
                    )
                )

    def _compute_recall_count(self):
        counts = dict(
            self.env["crm.pool.log"]._read_group(
                [("rule_id", "in", self.ids), ("action", "=", "recall")], ["rule_id"], ["__count"]
            )
        )
        for rule in self:
            rule.recall_count = counts.get(rule, 0)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # The ORM would report a bare missing value; say which rule and what.
            if not vals.get("pool_id"):
                raise ValidationError(
                    self.env._(
                        "The recall rule %(rule)s needs a target pool.", rule=vals.get("name", "")
                    )
                )
        return super().create(vals_list)

    def action_view_logs(self):
        self.ensure_one()
        name = self.env._("Recalls")
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "crm.pool.log",
            "view_mode": "list,form",
            "domain": [("rule_id", "=", self.id)],
        }

    def action_apply(self):
        self._apply_rules()
        return True

    # ------------------------------------------------------------------
    # Recall run
    # ------------------------------------------------------------------
    @api.model
    def _cron_apply_rules(self):
        now = fields.Datetime.now()
        rules = self.search(
            ["|", ("last_run", "=", False), ("last_run", "<=", now - timedelta(hours=23))]
        )
        due = rules.filtered(lambda rule: rule._is_due(now))
        due._apply_rules()

    def _is_due(self, now):
        if not self.last_run:
            return True
        delta = {"daily": 1, "weekly": 7, "monthly": 30}[self.interval]
        # a little slack so a cron that starts a few minutes early still runs the rule
        return self.last_run <= now - timedelta(days=delta) + timedelta(hours=1)

    def _apply_rules(self):
        for rule in self:
            rule._apply_rule()
            rule.last_run = fields.Datetime.now()
            if self.env.context.get("ir_cron_progress_id"):
                self.env["ir.cron"]._commit_progress(1)

    def _target_model(self):
        return self.env["res.partner" if self.resource_type == "customer" else "crm.lead"]

    def _scope_sql(self, alias):
        """Owned, open records of the rule's type, company, team and levels."""
        conditions = [
            SQL("%s.active", alias),
            SQL("%s.user_id IS NOT NULL", alias),
            SQL(
                "(%s.company_id = %s OR %s.company_id IS NULL)",
                alias,
                self.company_id.id,
                alias,
            ),
        ]
        if self.resource_type == "customer":
            conditions += [
                SQL("%s.parent_id IS NULL", alias),
                SQL("%s.customer_rank > 0", alias),
            ]
            if self.level_ids:
                conditions.append(SQL("%s.level_id IN %s", alias, tuple(self.level_ids.ids)))
        else:
            conditions += [
                SQL("%s.type = %s", alias, self.resource_type),
                SQL("COALESCE(%s.probability, 0) < 100", alias),
            ]
            if self.level_ids:
                conditions.append(
                    SQL(
                        """%s.partner_id IN (
                            SELECT p.id FROM res_partner p
                              JOIN res_partner cp ON cp.id = p.commercial_partner_id
                             WHERE cp.level_id IN %s)""",
                        alias,
                        tuple(self.level_ids.ids),
                    )
                )
        if self.pool_id.team_id:
            conditions.append(SQL("%s.team_id = %s", alias, self.pool_id.team_id.id))
        return SQL(" AND ").join(conditions)

    def _last_progress_sql(self, alias):
        """The date of the last progress on each record: never before its owner got it."""
        model = self._target_model()
        since = SQL("COALESCE(%s.pool_assign_date, %s.create_date)", alias, alias)
        if self.condition == "no_followup":
            progress = SQL(
                """(SELECT MAX(m.date) FROM mail_message m
                     WHERE m.model = %s AND m.res_id = %s.id
                       AND (m.message_type IN ('comment', 'email')
                            OR m.mail_activity_type_id IS NOT NULL))""",
                model._name,
                alias,
            )
        elif self.condition == "no_stage":
            progress = SQL("%s.date_last_stage_update", alias)
        elif self.resource_type == "customer":
            progress = SQL(
                """(SELECT MAX(so.date_order) FROM sale_order so
                      JOIN res_partner sp ON sp.id = so.partner_id
                     WHERE sp.commercial_partner_id = %s.id AND so.state = 'sale')""",
                alias,
            )
        else:
            progress = SQL(
                """(SELECT MAX(so.date_order) FROM sale_order so
                     WHERE so.opportunity_id = %s.id AND so.state = 'sale')""",
                alias,
            )
        return SQL("GREATEST(%s, %s)", since, progress)

    def _apply_rule(self):
        """Warn the owners of records entering the warning window, recall overdue records
        and clear warnings that no longer hold; a fixed number of queries per batch."""
        self.ensure_one()
        Model = self._target_model()
        self.env.flush_all()
        now = fields.Datetime.now()
        recall_before = now - timedelta(days=self.days)
        warn_before = now - timedelta(days=self.days - self.warning_days)
        alias = SQL.identifier("r")
        table = SQL.identifier(Model._table)
        last = self._last_progress_sql(alias)
        # Warnings that no longer hold: the owner followed up.
        self.env.cr.execute(
            SQL(
                """UPDATE %s r SET pool_recall_date = NULL
                    WHERE r.pool_recall_date IS NOT NULL AND %s AND %s >= %s""",
                table,
                self._scope_sql(alias),
                last,
                warn_before,
            )
        )
        self.env.cr.execute(
            SQL(
                """SELECT r.id, r.user_id, r.pool_recall_date, %s AS last_date
                     FROM %s r
                    WHERE %s AND %s < %s
                 ORDER BY r.id""",
                last,
                table,
                self._scope_sql(alias),
                last,
                warn_before,
            )
        )
        rows = self.env.cr.fetchall()
        Model.invalidate_model(["pool_recall_date"])
        recall_rows = [row for row in rows if row[3] < recall_before]
        warn_rows = [
            row for row in rows if row[3] >= recall_before and not row[2] and self.warning_days
        ]
        if warn_rows:
            self.env.cr.execute(
                SQL(
                    """UPDATE %s r SET pool_recall_date = v.recall_date
                         FROM (SELECT unnest(%s::int[]) AS id,
                                      unnest(%s::date[]) AS recall_date) v
                        WHERE r.id = v.id""",
                    table,
                    [row[0] for row in warn_rows],
                    [(row[3] + timedelta(days=self.days)).date() for row in warn_rows],
                )
            )
            Model.invalidate_model(["pool_recall_date"])
            by_owner = defaultdict(list)
            for row in warn_rows:
                by_owner[row[1]].append(row[0])
            self._notify_owners(Model, by_owner, "warning")
        by_owner = defaultdict(list)
        for start in range(0, len(recall_rows), BATCH_SIZE):
            batch = recall_rows[start : start + BATCH_SIZE]
            records = Model.browse([row[0] for row in batch])
            records._pool_put(self.pool_id, "recall", reason=self._recall_reason(), rule=self)
            for row in batch:
                by_owner[row[1]].append(row[0])
            records.invalidate_recordset()
        if by_owner:
            self._notify_owners(Model, by_owner, "recall")
        return len(recall_rows)

    def _recall_reason(self):
        labels = dict(self._fields["condition"]._description_selection(self.env))
        return self.env._(
            "%(rule)s: %(condition)s for %(days)s days",
            rule=self.name,
            condition=labels[self.condition],
            days=self.days,
        )

    def _notify_owners(self, Model, by_owner, kind):
        """One activity and one e-mail per owner summarising their records."""
        owners = self.env["res.users"].sudo().browse(list(by_owner))
        shown_ids = [rid for ids in by_owner.values() for rid in ids[:SUMMARY_NAMES]]
        names = {
            rec["id"]: rec["display_name"]
            for rec in Model.sudo().browse(shown_ids).read(["display_name"])
        }
        activity_type = self.env.ref("crm_core.mail_activity_type_pool_recall")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        activity_vals, mail_vals = [], []
        author = self.env.company.partner_id
        for owner in owners:
            record_ids = by_owner[owner.id]
            rule = self.with_context(lang=owner.lang)
            subject, intro = rule._summary_texts(kind, len(record_ids))
            items = Markup("").join(
                Markup("<li>%s</li>") % names.get(rid, "") for rid in record_ids[:SUMMARY_NAMES]
            )
            more = ""
            if len(record_ids) > SUMMARY_NAMES:
                more = rule.env._("and %(count)s more", count=len(record_ids) - SUMMARY_NAMES)
            body = Markup("<p>%s</p><ul>%s</ul><p>%s</p>") % (escape(intro), items, more)
            activity_vals.append(
                {
                    "res_model_id": model_id,
                    "res_id": self.id,
                    "activity_type_id": activity_type.id,
                    "user_id": owner.id,
                    "summary": subject,
                    "note": body,
                    "date_deadline": today
                    if kind == "recall"
                    else today + timedelta(days=self.warning_days),
                }
            )
            mail_vals.append(
                {
                    "subject": subject,
                    "body_html": body,
                    "recipient_ids": [(4, owner.partner_id.id)],
                    "author_id": author.id,
                    "email_from": self.env.company.email_formatted
                    or owner.company_id.email_formatted
                    or author.email_formatted,
                    "model": self._name,
                    "res_id": self.id,
                    "auto_delete": True,
                }
            )
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            activity_vals
        )
        return self.env["mail.mail"].sudo().create(mail_vals)

    def _summary_texts(self, kind, count):
        labels = dict(self._fields["resource_type"]._description_selection(self.env))
        kind_label = labels[self.resource_type].lower()
        if kind == "warning":
            return (
                self.env._("Recall warning: %(count)s %(type)s", count=count, type=kind_label),
                self.env._(
                    "Without follow-up these %(type)s go back to %(pool)s in %(days)s days"
                    " (rule %(rule)s):",
                    type=kind_label,
                    pool=self.pool_id.name,
                    days=self.warning_days,
                    rule=self.name,
                ),
            )
        return (
            self.env._("Recalled: %(count)s %(type)s", count=count, type=kind_label),
            self.env._(
                "These %(type)s went back to %(pool)s (rule %(rule)s):",
                type=kind_label,
                pool=self.pool_id.name,
                rule=self.name,
            ),
        )
