"""Campaigns: inviting 50,000 customers in one request and queueing their mails, and the
campaign analysis over 200 campaigns and 1,000,000 members against the same figures
aggregated in Python."""

from odoo import Command
from odoo.tools import SQL

FIGURES = ["invited_count", "accepted_count", "attended_count", "lead_count", "cost"]


def give_emails_normalized(env, limit):
    """The generator writes e-mails by SQL; email_normalized is what the wizard reads."""
    env.cr.execute(
        SQL(
            """
            UPDATE res_partner SET email_normalized = lower(email)
             WHERE id IN (SELECT id FROM res_partner
                           WHERE is_company AND customer_rank > 0 AND email IS NOT NULL
                           ORDER BY id LIMIT %s)
            RETURNING id
            """,
            limit,
        )
    )
    ids = [row[0] for row in env.cr.fetchall()]
    env.invalidate_all()
    return max(ids) if ids else 0, len(ids)


def per_partner_invite(env, campaign, partners):
    """What a plain implementation does: one search for an existing member and one
    create per partner."""
    Member = env["crm.campaign.member"]
    for partner in partners:
        if not partner.email_normalized:
            continue
        if Member.search_count(
            [("campaign_id", "=", campaign.id), ("partner_id", "=", partner.id)]
        ):
            continue
        Member.create({"campaign_id": campaign.id, "partner_id": partner.id})
    env.flush_all()


def bench_invite(env, bench):
    count = bench.size("BENCH_CAMPAIGN_INVITE", 50_000)
    last_id, with_email = give_emails_normalized(env, count)
    Campaign = env["utm.campaign"]
    campaign = Campaign.create({"title": "Bench Invitation"})
    wizard = env["crm.campaign.invite"].create(
        {
            "campaign_id": campaign.id,
            "partner_domain": repr(
                [("is_company", "=", True), ("customer_rank", ">", 0), ("id", "<=", last_id)]
            ),
        }
    )
    with bench.queries(env) as q:
        wall, _action = bench.timed(wizard.action_invite)
    invited = wizard.added_count

    send_sample = min(bench.size("BENCH_CAMPAIGN_SEND", 5_000), invited)
    Member = env["crm.campaign.member"]
    with bench.rollback(env):
        members = Member.search(
            [("campaign_id", "=", campaign.id), ("trace_status", "=", "to_send")],
            limit=send_sample,
        )
        send_wall, _r = bench.timed(
            lambda: (members._campaign_queue_invitations(), env.flush_all())
        )

    sample_size = min(bench.size("BENCH_BASELINE_SAMPLE", 2_000), with_email)
    with bench.rollback(env):
        other = Campaign.create({"title": "Bench Baseline"})
        sample = env["res.partner"].search(
            [("is_company", "=", True), ("id", "<=", last_id)], limit=sample_size
        )
        baseline, _r = bench.timed(lambda: per_partner_invite(env, other, sample))
    extrapolated = baseline * invited / sample_size if sample_size else 0
    bench.line(
        f"invite {invited:,} of {with_email:,} customers in one request: {bench.ms(wall)},"
        f" {q.count} queries; per-partner search + create {bench.ms(extrapolated)}"
        f" ({sample_size:,} timed in {bench.ms(baseline)}, extrapolated);"
        f" ratio {bench.ratio(extrapolated, wall)}"
    )
    bench.line(
        f"queue invitation mails: {send_sample:,} in {bench.ms(send_wall)},"
        f" {send_sample / send_wall:,.0f} mails queued per second"
        f" ({invited / (send_sample / send_wall):,.0f} s for all {invited:,})"
    )


def insert_members(env, campaigns, per_campaign):
    """per_campaign members per campaign, each campaign a different slice of the
    customers; answers 40% accepted, 15% declined, 20% attended."""
    env.cr.execute(
        SQL(
            """
            INSERT INTO crm_campaign_member (
                campaign_id, company_id, partner_id, commercial_partner_id,
                channel, state, trace_status, access_token,
                create_uid, write_uid, create_date, write_date)
            SELECT c.id, %(company)s, p.id, p.id, 'email',
                   CASE WHEN r.x < 0.25 THEN 'invited' WHEN r.x < 0.65 THEN 'accepted'
                        WHEN r.x < 0.8 THEN 'declined' ELSE 'attended' END,
                   'sent', md5(c.id || '-' || p.id || '-' || random()),
                   1, 1, now(), now()
              FROM unnest(%(campaigns)s::int[]) WITH ORDINALITY AS c(id, ord)
             CROSS JOIN LATERAL (
                SELECT id FROM res_partner
                 WHERE is_company AND customer_rank > 0
                 ORDER BY id OFFSET (c.ord * 997) %% 50000 LIMIT %(per)s) p
             CROSS JOIN LATERAL (SELECT random() + 0 * p.id AS x) r
            """,
            company=env.company.id,
            campaigns=campaigns.ids,
            per=per_campaign,
        )
    )
    env.cr.execute(
        SQL(
            """
            UPDATE crm_lead SET campaign_id = (%(campaigns)s::int[])[1 + id %% %(n)s]
             WHERE id %% 3 = 0
            """,
            campaigns=campaigns.ids,
            n=len(campaigns),
        )
    )
    env.cr.execute("ANALYZE crm_campaign_member")
    env.cr.execute("ANALYZE crm_lead")
    env.invalidate_all()


def python_figures(env, campaigns):
    """The same totals and ratios the ORM way: read every member, lead and cost."""
    totals = {c.id: dict.fromkeys([*FIGURES, "won_revenue"], 0) for c in campaigns}
    for member in env["crm.campaign.member"].search_fetch(
        [("campaign_id", "in", campaigns.ids)], ["campaign_id", "state"]
    ):
        row = totals[member.campaign_id.id]
        row["invited_count"] += 1
        row["accepted_count"] += member.state in ("accepted", "attended")
        row["attended_count"] += member.state == "attended"
    for lead in (
        env["crm.lead"]
        .with_context(active_test=False)
        .search_fetch(
            [("campaign_id", "in", campaigns.ids)],
            ["campaign_id", "won_status", "expected_revenue"],
        )
    ):
        row = totals[lead.campaign_id.id]
        row["lead_count"] += 1
        row["won_revenue"] += lead.expected_revenue if lead.won_status == "won" else 0
    for cost in env["crm.campaign.cost"].search_fetch(
        [("campaign_id", "in", campaigns.ids)], ["campaign_id", "amount"]
    ):
        totals[cost.campaign_id.id]["cost"] += cost.amount
    for row in totals.values():
        row["roi"] = 100 * (row["won_revenue"] - row["cost"]) / row["cost"] if row["cost"] else 0
    env.invalidate_all()
    return totals


def bench_analysis(env, bench):
    count = bench.size("BENCH_CAMPAIGNS", 200)
    members = bench.size("BENCH_CAMPAIGN_MEMBERS", 1_000_000)
    types = env["crm.campaign.type"].create([{"name": f"Bench Type {i}"} for i in range(5)])
    campaigns = env["utm.campaign"].create(
        [
            {
                "title": f"Bench Campaign {i}",
                "campaign_type_id": types[i % 5].id,
                "cost_ids": [Command.create({"name": "Venue", "amount": 1000 + i})],
            }
            for i in range(count)
        ]
    )
    env.flush_all()
    insert_members(env, campaigns, members // count)
    Analysis = env["crm.campaign.analysis"]
    scope = [("campaign_id", "in", campaigns.ids)]
    aggregates = [f"{name}:sum" for name in FIGURES] + ["roi:avg", "cost_per_lead:avg"]

    def per_campaign():
        env.invalidate_all()
        return Analysis._read_group(scope, ["campaign_id"], aggregates)

    def per_type():
        env.invalidate_all()
        return Analysis._read_group(scope, ["campaign_type_id"], aggregates)

    with bench.queries(env) as q:
        rows = per_campaign()
    by_campaign = bench.measure(per_campaign, runs=bench.size("BENCH_RUNS", 20))
    by_type = bench.measure(per_type, runs=bench.size("BENCH_RUNS", 20))
    baseline, totals = bench.timed(lambda: python_figures(env, campaigns))
    first = rows[0]
    assert first[1] == totals[first[0].id]["invited_count"], "SQL and Python disagree"
    bench.line(
        f"campaign analysis {len(rows)} campaigns, {members:,} members: per campaign"
        f" {by_campaign}, {q.count} queries; per type {by_type};"
        f" Python-side aggregation {bench.ms(baseline)};"
        f" ratio {bench.ratio(baseline, by_campaign.p50)}"
    )


def run(env, bench):
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
    bench_invite(env, bench)
    bench_analysis(env, bench)
