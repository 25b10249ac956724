from odoo import models
from odoo.tools import SQL


class CrmServiceRatio(models.AbstractModel):
    """Ratio measures of a report (an SQL view): grouped, a ratio is the sum of
    its numerator over the sum of its denominator, not an average of the rows'
    ratios. The view reads other models' tables (costs, visits...), which the
    ORM does not know to flush: everything pending is flushed first."""

    _name = "crm.service.ratio"
    _description = "Service Report Ratios"

    # ratio field: (numerator field, denominator field, factor)
    _SERVICE_RATIOS = {}

    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        self.env.flush_all()
        return super()._read_group(domain, groupby, aggregates, having, offset, limit, order)

    def _read_group_select(self, aggregate_spec, query):
        fname, __, func = aggregate_spec.partition(":")
        if func and fname in self._SERVICE_RATIOS:
            numerator, denominator, factor = self._SERVICE_RATIOS[fname]
            return SQL(
                "%s * SUM(%s) / NULLIF(SUM(%s), 0)",
                factor,
                self._field_to_sql(self._table, numerator, query),
                self._field_to_sql(self._table, denominator, query),
            )
        return super()._read_group_select(aggregate_spec, query)
