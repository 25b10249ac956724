"""Work handover: the open records of one bench user go to another through
``crm.handover`` confirm, against a plain per-record ORM ``write`` loop."""

from odoo.tools import SQL


def open_customers(user_id):
    return SQL("active AND (is_company OR parent_id IS NULL) AND user_id = %s", user_id)


def open_leads(user_id):
    return SQL("active AND won_status IS DISTINCT FROM 'won' AND user_id = %s", user_id)


def _book(cr, user_id):
    cr.execute(SQL("SELECT count(*) FROM res_partner WHERE %s", open_customers(user_id)))
    customers = cr.fetchone()[0]
    cr.execute(SQL("SELECT count(*) FROM crm_lead WHERE %s", open_leads(user_id)))
    return customers, cr.fetchone()[0]


def _pick_users(env, bench):
    """The giver: the largest book; the taker: a member of the giver's team."""
    cr = env.cr
    books = {user: sum(_book(cr, user.id)) for user in bench.users}
    giver = max(books, key=books.get)
    team = giver.sale_team_id
    others = (team.member_ids | team.user_id) - giver if team else bench.users - giver
    taker = others[:1] or (bench.users - giver)[:1]
    third = (bench.users - giver - taker)[:1]
    return giver, taker, third


def _shape_book(env, giver, third, target):
    """Exactly ``target`` open records for the giver: extra leads (then customers)
    go to a third user, missing ones are copies of one of the giver's leads."""
    cr = env.cr
    env.flush_all()
    customers, leads = _book(cr, giver.id)
    excess = customers + leads - target
    if excess > 0:
        moved = min(excess, leads)
        cr.execute(
            SQL(
                "UPDATE crm_lead SET user_id = %s WHERE id IN"
                " (SELECT id FROM crm_lead WHERE %s ORDER BY id DESC LIMIT %s)",
                third.id,
                open_leads(giver.id),
                moved,
            )
        )
        if excess > moved:
            cr.execute(
                SQL(
                    "UPDATE res_partner SET user_id = %s WHERE id IN"
                    " (SELECT id FROM res_partner WHERE %s ORDER BY id DESC LIMIT %s)",
                    third.id,
                    open_customers(giver.id),
                    excess - moved,
                )
            )
    elif excess < 0:
        cr.execute(
            SQL(
                "SELECT id FROM crm_lead WHERE %s ORDER BY id LIMIT 1",
                open_leads(giver.id),
            )
        )
        model_id = cr.fetchone()[0]
        cr.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = 'crm_lead' AND column_name != 'id'"
        )
        columns = [row[0] for row in cr.fetchall()]
        identifiers = SQL(", ").join(SQL.identifier(column) for column in columns)
        cr.execute(
            SQL(
                "INSERT INTO crm_lead (%s) SELECT %s FROM crm_lead, generate_series(1, %s)"
                " WHERE crm_lead.id = %s",
                identifiers,
                SQL(", ").join(SQL.identifier("crm_lead", column) for column in columns),
                -excess,
                model_id,
            )
        )
    env.invalidate_all()
    return _book(cr, giver.id)


def run(env, bench):
    target = bench.size("BENCH_HANDOVER_RECORDS", 20000)
    sample_size = bench.size("BENCH_BASELINE_SAMPLE", 5000)
    giver, taker, third = _pick_users(env, bench)

    with bench.rollback(env):
        customers, leads = _shape_book(env, giver, third, target)
        handover = env["crm.handover"].create({"from_user_id": giver.id, "to_user_id": taker.id})
        env.flush_all()

        def confirm():
            handover.action_confirm()
            env.flush_all()

        with bench.queries(env) as queries:
            seconds, _result = bench.timed(confirm)
        counts = {line.name: line.count for line in handover.line_ids if line.count}
        moved = sum(counts.values())
        left = sum(_book(env.cr, giver.id))
        query_count = queries.count

    with bench.rollback(env):
        _shape_book(env, giver, third, target)
        partners = env["res.partner"].search(
            [("user_id", "=", giver.id), "|", ("is_company", "=", True), ("parent_id", "=", False)]
        )
        opportunities = env["crm.lead"].search(
            [("user_id", "=", giver.id), ("won_status", "!=", "won")]
        )
        total = len(partners) + len(opportunities)
        sample_partners = partners[: round(sample_size * len(partners) / max(total, 1))]
        sample_leads = opportunities[: sample_size - len(sample_partners)]
        sampled = len(sample_partners) + len(sample_leads)

        def loop():
            for record in sample_partners:
                record.write({"user_id": taker.id})
            for record in sample_leads:
                record.write({"user_id": taker.id})
            env.flush_all()

        with bench.queries(env) as baseline_queries:
            baseline_sample, _result = bench.timed(loop)
        baseline = baseline_sample * total / max(sampled, 1)
        baseline_query_count = round(baseline_queries.count * total / max(sampled, 1))

    detail = ", ".join(f"{name} {count:,}" for name, count in counts.items())
    bench.line(
        f"handover {moved:,} records ({detail}) between two users"
        f" ({customers:,} customers + {leads:,} leads/opportunities, {left:,} left behind):"
        f" {seconds:.1f} s, {query_count:,} queries; per-record ORM loop {baseline:.1f} s,"
        f" ~{baseline_query_count:,} queries ({sampled:,} timed, extrapolated);"
        f" ratio {baseline / seconds:.1f}x"
    )
