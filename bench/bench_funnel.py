"""Funnel and forecast: crm_funnel / crm_forecast (one _read_group each, on partial
indexes) against the Python-side aggregation of the same records (search_fetch of the
opportunities, then sums in dictionaries)."""

import contextlib
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tools import SQL

FORECAST_MONTHS = 12


def insert_opportunities(env, bench, count):
    """Opportunities up to `count` in all: stages skewed towards the early ones, 15% won,
    10% lost, long-tailed amounts, expected closing dates over two years (one behind,
    one ahead), owners over the bench users (8% nobody's)."""
    cr = env.cr
    cr.execute("SELECT count(*) FROM crm_lead WHERE type = 'opportunity'")
    missing = count - cr.fetchone()[0]
    if missing <= 0:
        return 0
    stages = env["crm.stage"].search([], order="sequence")
    won = stages.filtered("is_won")[:1]
    open_stages = (stages - won).ids
    users = bench.users.ids
    team_of = {user.id: team.id for team in bench.teams for user in team.member_ids}
    cr.execute(
        SQL(
            """
            INSERT INTO crm_lead (
                name, type, user_id, team_id, stage_id, active, probability,
                automated_probability, expected_revenue, prorated_revenue, won_status,
                date_closed, company_id, priority, color, create_uid, write_uid,
                create_date, write_date, date_open, date_last_stage_update, date_deadline)
            SELECT 'Funnel bench #' || g, 'opportunity', o.user_id, o.team_id,
                   CASE WHEN s.is_won THEN %(won)s
                        ELSE (%(open)s::int[])[1 + floor(s.st ^ 1.6 * %(nopen)s)::int] END,
                   NOT s.is_lost, s.probability, s.probability, s.amount,
                   round((s.amount * s.probability / 100.0)::numeric, 2),
                   CASE WHEN s.is_won THEN 'won' WHEN s.is_lost THEN 'lost' ELSE 'pending' END,
                   CASE WHEN s.is_won OR s.is_lost THEN s.created END,
                   %(company)s, '0', 0, 1, 1, s.created, s.created, s.created, s.created,
                   (now() - interval '365 days' + s.due * interval '730 days')::date
              FROM generate_series(1, %(count)s) g
             CROSS JOIN LATERAL (
                SELECT x.*,
                       CASE WHEN x.is_won THEN 100 WHEN x.is_lost THEN 0
                            ELSE round(x.st * 80) END AS probability
                  FROM (SELECT random() + 0 * g AS st, random() AS due,
                               random() < 0.15 AS is_won,
                               random() BETWEEN 0.15 AND 0.25 AS is_lost,
                               round((exp(random() * 6) * 1000)::numeric, 2) AS amount,
                               now() - random() * interval '730 days' AS created,
                               CASE WHEN random() < 0.92
                                    THEN floor(random() * %(nusers)s)::int + 1 END AS owner) x
             ) s
              LEFT JOIN unnest(%(users)s::int[], %(teams)s::int[])
                        WITH ORDINALITY AS o(user_id, team_id, ord) ON o.ord = s.owner
            """,
            won=won.id,
            open=open_stages,
            nopen=len(open_stages),
            company=env.company.id,
            count=missing,
            users=users,
            teams=[team_of[u] for u in users],
            nusers=len(users),
        )
    )
    return missing


def vacuum(env):
    """Commit the rows and vacuum the table the way autovacuum would have done on a live
    database (index-only scans need the visibility map). The bench works on its own copy
    of the data, dropped afterwards, so committing there is harmless."""
    env.cr.commit()
    connection = env.cr._cnx
    connection.autocommit = True  # VACUUM cannot run inside a transaction
    try:
        env.cr._obj.execute("VACUUM ANALYZE crm_lead")
    finally:
        connection.autocommit = False


def python_funnel(env):
    """What a report written with plain ORM reads would do."""
    env.invalidate_all()
    leads = env["crm.lead"].search_fetch(
        [("type", "=", "opportunity"), ("active", "=", True)],
        ["stage_id", "expected_revenue", "prorated_revenue"],
    )
    sums = defaultdict(lambda: [0, 0.0, 0.0])
    for lead in leads:
        row = sums[lead.stage_id.id]
        row[0] += 1
        row[1] += lead.expected_revenue
        row[2] += lead.prorated_revenue
    return sums


def python_forecast(env, start, end):
    env.invalidate_all()
    leads = env["crm.lead"].search_fetch(
        [
            ("type", "=", "opportunity"),
            ("active", "=", True),
            ("won_status", "=", "pending"),
            ("date_deadline", ">=", start),
            ("date_deadline", "<", end),
        ],
        ["date_deadline", "expected_revenue", "prorated_revenue"],
    )
    sums = defaultdict(lambda: [0, 0.0, 0.0])
    for lead in leads:
        row = sums[lead.date_deadline.replace(day=1)]
        row[0] += 1
        row[1] += lead.expected_revenue
        row[2] += lead.prorated_revenue
    return sums


@contextlib.contextmanager
def capture_sql(cr, marker):
    """The statements run inside, whose text contains `marker`, with their parameters."""
    captured = []
    execute = cr.execute

    def spy(query, params=None, log_exceptions=True):
        if isinstance(query, SQL):
            text, args = query.code, query.params
        else:
            text, args = query, params
        if marker in text:
            captured.append((text, args))
        return execute(query, params, log_exceptions)

    cr.execute = spy
    try:
        yield captured
    finally:
        del cr.execute


def plan(env, statement):
    text, args = statement
    env.cr.execute(f"EXPLAIN {text}", args)
    lines = [row[0] for row in env.cr.fetchall()]
    scans = [
        line.split("(cost")[0].strip().removeprefix("->").strip()
        for line in lines
        if "Scan" in line and "crm_lead" in line
    ]
    return "; ".join(scans) or lines[0]


def run(env, bench):
    Lead = env["crm.lead"]
    size = bench.size("BENCH_FUNNEL_OPPORTUNITIES", 1_000_000)
    runs = bench.size("BENCH_FUNNEL_RUNS", 5)
    seconds, added = bench.timed(lambda: insert_opportunities(env, bench, size))
    vacuum(env)
    env.cr.execute(
        "SELECT count(*), count(*) FILTER (WHERE active) FROM crm_lead WHERE type = 'opportunity'"
    )
    total, active = env.cr.fetchone()
    env.cr.execute("SELECT pg_size_pretty(pg_total_relation_size('crm_lead'))")
    table_size = env.cr.fetchone()[0]
    bench.line(
        f"data: {total:,} opportunities ({active:,} active; {added:,} inserted in"
        f" {seconds:.0f} s), crm_lead with indexes {table_size}"
    )

    def funnel():
        env.invalidate_all()
        return Lead.crm_funnel([])

    start = fields.Date.context_today(Lead).replace(day=1)
    end = start + relativedelta(months=FORECAST_MONTHS)

    def forecast():
        env.invalidate_all()
        return Lead.crm_forecast([], months=FORECAST_MONTHS)

    # Same figures both ways, then the timings.
    ours = funnel()
    theirs = python_funnel(env)
    assert [(s["stage_id"], s["count"]) for s in ours["stages"]] == [
        (s["stage_id"], theirs[s["stage_id"]][0]) for s in ours["stages"]
    ], "funnel counts differ from the Python-side aggregation"
    ours_f = forecast()
    theirs_f = python_forecast(env, start, end)
    assert sum(m["count"] for m in ours_f["months"]) == sum(r[0] for r in theirs_f.values())

    with capture_sql(env.cr, "GROUP BY") as statements:
        funnel()
        forecast()
    plans = [plan(env, statement) for statement in statements[:2]]

    with bench.queries(env) as q_funnel:
        funnel()
    with bench.queries(env) as q_forecast:
        forecast()
    ours_funnel = bench.measure(funnel, runs=runs)
    base_funnel = bench.measure(lambda: python_funnel(env), runs=runs)
    ours_forecast = bench.measure(forecast, runs=runs)
    base_forecast = bench.measure(lambda: python_forecast(env, start, end), runs=runs)
    bench.line(
        f"funnel over {active:,} active opportunities, {len(ours['stages'])} stages:"
        f" crm_funnel {ours_funnel}, {q_funnel.count} queries;"
        f" search_fetch + Python sums {base_funnel};"
        f" ratio {bench.ratio(base_funnel.p50, ours_funnel.p50)} (p50, {runs} runs);"
        f" plan: {plans[0] if plans else 'n/a'}"
    )
    bench.line(
        f"forecast {FORECAST_MONTHS} months,"
        f" {sum(m['count'] for m in ours_f['months']):,} open opportunities:"
        f" crm_forecast {ours_forecast}, {q_forecast.count} queries;"
        f" search_fetch + Python sums {base_forecast};"
        f" ratio {bench.ratio(base_forecast.p50, ours_forecast.p50)} (p50, {runs} runs);"
        f" plan: {plans[1] if len(plans) > 1 else 'n/a'}"
    )
