"""RFM: the nightly set-based SQL pass against a per-record ORM loop doing the same job."""

from datetime import timedelta

from odoo import fields
from odoo.tools import SQL


def insert_orders(env):
    """Orders of ~70% of the customers: a long tail of orders per buyer, dates over two
    years, long-tailed amounts; 85% confirmed, the rest quotations or cancelled."""
    company = env.company
    env.cr.execute(
        SQL(
            """
            INSERT INTO sale_order (
                name, partner_id, partner_invoice_id, partner_shipping_id, company_id,
                currency_id, currency_rate, date_order, state, amount_untaxed, amount_tax,
                amount_total, picking_policy, user_id, team_id, create_uid, write_uid,
                create_date, write_date)
            SELECT 'BENCH/' || p.id || '/' || k, p.id, p.id, p.id, %(company)s,
                   %(currency)s, 1.0, o.date_order, o.state, o.amount, 0, o.amount, 'direct',
                   p.user_id, p.team_id, 1, 1, o.date_order, o.date_order
              FROM res_partner p
             CROSS JOIN LATERAL generate_series(
                   1, CASE WHEN random() + 0 * p.id < 0.7
                           THEN floor(random() ^ 3 * 12)::int + 1 ELSE 0 END) k
             CROSS JOIN LATERAL (
                SELECT now() AT TIME ZONE 'UTC'
                           - (random() + 0 * k) ^ 1.5 * interval '730 days' AS date_order,
                       CASE WHEN random() + 0 * k < 0.85 THEN 'sale'
                            WHEN random() < 0.5 THEN 'draft' ELSE 'cancel' END AS state,
                       round((200 * exp((random() + 0 * k) * 6))::numeric, 2) AS amount) o
             WHERE p.is_company AND p.customer_rank > 0
            """,
            company=company.id,
            currency=company.currency_id.id,
        )
    )
    env.cr.execute("ANALYZE sale_order")
    env.cr.execute("SELECT count(*), count(*) FILTER (WHERE state = 'sale') FROM sale_order")
    return env.cr.fetchone()


def orm_loop(env, partners):
    """What a plain Odoo implementation would do: search and aggregate the orders of each
    customer, rank in Python, then write each customer."""
    now = fields.Datetime.now()
    since = now - timedelta(days=env.company.crm_rfm_window_days)
    SaleOrder = env["sale.order"]
    stats = {}
    for partner in partners:
        orders = SaleOrder.search(
            [
                ("partner_id", "child_of", partner.id),
                ("state", "=", "sale"),
                ("date_order", ">=", since),
            ]
        )
        if orders:
            stats[partner.id] = (
                max(orders.mapped("date_order")),
                len(orders),
                sum(orders.mapped("amount_untaxed")),
            )

    def ntile(position, total):
        # PostgreSQL's NTILE(5): the first (total % 5) buckets get one row more
        size, extra = divmod(total, 5)
        bucket, limit = 0, 0
        while position >= limit:
            bucket += 1
            limit += size + (1 if bucket <= extra else 0)
        return bucket

    ids = list(stats)
    scores = {pid: [0, 0, 0] for pid in ids}
    for metric in range(3):
        ordered = sorted(ids, key=lambda pid, m=metric: (stats[pid][m], pid))
        for position, pid in enumerate(ordered):
            scores[pid][metric] = ntile(position, len(ordered))
    segments = env["crm.rfm.segment"].search([])
    for partner in partners:
        if partner.id not in stats:
            if partner.rfm_date:
                partner.write(dict.fromkeys(["rfm_score", "rfm_segment_id", "rfm_date"], False))
            continue
        last, frequency, monetary = stats[partner.id]
        r, f, m = scores[partner.id]
        segment = next(
            (
                s
                for s in segments
                if s.r_score_min <= r <= s.r_score_max
                and s.f_score_min <= f <= s.f_score_max
                and s.m_score_min <= m <= s.m_score_max
            ),
            segments.browse(),
        )
        partner.write(
            {
                "rfm_recency_days": (now.date() - last.date()).days,
                "rfm_frequency": frequency,
                "rfm_monetary": monetary,
                "rfm_r_score": r,
                "rfm_f_score": f,
                "rfm_m_score": m,
                "rfm_score": f"{r}{f}{m}",
                "rfm_segment_id": segment.id,
                "rfm_date": now,
            }
        )
    env.flush_all()


def run(env, bench):
    Partner = env["res.partner"]
    orders, confirmed = insert_orders(env)
    env.cr.execute("SELECT count(*) FROM res_partner WHERE is_company AND customer_rank > 0")
    customers = env.cr.fetchone()[0]
    with bench.queries(env) as q:
        scored = Partner._cron_compute_rfm()
    stats = bench.measure(Partner._cron_compute_rfm, runs=5)

    sample_size = min(bench.size("BENCH_BASELINE_SAMPLE", 5000), customers)
    with bench.rollback(env):
        sample = Partner.search(
            [("is_company", "=", True), ("customer_rank", ">", 0)], limit=sample_size
        )
        baseline, _result = bench.timed(lambda: orm_loop(env, sample))
    extrapolated = baseline * customers / sample_size if sample_size else 0
    bench.line(
        f"rfm pass {customers:,} customers, {orders:,} orders ({confirmed:,} confirmed),"
        f" {scored:,} scored: {stats}, {q.count} queries;"
        f" per-record ORM loop {bench.ms(extrapolated)}"
        f" ({sample_size:,} timed in {bench.ms(baseline)}, extrapolated);"
        f" ratio {bench.ratio(extrapolated, stats.p50)}"
    )
