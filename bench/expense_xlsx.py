"""XLSX half of the expense bench: the export of the detail lines, in child processes.

The real report (the wizard's ``action_export``, then what report_xlsx's controller
calls: ``ir.actions.report._render_xlsx`` -> our ``report.crm_expense.analysis_xlsx``)
of a wizard whose period holds BENCH_EXPENSE_DETAIL_LINES (200,000) detail lines, each
run in a child process of its own that reports the export's wall time and the
process's peak RSS (VmHWM, the registry included: that is what an Odoo worker holds;
not ru_maxrss, which Linux carries over from the forking bench process). Baseline:
the same workbook written the plain way (xlsxwriter without constant_memory, the lines
read with one ``search_read``) in a child process too. BENCH_EXPENSE_XLSX_RUNS (2) runs
of each (an export takes half a minute: 5 runs would not fit the bench's time). The
produced file is read back with openpyxl (read_only) to count its lines.

The child runs as ``python -m bench.expense_xlsx --child ...`` from the repository.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import odoo.init  # noqa: F401 - the child process needs odoo.Command &co set up

from bench.harness import Stats

RSS_LIMIT_MB = 500
CHILD_MARK = "[expense-child] "
ROOT = Path(__file__).resolve().parent.parent


def _detail_period(env, target):
    """The first day of the most recent period holding about `target` analysis lines."""
    env.cr.execute(
        """
        SELECT date, sum(n) OVER (ORDER BY date DESC) AS lines
          FROM (SELECT date, count(*) AS n FROM crm_expense_analysis GROUP BY date) d
         ORDER BY date DESC
        """
    )
    best = None
    for day, lines in env.cr.fetchall():
        if best is None or abs(lines - target) <= abs(best[1] - target):
            best = (day, lines)
        if lines >= target:
            break
    return best[0], int(best[1])


def _child(mode, db, wizard_id, out, conf, addons_path):
    """Run one export in this fresh process (registry loaded first, as in a worker)."""
    from odoo import api, tools
    from odoo.modules.registry import Registry

    tools.config.parse_config(["-c", conf, "--addons-path", addons_path, "--log-level=warn"])
    registry = Registry(db)
    rss_loaded = _vm("VmHWM")
    with registry.cursor() as cr:
        env = api.Environment(cr, api.SUPERUSER_ID, {})
        admin = env.ref("base.user_admin")
        env = env(user=admin, su=False, context=admin.context_get())
        wizard = env["crm.expense.analysis.export"].browse(wizard_id)
        start = time.perf_counter()
        if mode == "ours":
            # What the button does: the wizard's action, then report_xlsx's controller
            # (/report/xlsx/<report>/<ids>) renders it. No layout wizard for admin.
            action = wizard.with_context(discard_logo_check=True).action_export()
            content, _kind = env["ir.actions.report"]._render_xlsx(
                action["report_name"], action["context"]["active_ids"], data=action["data"]
            )
        else:
            content = _plain_workbook(env, wizard)
        seconds = time.perf_counter() - start
        cr.rollback()
    Path(out).write_bytes(content)
    # The kernel's high-water mark of this process's memory. Not ru_maxrss: Linux
    # carries it over execve() from the forked parent, so it would report the bench's
    # own RSS whenever that is larger (251 MB for a 171 MB export on a small run).
    peak = _vm("VmHWM")
    result = {
        "seconds": seconds,
        "peak": peak,
        "ru_maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        "loaded": rss_loaded,
        "size": len(content),
    }
    print(CHILD_MARK + json.dumps(result), flush=True)


def _vm(key):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024
    return 0


def _plain_workbook(env, wizard):
    """The same workbook written the plain way: xlsxwriter keeping every cell in
    memory, the detail lines read with one search_read."""
    import io

    import xlsxwriter

    from odoo.addons.crm_expense.report.crm_expense_analysis_xlsx import (
        DETAIL_FIELDS,
    )

    report = env["report.crm_expense.analysis_xlsx"]
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer)
    styles = {
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "header": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
        "money": workbook.add_format({"num_format": "#,##0.00"}),
        "total": workbook.add_format({"bold": True, "num_format": "#,##0.00", "top": 1}),
        "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
    }
    report._write_crosstab(workbook, wizard, styles)
    analysis = env["crm.expense.analysis"]
    fields_ = [analysis._fields[name] for name in DETAIL_FIELDS]
    sheet = workbook.add_worksheet("Details")
    for index, field in enumerate(fields_):
        sheet.write(0, index, field._description_string(env), styles["header"])
    kinds = dict(analysis._fields["kind"]._description_selection(env))
    lines = analysis.search_read(wizard._analysis_domain(), DETAIL_FIELDS, order="date, id")
    for line, values in enumerate(lines, start=1):
        for index, field in enumerate(fields_):
            value = values[field.name]
            if value is False or value is None:
                continue
            if field.type == "many2one":
                sheet.write_string(line, index, value[1])
            elif field.type == "monetary":
                sheet.write_number(line, index, value, styles["money"])
            elif field.type == "date":
                sheet.write_datetime(line, index, value, styles["date"])
            elif field.type == "selection":
                sheet.write_string(line, index, kinds[value])
            else:
                sheet.write_string(line, index, value)
    workbook.close()
    return buffer.getvalue()


def _run_child(mode, db, wizard_id, out):
    from odoo.tools import config

    addons_path = config["addons_path"]
    if not isinstance(addons_path, str):
        addons_path = ",".join(addons_path)
    conf = ROOT / ".local" / "odoo.conf"
    cmd = [sys.executable, "-m", "bench.expense_xlsx", "--child", mode, db, str(wizard_id), out]
    start = time.perf_counter()
    proc = subprocess.run(
        [*cmd, str(conf), addons_path],
        capture_output=True,
        text=True,
        check=False,
        env=os.environ,
        cwd=ROOT,
    )
    wall = time.perf_counter() - start
    for line in proc.stdout.splitlines():
        if line.startswith(CHILD_MARK):
            result = json.loads(line.removeprefix(CHILD_MARK))
            result["process"] = wall
            return result
    raise RuntimeError(f"{mode} export failed (rc {proc.returncode}): {proc.stderr[-3000:]}")


def _read_back(path):
    """Lines of the detail sheet and their spent total, read with openpyxl read_only,
    and the number of rows of the cross-tab sheet."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        crosstab, details = book.worksheets
        lines, spent = 0, 0.0
        for values in details.iter_rows(min_row=2, values_only=True):
            lines += 1
            spent += values[14] or 0.0
        crosstab_rows = sum(1 for _r in crosstab.iter_rows(values_only=True))
    finally:
        book.close()
    return lines, spent, crosstab_rows


def _detail_rows(path):
    """Lines of the detail sheet as the file declares them (its dimension)."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return book.worksheets[1].max_row - 1
    finally:
        book.close()


def _mb(size):
    return f"{size / 2**20:.0f} MB"


def bench_xlsx(env, bench, target, runs):
    day, expected = _detail_period(env, target)
    wizard = env["crm.expense.analysis.export"].create(
        {"preset": "department_item", "measure": "spent_amount", "date_from": day}
    )
    env.cr.execute(
        "SELECT coalesce(sum(spent_amount), 0) FROM crm_expense_analysis WHERE date >= %s",
        [day],
    )
    db_spent = float(env.cr.fetchone()[0])
    env.cr.commit()
    db = env.cr.dbname
    results = {"ours": [], "plain": []}
    with tempfile.TemporaryDirectory(prefix="bench_expense_") as tmp:
        files = {mode: str(Path(tmp) / f"{mode}.xlsx") for mode in results}
        for _i in range(runs):
            for mode, samples in results.items():
                samples.append(_run_child(mode, db, wizard.id, files[mode]))
        lines, spent, crosstab_rows = _read_back(files["ours"])
        plain_lines = _detail_rows(files["plain"])
    ours, plain = (Stats([r["seconds"] for r in results[m]]) for m in ("ours", "plain"))
    ours_peak = max(r["peak"] for r in results["ours"])
    plain_peak = max(r["peak"] for r in results["plain"])
    loaded = max(r["loaded"] for r in results["ours"])
    process = Stats([r["process"] for r in results["ours"]])
    ok = ours_peak < RSS_LIMIT_MB * 2**20
    bench.line(
        f"expense XLSX export of {lines:,} detail lines (period from {day}, {runs} runs,"
        f" child processes): report_xlsx + constant_memory p50 {bench.ms(ours.p50)},"
        f" p95 {bench.ms(ours.p95)} (whole process {bench.ms(process.p50)}), peak RSS"
        f" {_mb(ours_peak)} (after loading the registry {_mb(loaded)}),"
        f" under {RSS_LIMIT_MB} MB: {'yes' if ok else 'NO'};"
        f" plain xlsxwriter + one search_read p50 {bench.ms(plain.p50)}, p95"
        f" {bench.ms(plain.p95)}, peak RSS {_mb(plain_peak)};"
        f" time ratio {plain.p50 / ours.p50:.1f}x, memory ratio"
        f" {plain_peak / ours_peak:.1f}x"
    )
    same = lines == plain_lines == expected and abs(spent - db_spent) < 0.01 * max(1, lines)
    bench.line(
        f"expense XLSX file read back with openpyxl (read_only): {lines:,} detail lines"
        f" (database {expected:,}, plain workbook {plain_lines:,}), cross-tab sheet"
        f" {crosstab_rows} rows, spent {spent:,.2f} (database {db_spent:,.2f}),"
        f" {_mb(results['ours'][-1]['size'])} file: {'consistent' if same else 'MISMATCH'}"
    )
    assert same, f"{lines} / {plain_lines} / {expected} lines, spent {spent} vs {db_spent}"


if __name__ == "__main__" and sys.argv[1:2] == ["--child"]:
    _child(*sys.argv[2:4], int(sys.argv[4]), *sys.argv[5:8])
