"""Loan alerts: the daily cron over the three loan clocks (ship, return, feedback).

CRM_BENCH_LOAN_LINES (100,000) loan lines on loans of 1-8 lines (most have one or
two), CRM_BENCH_LOAN_OVERDUE loans (default a fifth of the lines: 20,000) overdue on a
clock and about a tenth of the running ones due soon, owners and customers as in
bench/data.py, dates over two years around today. SMS alerts are on (the sms.sms
records are only created: nothing sends them).

Ours: crm.loan._cron_send_alerts() (set-based, batches of 1000), CRM_BENCH_LOAN_RUNS
(5) runs, each from the same state (savepoint rolled back). Baseline: the plain
per-record ORM loop doing the same job (clocks computed in Python, activity_schedule,
one mail.mail and one sms.sms per alert, a write per alert), timed on
BENCH_BASELINE_SAMPLE (2,000) of the loans it has to look at, extrapolated.
"""

import time

from markupsafe import Markup

from odoo import fields
from odoo.tools import SQL

from bench.harness import Stats

CLOCKS = ("ship", "return", "feedback")


def _running(loan):
    """The clocks of a loan that are running, as the alert view defines them."""
    return {
        "ship": loan.state == "approved",
        "return": loan.state == "shipped" and loan.outstanding_qty > 0,
        "feedback": loan.state in ("shipped", "done") and not loan.has_feedback,
    }


def _generate(env, bench, lines, overdue, today):
    """Loans and lines in bulk SQL; only the products go through the ORM."""
    cr = env.cr
    company = env.company
    products = env["product.product"].create(
        [
            {"name": f"Bench Loan {name}", "type": "consu", "is_storable": True}
            for name in ("Sample Kit", "Demo Unit", "Spare Module", "Probe", "Gateway")
        ]
    )
    warehouse = env["stock.warehouse"].search([("company_id", "=", company.id)], limit=1)
    team_of = {user.id: team.id for team in bench.teams for user in team.member_ids}
    users = bench.users.ids
    env.flush_all()
    cr.execute(
        """
        CREATE TEMP TABLE bench_loan_customer AS
        SELECT row_number() OVER (ORDER BY id) AS ord, id, user_id
          FROM res_partner WHERE is_company AND customer_rank = 1
        """
    )
    cr.execute("CREATE INDEX ON bench_loan_customer (ord)")
    cr.execute("SELECT count(*) FROM bench_loan_customer")
    customers = cr.fetchone()[0]
    # One row per loan: its size, state, customer (random()^2: a few large accounts)
    # and random draws; lines are cut so that their total is exactly `lines`.
    cr.execute(
        SQL(
            """
            CREATE TEMP TABLE bench_loan_plan AS
            SELECT p.*, sum(p.nlines) OVER (ORDER BY p.ord) - p.nlines AS before
              FROM (SELECT g AS ord, 1 + floor(random() ^ 4 * 8)::int AS nlines,
                           random() AS st, random() AS fb, random() AS pick,
                           random() AS d1, random() AS d2, random() AS d3,
                           floor(random() ^ 2 * %(customers)s)::int + 1 AS cust_ord,
                           (%(users)s::int[])[1 + floor(random() * %(nusers)s)::int] AS fallback
                      FROM generate_series(1, %(lines)s) g) p
            """,
            customers=customers,
            users=users,
            nusers=len(users),
            lines=lines,
        )
    )
    cr.execute(
        SQL(
            """
            DELETE FROM bench_loan_plan WHERE before >= %(lines)s;
            UPDATE bench_loan_plan SET nlines = LEAST(nlines, %(lines)s - before);
            ALTER TABLE bench_loan_plan ADD loan_id int, ADD state text, ADD has_feedback bool,
                                        ADD running bool, ADD kind text;
            UPDATE bench_loan_plan SET
                   loan_id = nextval('crm_loan_id_seq'),
                   state = CASE WHEN st < 0.03 THEN 'draft' WHEN st < 0.05 THEN 'submitted'
                                WHEN st < 0.06 THEN 'rejected' WHEN st < 0.08 THEN 'cancel'
                                WHEN st < 0.20 THEN 'approved' WHEN st < 0.60 THEN 'shipped'
                                ELSE 'done' END;
            UPDATE bench_loan_plan SET
                   has_feedback = (state = 'shipped' AND fb < 0.25)
                               OR (state = 'done' AND fb < 0.7),
                   running = state IN ('approved', 'shipped')
                          OR (state = 'done' AND fb >= 0.7);
            """,
            lines=lines,
        )
    )
    # The first `overdue` running loans (in random order) are late, the next tenth
    # of the running ones due within the reminder window, the others later.
    cr.execute(
        SQL(
            """
            UPDATE bench_loan_plan p SET kind = CASE WHEN r.rank <= %(overdue)s THEN 'overdue'
                                                     WHEN r.rank <= %(overdue)s + r.n / 10
                                                     THEN 'soon' ELSE 'later' END
              FROM (SELECT ord, row_number() OVER (ORDER BY pick) AS rank,
                           count(*) OVER () AS n
                      FROM bench_loan_plan WHERE running) r
             WHERE r.ord = p.ord;
            UPDATE bench_loan_plan SET kind = 'closed' WHERE NOT running;
            CREATE TEMP TABLE bench_loan_dates AS
            SELECT ord, CASE WHEN kind = 'overdue' THEN -1 - floor(d1 ^ 2 * 365)::int
                             WHEN kind = 'soon' THEN floor(d1 * 3)::int
                             WHEN kind = 'later' THEN 4 + floor(d1 * 360)::int
                             WHEN state IN ('draft', 'submitted') THEN 10 + floor(d1 * 90)::int
                             ELSE -30 - floor(d1 * 670)::int END AS due,
                   7 + floor(d2 * 83)::int AS ship_gap, 7 + floor(d3 * 23)::int AS fb_gap
              FROM bench_loan_plan;
            """,
            overdue=overdue,
        )
    )
    # The date of the running clock is `due` days from today; the others follow
    # from it (ship <= return <= feedback), so that only that clock can alert.
    cr.execute(
        SQL(
            """
            INSERT INTO crm_loan (
                id, name, loan_type, state, partner_id, commercial_partner_id, user_id,
                team_id, company_id, warehouse_id, validation_status, expected_ship_date,
                expected_return_date, expected_feedback_date, ship_date, has_feedback,
                ship_alert, return_alert, feedback_alert, create_uid, write_uid,
                create_date, write_date)
            SELECT p.loan_id,
                   'LN/' || extract(year FROM x.ship)::int || '/' || lpad(p.ord::text, 6, '0'),
                   CASE WHEN p.d3 < 0.6 THEN 'sample' WHEN p.d3 < 0.9 THEN 'demo' ELSE 'spare' END,
                   p.state, c.id, c.id, o.user_id, o.team_id, %(company)s, %(warehouse)s, 'no',
                   x.ship, x.ship + d.ship_gap, x.ship + d.ship_gap + d.fb_gap,
                   CASE WHEN p.state IN ('shipped', 'done')
                        THEN LEAST(x.ship, %(today)s::date)::timestamp END,
                   p.has_feedback, 'none', 'none', 'none', 1, 1,
                   LEAST(x.ship::timestamp - interval '3 days', now()), now()
              FROM bench_loan_plan p
              JOIN bench_loan_dates d ON d.ord = p.ord
              JOIN bench_loan_customer c ON c.ord = p.cust_ord
             CROSS JOIN LATERAL (
                SELECT %(today)s::date + CASE
                           WHEN p.state = 'shipped' THEN d.due - d.ship_gap
                           WHEN p.state = 'done' AND p.running THEN d.due - d.fb_gap - d.ship_gap
                           ELSE d.due END AS ship) x
             CROSS JOIN LATERAL (
                SELECT u.user_id, u.team_id
                  FROM unnest(%(users)s::int[], %(teams)s::int[]) u(user_id, team_id)
                 WHERE u.user_id = COALESCE(c.user_id, p.fallback)) o
            """,
            company=company.id,
            warehouse=warehouse.id,
            today=today,
            users=users,
            teams=[team_of.get(user) for user in users],
        )
    )
    # Shipped loans keep their first line out (outstanding > 0), half of the others
    # came back; closed loans came back or were converted in full.
    cr.execute(
        SQL(
            """
            INSERT INTO crm_loan_line (
                loan_id, sequence, company_id, product_id, product_uom_id, product_uom_qty,
                loaned_qty, returned_qty, converted_qty, outstanding_qty,
                create_uid, write_uid, create_date, write_date)
            SELECT p.loan_id, 10 * i, %(company)s,
                   (%(products)s::int[])[1 + floor(r.pr * %(nproducts)s)::int], %(uom)s,
                   r.qty, r.loaned, r.back, r.loaned - r.back - r.out, r.out, 1, 1, now(), now()
              FROM bench_loan_plan p
             CROSS JOIN generate_series(1, p.nlines) i
             CROSS JOIN LATERAL (
                SELECT q.*, CASE WHEN p.state = 'done' AND q.rnd < 0.8 THEN q.loaned
                                 WHEN p.state = 'shipped' AND i > 1 AND q.rnd < 0.5
                                 THEN q.loaned ELSE 0 END AS back,
                            CASE WHEN p.state = 'shipped' AND (i = 1 OR q.rnd >= 0.5)
                                 THEN q.loaned ELSE 0 END AS out
                  FROM (SELECT random() AS pr, random() AS rnd, s.qty,
                               CASE WHEN p.state IN ('shipped', 'done') THEN s.qty ELSE 0 END
                                   AS loaned
                          FROM (SELECT 1 + floor(random() ^ 2 * 5) AS qty, i) s) q) r
            """,
            company=company.id,
            products=products.ids,
            nproducts=len(products),
            uom=products[0].uom_id.id,
        )
    )
    cr.execute(
        """
        UPDATE crm_loan l SET loaned_qty = s.loaned, outstanding_qty = s.out
          FROM (SELECT loan_id, sum(loaned_qty) AS loaned, sum(outstanding_qty) AS out
                  FROM crm_loan_line GROUP BY loan_id) s
         WHERE s.loan_id = l.id;
        DROP TABLE bench_loan_plan, bench_loan_dates, bench_loan_customer;
        ANALYZE crm_loan;
        ANALYZE crm_loan_line;
        """
    )
    env.invalidate_all()


def _expected(env, company, today):
    """The alerts due today, counted on the loans in plain SQL, not through the view."""
    days = {clock: company._crm_loan_alert_days(clock) for clock in CLOCKS}
    env.cr.execute(
        SQL(
            """
            SELECT c.clock, v.level, count(*), array_agg(DISTINCT l.id)
              FROM crm_loan l
             CROSS JOIN LATERAL (VALUES
                ('ship', l.state = 'approved', l.expected_ship_date, %(sb)s, %(sa)s),
                ('return', l.state = 'shipped' AND l.outstanding_qty > 0,
                 l.expected_return_date, %(rb)s, %(ra)s),
                ('feedback', l.state IN ('shipped', 'done') AND NOT l.has_feedback,
                 l.expected_feedback_date, %(fb)s, %(fa)s)) c(clock, running, due, b, a)
             CROSS JOIN LATERAL (
                SELECT CASE WHEN %(today)s::date - c.due > c.a THEN 'overdue'
                            WHEN %(today)s::date - c.due BETWEEN -c.b AND 0 THEN 'soon'
                       END AS level) v
             WHERE c.running AND c.due IS NOT NULL AND v.level IS NOT NULL
             GROUP BY c.clock, v.level
            """,
            today=today,
            sb=days["ship"][0],
            sa=days["ship"][1],
            rb=days["return"][0],
            ra=days["return"][1],
            fb=days["feedback"][0],
            fa=days["feedback"][1],
        )
    )
    rows = env.cr.fetchall()
    levels = {(clock, level): count for clock, level, count, _ids in rows}
    overdue = {i for _clock, level, _count, ids in rows if level == "overdue" for i in ids}
    alerted = {i for *_rest, ids in rows for i in ids}
    return levels, len(overdue), len(alerted)


def _outputs(env):
    """Counts of what an alert run leaves behind: activities, mails, texts, levels."""
    cr = env.cr
    activity_type = env.ref("crm_loan.mail_activity_type_loan_alert")
    cr.execute(
        "SELECT count(*) FROM mail_activity WHERE res_model = 'crm.loan' AND activity_type_id = %s",
        [activity_type.id],
    )
    counts = {"activities": cr.fetchone()[0]}
    for table in ("mail_mail", "sms_sms"):
        cr.execute(SQL("SELECT count(*) FROM %s", SQL.identifier(table)))
        counts[table] = cr.fetchone()[0]
    for clock in CLOCKS:
        cr.execute(
            SQL(
                "SELECT %s, count(*) FROM crm_loan WHERE %s != 'none' GROUP BY 1",
                SQL.identifier(f"{clock}_alert"),
                SQL.identifier(f"{clock}_alert"),
            )
        )
        counts.update({(clock, level): count for level, count in cr.fetchall()})
    return counts


def _baseline(env, company, loans):
    """The plain per-record ORM loop doing the same job as the cron."""
    Loan = env["crm.loan"]
    today = fields.Date.context_today(Loan)
    days = {clock: company._crm_loan_alert_days(clock) for clock in CLOCKS}
    alerts = 0
    for loan in loans:
        for clock, running in _running(loan).items():
            due = loan[f"expected_{clock}_date"]
            if not running or not due:
                continue
            before, after = days[clock]
            late, current = (today - due).days, loan[f"{clock}_alert"]
            if late > after and current in ("none", "soon"):
                level = "overdue"
            elif -before <= late <= 0 and current == "none":
                level = "soon"
            else:
                continue
            summary = Loan._alert_summary(clock, level)
            user = loan.user_id
            # Quick update: the owner is told by the mail below, not by a second one.
            loan.with_context(mail_activity_quick_update=True).activity_schedule(
                "crm_loan.mail_activity_type_loan_alert",
                date_deadline=due,
                summary=summary,
                user_id=user.id,
            )
            env["mail.mail"].create(
                {
                    "subject": summary,
                    "body_html": Markup("<p>%s: %s — %s</p>")
                    % (summary, loan.name, loan.partner_id.display_name or ""),
                    "email_to": user.email_formatted,
                    "email_from": company.email_formatted or user.email_formatted,
                    "recipient_ids": [(4, user.partner_id.id)],
                    "auto_delete": True,
                }
            )
            number = user.partner_id.phone_sanitized or user.partner_id.phone
            if company.crm_loan_alert_sms and number:
                env["sms.sms"].create(
                    {
                        "number": number,
                        "partner_id": user.partner_id.id,
                        "body": f"{summary}: {loan.name}",
                    }
                )
            loan.write({f"{clock}_alert": level})
            alerts += 1
    env.flush_all()
    return alerts


def run(env, bench):
    lines = bench.size("CRM_BENCH_LOAN_LINES", 100_000)
    overdue = bench.size("CRM_BENCH_LOAN_OVERDUE", lines // 5)
    runs = bench.size("CRM_BENCH_LOAN_RUNS", 5)
    sample = bench.size("BENCH_BASELINE_SAMPLE", 2000)
    # The cron's own context (no tracking_disable from the bench's environment).
    env = env(context={})
    company = env.company
    today = fields.Date.context_today(env["crm.loan.alert"])
    start = time.perf_counter()
    _generate(env, bench, lines, overdue, today)
    # Owners need a number for the SMS; nothing sends the sms.sms records made.
    for i, partner in enumerate(bench.users.partner_id, start=1):
        partner.phone = f"+86 139 {i:04d} {i * 7:04d}"
    company.crm_loan_alert_sms = True
    env.flush_all()
    env.cr.execute("SELECT count(*) FROM crm_loan")
    loans = env.cr.fetchone()[0]
    levels, overdue_loans, alerted_loans = _expected(env, company, today)
    alert_count = sum(levels.values())
    generated = time.perf_counter() - start
    before = _outputs(env)

    samples, query_counts, outputs = [], [], []
    for _i in range(runs):
        with bench.rollback(env):
            with bench.queries(env) as queries:
                seconds, _result = bench.timed(env["crm.loan"]._cron_send_alerts)
            samples.append(seconds)
            query_counts.append(queries.count)
            after = _outputs(env)
            outputs.append({key: after.get(key, 0) - before.get(key, 0) for key in after})
    stats = Stats(samples)
    done = outputs[0]
    assert all(out == done for out in outputs), f"runs differ: {outputs}"
    assert done["activities"] == alert_count, f"{done['activities']} of {alert_count} alerts"
    for key, count in levels.items():
        assert done.get(key) == count, f"{key}: {done.get(key)} levels written, {count} due"

    # Baseline: the loans a plain loop has to look at (every one with a running clock).
    candidates = env["crm.loan"].search(
        [("state", "in", ("approved", "shipped", "done"))], order="id"
    )
    taken = candidates[:sample]
    with bench.rollback(env):
        with bench.queries(env) as base_queries:
            base_seconds, base_alerts = bench.timed(lambda: _baseline(env, company, taken))
    scale = len(candidates) / max(len(taken), 1)
    base_total = base_seconds * scale
    sampled = (
        f"{len(taken):,} of {len(candidates):,} loans timed ({base_alerts:,} alerts), extrapolated"
        if len(taken) < len(candidates)
        else "all timed"
    )
    queries = max(query_counts)
    bench.line(
        f"loan alerts {lines:,} lines on {loans:,} loans, {overdue_loans:,} overdue on some clock"
        f" ({alerted_loans:,} alerted, {alert_count:,} alerts; data in {generated:.0f} s):"
        f" cron p50 {bench.ms(stats.p50)}, p95 {bench.ms(stats.p95)}, {queries:,} queries"
        f" ({runs} runs, {queries * 1000 / max(alert_count, 1):.0f} per 1,000 alerts);"
        f" per-record ORM loop {bench.ms(base_total)}, ~{round(base_queries.count * scale):,}"
        f" queries ({sampled}); ratio {bench.ratio(base_total, stats.p50)}"
    )
    written = ", ".join(f"{clock} {level} {count:,}" for (clock, level), count in levels.items())
    bench.line(
        f"loan alerts done, the same in every run: {done['activities']:,} activities"
        f" (= alerts), {done['mail_mail']:,} digest mails, {done['sms_sms']:,} SMS;"
        f" levels written: {written}"
    )
