from collections import defaultdict
from datetime import datetime, time, timedelta

from odoo import fields, models
from odoo.tools import SQL


class CrmWorkReport(models.Model):
    """The figures of a report. _work_report_sections() is the hook other addons
    extend (crm_service's requests, crm_loan's loans): each section names a method
    that, for all the salespeople of one period at once, returns
    {key: {user_id: value}}. Generation costs a fixed number of queries per
    period, whatever the number of records or of reports."""

    _inherit = "crm.work.report"

    def _work_report_sections(self):
        return [
            {
                "key": "activities_done",
                "label": self.env._("Activities Done"),
                "sequence": 10,
                "method": "_work_report_activities",
            },
            {
                "key": "new_customers",
                "label": self.env._("New Customers"),
                "sequence": 20,
                "method": "_work_report_customers",
            },
            {
                "key": "opportunities_created",
                "label": self.env._("Opportunities Created"),
                "sequence": 30,
                "method": "_work_report_opportunities",
            },
            {
                "key": "opportunities_advanced",
                "label": self.env._("Opportunities Moved to Another Stage"),
                "sequence": 31,
                "method": "_work_report_opportunities_advanced",
            },
            {
                "key": "opportunities_won",
                "label": self.env._("Opportunities Won"),
                "sequence": 32,
                "method": "_work_report_opportunities",
            },
            {
                "key": "opportunities_lost",
                "label": self.env._("Opportunities Lost"),
                "sequence": 33,
                "method": "_work_report_opportunities",
            },
            {
                "key": "quotations",
                "label": self.env._("Quotations Created"),
                "sequence": 40,
                "method": "_work_report_sales",
            },
            {
                "key": "orders",
                "label": self.env._("Orders Confirmed"),
                "sequence": 41,
                "method": "_work_report_sales",
            },
            {
                "key": "order_amount",
                "label": self.env._("Amount of the Orders (untaxed)"),
                "sequence": 42,
                "method": "_work_report_sales",
                "amount": True,
            },
            {
                "key": "pool_claimed",
                "label": self.env._("Taken from the Pools"),
                "sequence": 50,
                "method": "_work_report_pool",
            },
            {
                "key": "pool_released",
                "label": self.env._("Released or Recalled to the Pools"),
                "sequence": 51,
                "method": "_work_report_pool",
            },
        ]

    def _work_report_generate(self):
        """(Re)build the figures of these reports: per period, each section
        method runs once for all their salespeople; the lines are written in one
        batch."""
        sections = self._work_report_sections()
        methods = list(dict.fromkeys(section["method"] for section in sections))
        periods = defaultdict(lambda: self.browse())
        for report in self:
            periods[report.date_from, report.date_to] |= report
        vals_list = []
        for (date_from, date_to), reports in periods.items():
            start = datetime.combine(date_from, time.min)
            end = datetime.combine(date_to + timedelta(days=1), time.min)
            users = reports.user_id
            values = {}
            for method in methods:
                values.update(getattr(self.sudo(), method)(users, start, end))
            for report in reports:
                vals_list += [
                    {
                        "report_id": report.id,
                        "key": section["key"],
                        "sequence": section["sequence"],
                        "is_amount": section.get("amount", False),
                        "value": values.get(section["key"], {}).get(report.user_id.id, 0),
                    }
                    for section in sections
                ]
        self.line_ids.sudo().unlink()
        self.env["crm.work.report.line"].sudo().create(vals_list)
        self.sudo().write({"generated_on": fields.Datetime.now()})

    def _work_report_count(self, model, domain, user_field="user_id", aggregate="__count"):
        groups = (
            self.env[model]
            .with_context(active_test=False)
            ._read_group(domain, [user_field], [aggregate])
        )
        return {user.id: value for user, value in groups}

    def _work_report_activities(self, users, start, end):
        # Done activities leave a message of their type, by the one who did them.
        groups = self.env["mail.message"]._read_group(
            [
                ("mail_activity_type_id", "!=", False),
                ("subtype_id", "=", self.env.ref("mail.mt_activities").id),
                ("author_id", "in", users.partner_id.ids),
                ("date", ">=", start),
                ("date", "<", end),
            ],
            ["author_id"],
            ["__count"],
        )
        user_of = {user.partner_id.id: user.id for user in users}
        return {"activities_done": {user_of[p.id]: count for p, count in groups}}

    def _work_report_customers(self, users, start, end):
        return {
            "new_customers": self._work_report_count(
                "res.partner",
                [
                    ("user_id", "in", users.ids),
                    ("parent_id", "=", False),
                    ("create_date", ">=", start),
                    ("create_date", "<", end),
                ],
            )
        }

    def _work_report_opportunities(self, users, start, end):
        def period(field):
            return [(field, ">=", start), (field, "<", end)]

        mine = [("type", "=", "opportunity"), ("user_id", "in", users.ids)]
        return {
            "opportunities_created": self._work_report_count(
                "crm.lead", mine + period("create_date")
            ),
            "opportunities_won": self._work_report_count(
                "crm.lead", [*mine, ("won_status", "=", "won"), *period("date_closed")]
            ),
            # a lost opportunity keeps no closing date: its last write is the loss
            "opportunities_lost": self._work_report_count(
                "crm.lead", [*mine, ("won_status", "=", "lost"), *period("write_date")]
            ),
        }

    def _work_report_opportunities_advanced(self, users, start, end):
        # Stage entries of the period, but not the first stage of a new opportunity.
        self.env["crm.lead.stage.history"].flush_model()
        self.env["crm.lead"].flush_model(["user_id", "create_date"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT lead.user_id, COUNT(DISTINCT history.lead_id)
                  FROM crm_lead_stage_history history
                  JOIN crm_lead lead ON lead.id = history.lead_id
                 WHERE lead.user_id IN %(users)s
                   AND history.date_in >= %(start)s AND history.date_in < %(end)s
                   AND history.date_in > lead.create_date
                 GROUP BY lead.user_id
                """,
                users=tuple(users.ids) or (0,),
                start=start,
                end=end,
            )
        )
        return {"opportunities_advanced": dict(rows)}

    def _work_report_sales(self, users, start, end):
        mine = [("user_id", "in", users.ids)]
        quotations = self._work_report_count(
            "sale.order", [*mine, ("create_date", ">=", start), ("create_date", "<", end)]
        )
        groups = self.env["sale.order"]._read_group(
            [*mine, ("state", "=", "sale"), ("date_order", ">=", start), ("date_order", "<", end)],
            ["user_id"],
            ["__count", "amount_untaxed:sum"],
        )
        return {
            "quotations": quotations,
            "orders": {user.id: count for user, count, _amount in groups},
            "order_amount": {user.id: amount for user, _count, amount in groups},
        }

    def _work_report_pool(self, users, start, end):
        period = [("date", ">=", start), ("date", "<", end)]
        return {
            "pool_claimed": self._work_report_count(
                "crm.pool.log",
                [("action", "in", ["claim", "assign"]), ("to_user_id", "in", users.ids), *period],
                user_field="to_user_id",
            ),
            "pool_released": self._work_report_count(
                "crm.pool.log",
                [
                    ("action", "in", ["release", "recall"]),
                    ("from_user_id", "in", users.ids),
                    *period,
                ],
                user_field="from_user_id",
            ),
        }
