"""Expense analysis: the pivot's grouped figures and the XLSX export of the detail lines.

Data: bench/expense_data.py (100,000 requests, 500,000 payouts, bulk SQL).

Pivot: for each of the six export presets (rows x columns), what Odoo 19's pivot view
asks for, through the product path: one ``formatted_read_grouping_sets`` call on
``crm.expense.analysis`` with the grouping sets [], [col], [row], [row, col] and the
three measures plus ``__count``, BENCH_EXPENSE_RUNS (5) runs. Baseline
(BENCH_EXPENSE_BASELINE_RUNS, 3 runs: 12-25 s each at full size): the plain
Odoo way without the view: ``search_read`` of the payouts and of the requests with the
fields the preset needs, aggregated in Python into the same cross-tab (cells, row and
column totals, grand total); both must give the same figures.

XLSX: bench/expense_xlsx.py (200,000 detail lines, child processes, peak RSS).
"""

from collections import defaultdict

from bench.expense_data import generate, vacuum
from bench.expense_xlsx import bench_xlsx
from bench.harness import Stats

MEASURES = ["spent_amount:sum", "approved_amount:sum", "requested_amount:sum", "__count"]


def _month(day):
    return day.replace(day=1).isoformat()


def _quarter(day):
    return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1).isoformat()


def _m2o(value):
    return value[0] if value else False


def _python_crosstab(env, row, col):
    """The plain way: read the payouts and requests the analysis is made of, with the
    fields the preset needs, and add them up in Python."""
    env.invalidate_all()
    dims = [row, col]
    stage = "stage_id" in dims
    document = "document_model_id" in dims
    base = {d.partition(":")[0] for d in dims} - {"stage_id", "document_model_id"}
    if stage:
        base.add("lead_id")
    payout_fields = sorted(base | ({"res_model"} if document else set()))
    request_fields = sorted(base | ({"document_model_id"} if document else set()))
    payouts = env["crm.expense.payout"].search_read(
        [("state", "=", "approved")], [*payout_fields, "amount_company"]
    )
    requests = env["crm.expense.request"].search_read(
        [("state", "!=", "cancel")], [*request_fields, "amount_company", "approved_amount_company"]
    )
    stages = {}
    if stage:
        lead_ids = {_m2o(r["lead_id"]) for r in payouts} | {_m2o(r["lead_id"]) for r in requests}
        leads = (
            env["crm.lead"]
            .with_context(active_test=False)
            .search_read([("id", "in", list(lead_ids - {False}))], ["stage_id"])
        )
        stages = {lead["id"]: _m2o(lead["stage_id"]) for lead in leads}
    model_ids = {}

    def key(record, dim, is_payout):
        name, _sep, granularity = dim.partition(":")
        if granularity == "month":
            return _month(record["date"])
        if granularity == "quarter":
            return _quarter(record["date"])
        if name == "stage_id":
            return stages.get(_m2o(record["lead_id"]), False)
        if name == "document_model_id" and is_payout:
            res_model = record["res_model"]
            if res_model and res_model not in model_ids:
                model_ids[res_model] = env["ir.model"]._get_id(res_model)
            return model_ids.get(res_model, False) if res_model else False
        return _m2o(record[name])

    cells = defaultdict(lambda: [0.0, 0.0, 0.0, 0])
    for record in payouts:
        cell = cells[key(record, row, True), key(record, col, True)]
        cell[0] += record["amount_company"]
        cell[3] += 1
    for record in requests:
        cell = cells[key(record, row, False), key(record, col, False)]
        cell[1] += record["approved_amount_company"]
        cell[2] += record["amount_company"]
        cell[3] += 1
    rows, cols, total = defaultdict(lambda: [0.0] * 4), defaultdict(lambda: [0.0] * 4), [0.0] * 4
    for (r, c), figures in cells.items():
        for i, value in enumerate(figures):
            rows[r][i] += value
            cols[c][i] += value
            total[i] += value
    return {"total": {(): total}, "cols": dict(cols), "rows": dict(rows), "cells": dict(cells)}


def _pivot(analysis, row, col):
    """What the pivot view asks for when it opens on a preset (web's pivot_model.js:
    _loadData -> one formatted_read_grouping_sets with every section of the table)."""
    analysis.env.invalidate_all()
    return analysis.formatted_read_grouping_sets([], [[], [col], [row], [row, col]], MEASURES)


def _normalise(result, row, col):
    def value(group, dim):
        v = group[dim]
        return v[0] if isinstance(v, (tuple, list)) else v

    def figures(group):
        return [group[m] or 0.0 for m in MEASURES]

    out = {}
    for name, dims, groups in zip(
        ("total", "cols", "rows", "cells"), ([], [col], [row], [row, col]), result, strict=True
    ):
        keys = [tuple(value(g, d) for d in dims) for g in groups]
        if name in ("cols", "rows"):
            keys = [k[0] for k in keys]
        out[name] = dict(zip(keys, (figures(g) for g in groups), strict=True))
    return out


def _same(ours, theirs):
    for section in ("total", "cols", "rows", "cells"):
        a, b = ours[section], theirs[section]
        if a.keys() != b.keys():
            return f"{section}: {len(a.keys() ^ b.keys())} groups differ"
        for k, va in a.items():
            vb = b[k]
            if int(va[3]) != int(vb[3]) or any(
                abs(x - y) > 0.005 + 1e-9 * abs(y) for x, y in zip(va[:3], vb[:3], strict=True)
            ):
                return f"{section} {k}: {va} vs {vb}"
    return None


def _bench_pivot(env, bench, runs, base_runs, presets):
    analysis = env["crm.expense.analysis"]
    all_ours, all_base, mismatches = [], [], []
    for preset, (row, col) in presets.items():
        ours_samples, base_samples, query_counts = [], [], []
        for _i in range(runs):
            with bench.queries(env) as queries:
                seconds, result = bench.timed(lambda row=row, col=col: _pivot(analysis, row, col))
            ours_samples.append(seconds)
            query_counts.append(queries.count)
        for _i in range(base_runs):
            seconds, theirs = bench.timed(lambda row=row, col=col: _python_crosstab(env, row, col))
            base_samples.append(seconds)
        # The figures of the last run of each, cell by cell, totals included.
        ours = _normalise(result, row, col)
        problem = _same(ours, theirs)
        if problem:
            mismatches.append(f"{preset}: {problem}")
        ours_stats, base_stats = Stats(ours_samples), Stats(base_samples)
        all_ours.append(ours_stats.p50)
        all_base.append(base_stats.p50)
        total = ours["total"][()]
        bench.line(
            f"expense pivot {preset} ({row} x {col}: {len(ours['rows']):,} rows,"
            f" {len(ours['cols']):,} cols, {len(ours['cells']):,} cells over"
            f" {int(total[3]):,} lines): formatted_read_grouping_sets {ours_stats},"
            f" {max(query_counts)} queries; search_read + Python cross-tab {base_stats};"
            f" ratio {bench.ratio(base_stats.p50, ours_stats.p50)}"
            f" (p50, {runs}/{base_runs} runs); same totals: {'no' if problem else 'yes'}"
        )
    bench.line(
        f"expense pivot, the {len(presets)} presets one after the other (sum of the p50s):"
        f" ours {bench.ms(sum(all_ours))}, plain {bench.ms(sum(all_base))};"
        f" ratio {bench.ratio(sum(all_base), sum(all_ours))};"
        f" same totals: {'no: ' + '; '.join(mismatches) if mismatches else 'yes'}"
    )
    assert not mismatches, "; ".join(mismatches)


def run(env, bench):
    from odoo.addons.crm_expense.wizard.crm_expense_analysis_export import PRESETS

    n_requests = bench.size("BENCH_EXPENSE_REQUESTS", 100_000)
    n_payouts = bench.size("BENCH_EXPENSE_PAYOUTS", 500_000)
    detail = bench.size("BENCH_EXPENSE_DETAIL_LINES", 200_000)
    runs = bench.size("BENCH_EXPENSE_RUNS", 5)
    base_runs = bench.size("BENCH_EXPENSE_BASELINE_RUNS", 3)
    xlsx_runs = bench.size("BENCH_EXPENSE_XLSX_RUNS", 2)
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
    seconds, _none = bench.timed(lambda: generate(env, bench, n_requests, n_payouts))
    vacuum(env)
    cr = env.cr
    cr.execute(
        """SELECT (SELECT count(*) FROM crm_expense_request),
                  (SELECT count(*) FROM crm_expense_payout WHERE state = 'approved'),
                  (SELECT count(*) FROM crm_expense_analysis),
                  (SELECT count(DISTINCT partner_id) FROM crm_expense_analysis),
                  (SELECT count(DISTINCT lead_id) FROM crm_expense_analysis),
                  (SELECT min(date) FROM crm_expense_payout),
                  pg_size_pretty(pg_total_relation_size('crm_expense_payout'))"""
    )
    requests, payouts, lines, partners, leads, first, size = cr.fetchone()
    bench.line(
        f"expense data: {requests:,} requests, {payouts:,} confirmed payouts since {first}"
        f" ({size} with indexes), {lines:,} analysis lines, {partners:,} customers and"
        f" {leads:,} opportunities referenced; generated in {seconds:.0f} s"
    )
    # The user who opens the analysis: a sales manager, record rules applied.
    admin = env.ref("base.user_admin")
    user_env = env(user=admin, su=False, context=dict(env.context, **admin.context_get()))
    _bench_pivot(user_env, bench, runs, base_runs, PRESETS)
    bench_xlsx(user_env, bench, detail, xlsx_runs)
