"""Rates of grouped report rows, computed from the group's totals.

A rate does not add up: the average of the rows' rates is not the group's rate
(two salespeople at 100% of a 100 target and 0% of a 300 target achieved 25% of
400, not 50%). Odoo's list group rows, pivot and graph all aggregate through
``_read_group``, so a report overrides ``_read_group_select`` for its rate's
aggregate and asks this helper for the SQL of the ratio of the sums.
"""

from odoo.tools import SQL


def percent_of_sums(model, query, numerators, denominators):
    """SQL: 100 x the sum of ``numerators`` / the sum of ``denominators`` (fields of
    ``model``), rounded to 2 digits as the rows are, 0 when nothing was counted."""

    def total(names):
        return SQL(" + ").join(
            SQL("COALESCE(SUM(%s), 0)", model._field_to_sql(model._table, name, query))
            for name in names
        )

    return SQL(
        "COALESCE(ROUND(100.0 * (%s) / NULLIF(%s, 0), 2), 0)",
        total(numerators),
        total(denominators),
    )
