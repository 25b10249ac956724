"""Resource pools: the recall run over overdue records and the claim with its quota check.

Recall: a "no follow-up for D days" rule, D chosen on the generated data so that N owned
open opportunities (BENCH_POOL_RECALL, 50,000) are overdue; those of the next 30 days
enter its warning window. Ours: crm.pool.rule._apply_rules() (set-based). Baseline:
the plain per-record ORM loop doing the same recall (look up the last follow-up, write
the record, create its log line), timed on BENCH_BASELINE_SAMPLE records, extrapolated.
"""

from datetime import timedelta

from odoo import fields

from bench import data


def _prepare_recall(env, overdue):
    """Pick the rule's number of days so that about ``overdue`` owned open opportunities
    are overdue on the generated data as it is (no rows rewritten, no table bloat)."""
    env.flush_all()
    cr = env.cr
    scope = """type = 'opportunity' AND active AND user_id IS NOT NULL
               AND COALESCE(probability, 0) < 100"""
    cr.execute(f"SELECT count(*) FROM crm_lead WHERE {scope}")
    candidates = cr.fetchone()[0]
    cr.execute(
        f"""SELECT floor(extract(epoch FROM now() - create_date) / 86400)::int
              FROM crm_lead WHERE {scope}
          ORDER BY create_date LIMIT 1 OFFSET %s""",
        [max(0, min(overdue, candidates) - 1)],
    )
    days = cr.fetchone()[0]
    cr.execute(
        f"""SELECT id FROM crm_lead WHERE {scope}
              AND create_date < now() - make_interval(days => %s) ORDER BY id""",
        [days],
    )
    return [row[0] for row in cr.fetchall()], candidates, days


def _baseline_recall(env, rule, lead_ids):
    """What a plain per-record ORM loop does for the same recall."""
    Lead = env["crm.lead"].with_context(mail_notrack=True)
    Message = env["mail.message"]
    Log = env["crm.pool.log"]
    limit = fields.Datetime.now() - timedelta(days=rule.days)
    recalled = 0
    for lead in Lead.browse(lead_ids):
        last = Message.search(
            [
                ("model", "=", "crm.lead"),
                ("res_id", "=", lead.id),
                ("message_type", "in", ("comment", "email")),
            ],
            order="date desc",
            limit=1,
        )
        last_date = max(filter(None, [lead.pool_assign_date, lead.create_date, last.date]))
        if last_date >= limit:
            continue
        owner = lead.user_id
        lead.write({"user_id": False, "pool_id": rule.pool_id.id, "pool_recall_date": False})
        Log.create(
            {
                "action": "recall",
                "resource_type": "opportunity",
                "lead_id": lead.id,
                "from_user_id": owner.id,
                "to_pool_id": rule.pool_id.id,
                "rule_id": rule.id,
                "reason": rule.name,
            }
        )
        recalled += 1
    env.flush_all()
    return recalled


def run(env, bench):
    overdue = bench.size("BENCH_POOL_RECALL", 50_000)
    sample = bench.size("BENCH_BASELINE_SAMPLE", 5000)
    pool = env["crm.pool"]._get_public_pool(env.company)
    old_ids, candidates, days = _prepare_recall(env, overdue)
    overdue = len(old_ids)
    rule = env["crm.pool.rule"].create(
        {
            "name": "Bench: opportunities without follow-up",
            "resource_type": "opportunity",
            "condition": "no_followup",
            "days": days,
            "warning_days": 30,
            "pool_id": pool.id,
        }
    )
    with bench.rollback(env):
        with bench.queries(env) as q:
            seconds, _result = bench.timed(rule._apply_rules)
        env.cr.execute(
            "SELECT count(*) FROM crm_lead WHERE pool_id = %s AND id = ANY(%s)", [pool.id, old_ids]
        )
        recalled = env.cr.fetchone()[0]
        env.cr.execute("SELECT count(*) FROM crm_lead WHERE pool_recall_date IS NOT NULL")
        warned = env.cr.fetchone()[0]
        assert recalled == overdue, f"recalled {recalled} of {overdue}"
    taken = min(sample, overdue)
    with bench.rollback(env):
        base_seconds, base_recalled = bench.timed(
            lambda: _baseline_recall(env, rule, old_ids[:taken])
        )
        assert base_recalled == taken
    base_total = base_seconds * overdue / taken
    sampled = f"{taken:,} timed, extrapolated" if taken < overdue else "all timed"
    bench.line(
        f"pool recall {overdue:,} overdue opportunities (of {candidates:,} owned; {warned:,}"
        f" warned; rule: {days} days): {bench.ms(seconds)}, {q.count} queries; per-record ORM loop"
        f" {bench.ms(base_total)} ({sampled}; scanning the non-overdue not counted);"
        f" ratio {bench.ratio(base_total, seconds)}"
    )

    # Claim with the quota check, by a salesperson with a large book. The recall runs
    # above touched most pages of crm_lead (rolled back, their visibility bits are gone
    # all the same); vacuum as autovacuum does after a recall, or the quota's
    # index-only count reads the table as well.
    data.vacuum(env, ("crm_lead",))
    with bench.rollback(env):
        env.cr.execute(
            """UPDATE crm_lead SET user_id = NULL, pool_id = %s
                WHERE id IN (SELECT id FROM crm_lead WHERE type = 'opportunity' AND active
                              AND COALESCE(probability, 0) < 100 ORDER BY id DESC LIMIT 60)
            RETURNING id""",
            [pool.id],
        )
        pooled = sorted(row[0] for row in env.cr.fetchall())
        env.invalidate_all()
        env["crm.pool.quota"].create({"resource_type": "opportunity", "quota": 1_000_000})
        user = bench.users[1]
        held = env["crm.lead"].search_count(
            [("user_id", "=", user.id), ("type", "=", "opportunity")]
        )
        user_env = env(user=user.id, context={})
        ours_ids, base_ids = iter(pooled[:30]), iter(pooled[30:])

        def claim():
            user_env["crm.lead"].browse(next(ours_ids)).action_pool_claim()
            user_env.flush_all()

        def plain():
            env["crm.lead"].browse(next(base_ids)).write({"user_id": user.id, "pool_id": False})
            env.flush_all()

        claim_stats = bench.measure(claim, runs=30)
        plain_stats = bench.measure(plain, runs=30)
    bench.line(
        f"pool claim with quota check ({held:,} opportunities held): p50"
        f" {bench.ms(claim_stats.p50)}, p95 {bench.ms(claim_stats.p95)}; plain ORM write of the"
        f" owner p50 {bench.ms(plain_stats.p50)}; the quota, reclaim and lock checks and the log"
        f" make a claim {claim_stats.p50 / plain_stats.p50:.1f}x a plain write"
    )
