import calendar
import datetime

from odoo import api, fields, models

ROLL_BATCH = 50000


def next_birthday(birthday, today):
    """The next day on or after today that is the birthday; 29 February falls on
    28 February in years without one."""
    if not birthday:
        return False
    for year in (today.year, today.year + 1):
        day = birthday.day
        if birthday.month == 2 and day == 29 and not calendar.isleap(year):
            day = 28
        candidate = datetime.date(year, birthday.month, day)
        if candidate >= today:
            return candidate
    return False


class ResPartner(models.Model):
    _inherit = "res.partner"

    # The birthday rules fire on this date (base_automation's "based on date
    # field"), so each person is reminded once a year; the daily job moves it on.
    next_birthday = fields.Date(
        compute="_compute_next_birthday",
        store=True,
        index="btree_not_null",
        help="The next birthday, on or after today.",
    )

    @api.depends("birthday")
    def _compute_next_birthday(self):
        today = fields.Date.context_today(self)
        for partner in self:
            partner.next_birthday = next_birthday(partner.birthday, today)

    @api.model
    def _cron_roll_next_birthday(self, today=None):
        """Move every passed next_birthday to the next one, in SQL batches: one
        statement per batch, whatever the number of people."""
        today = today or fields.Date.context_today(self)
        cron = self.env["ir.cron"]
        while True:
            # year y's birthday: 29 February becomes 28 February outside leap years
            self.env.cr.execute(
                """
                WITH due AS (
                    SELECT id, birthday,
                           EXTRACT(YEAR FROM %(today)s::date)::int AS y
                      FROM res_partner
                     WHERE next_birthday < %(today)s AND birthday IS NOT NULL
                     ORDER BY id
                     LIMIT %(limit)s
                ), this_year AS (
                    SELECT id, birthday, y,
                           CASE WHEN EXTRACT(MONTH FROM birthday) = 2
                                 AND EXTRACT(DAY FROM birthday) = 29
                                 AND NOT ((y %% 4 = 0 AND y %% 100 <> 0) OR y %% 400 = 0)
                                THEN make_date(y, 2, 28)
                                ELSE make_date(y, EXTRACT(MONTH FROM birthday)::int,
                                               EXTRACT(DAY FROM birthday)::int)
                           END AS day
                      FROM due
                )
                UPDATE res_partner p
                   SET next_birthday = CASE
                       WHEN t.day >= %(today)s THEN t.day
                       WHEN EXTRACT(MONTH FROM t.birthday) = 2
                        AND EXTRACT(DAY FROM t.birthday) = 29
                        AND NOT (((t.y + 1) %% 4 = 0 AND (t.y + 1) %% 100 <> 0)
                                 OR (t.y + 1) %% 400 = 0)
                       THEN make_date(t.y + 1, 2, 28)
                       ELSE make_date(t.y + 1, EXTRACT(MONTH FROM t.birthday)::int,
                                      EXTRACT(DAY FROM t.birthday)::int)
                   END
                  FROM this_year t
                 WHERE p.id = t.id
                """,
                {"today": today, "limit": ROLL_BATCH},
            )
            done = self.env.cr.rowcount
            self.invalidate_model(["next_birthday"])
            if done < ROLL_BATCH:
                break
            if self.env.context.get("ir_cron_progress_id") and not cron._commit_progress(done):
                break
