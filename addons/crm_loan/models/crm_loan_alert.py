from odoo import fields, models
from odoo.tools import SQL

CLOCKS = [("ship", "Shipping"), ("return", "Return"), ("feedback", "Feedback")]


class CrmLoanAlert(models.Model):
    """借出预警: one row per running clock of a loan (shipping while approved,
    return while anything is outstanding, feedback until some is given), with
    the days left or late. The overdue view and the alert cron read it."""

    _name = "crm.loan.alert"
    _description = "Loan Clock"
    _auto = False
    _order = "expected_date, loan_id"
    _rec_name = "loan_id"
    _depends = {
        "crm.loan": [
            "state",
            "expected_ship_date",
            "expected_return_date",
            "expected_feedback_date",
            "outstanding_qty",
            "has_feedback",
            "user_id",
            "team_id",
            "company_id",
            "partner_id",
            "commercial_partner_id",
        ],
    }

    loan_id = fields.Many2one("crm.loan", readonly=True)
    clock = fields.Selection(CLOCKS, readonly=True)
    expected_date = fields.Date(readonly=True)
    days_late = fields.Integer(
        readonly=True,
        aggregator="max",
        help="Days past the expected date; negative while it is still ahead.",
    )
    overdue = fields.Boolean(readonly=True)
    alert_level = fields.Selection(
        [("none", "None"), ("soon", "Reminded"), ("overdue", "Overdue Alerted")], readonly=True
    )
    loan_type = fields.Selection(related="loan_id.loan_type")
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    commercial_partner_id = fields.Many2one("res.partner", readonly=True)
    user_id = fields.Many2one("res.users", string="Owner", readonly=True)
    team_id = fields.Many2one("crm.team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)

    @property
    def _table_query(self):
        clocks = [
            (0, "ship", "expected_ship_date", "ship_alert", SQL("l.state = 'approved'")),
            (
                1,
                "return",
                "expected_return_date",
                "return_alert",
                SQL("l.state = 'shipped' AND l.outstanding_qty > 0"),
            ),
            (
                2,
                "feedback",
                "expected_feedback_date",
                "feedback_alert",
                SQL("l.state IN ('shipped', 'done') AND NOT COALESCE(l.has_feedback, FALSE)"),
            ),
        ]
        today = fields.Date.context_today(self)
        return SQL(" UNION ALL ").join(
            SQL(
                """SELECT l.id * 3 + %(index)s AS id, l.id AS loan_id, %(clock)s AS clock,
                          l.%(date)s AS expected_date,
                          (%(today)s::date - l.%(date)s) AS days_late,
                          l.%(date)s < %(today)s::date AS overdue,
                          l.%(level)s AS alert_level,
                          l.partner_id, l.commercial_partner_id, l.user_id, l.team_id,
                          l.company_id
                     FROM crm_loan l
                    WHERE l.%(date)s IS NOT NULL AND %(condition)s""",
                index=index,
                clock=clock,
                date=SQL.identifier(date_field),
                level=SQL.identifier(level),
                today=today,
                condition=condition,
            )
            for index, clock, date_field, level, condition in clocks
        )

    def action_open_loan(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.loan",
            "res_id": self.loan_id.id,
            "views": [(False, "form")],
        }
