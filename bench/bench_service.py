"""Service SLA escalation: the cron that flags breached service requests and
escalates each once to its team leader.

CRM_BENCH_SERVICE_OPEN (200,000) open service requests (helpdesk tickets with an SLA)
in 20 teams, each with a leader, CRM_BENCH_SERVICE_BREACHED (5,000) of them past
their reply deadline, the others on time; inserted in bulk SQL.

Ours: helpdesk.ticket._cron_sla_escalate() (batches of 500: one search, one write,
one activity create, one e-mail per leader and batch), CRM_BENCH_SERVICE_RUNS (3)
runs, each from the same state (savepoint rolled back). Baseline: the plain
per-record ORM loop doing the same job (every open request with an SLA read, its
deadlines checked in Python, a write, activity_schedule and one mail.mail per
breached request), timed on BENCH_BASELINE_SAMPLE (2,000) of the requests it has to
look at, extrapolated.
"""

import time

from odoo import fields
from odoo.tools import SQL

from bench.harness import Stats

TEAMS = 20


def _generate(env, open_count, breached):
    cr = env.cr
    company = env.company
    leaders = env["res.users"].create(
        [
            {"name": f"Bench Service Leader {n}", "login": f"bench_service_leader_{n}"}
            for n in range(TEAMS)
        ]
    )
    teams = env["helpdesk.ticket.team"].create(
        [
            {"name": f"Bench Service Team {n}", "user_id": leader.id}
            for n, leader in enumerate(leaders)
        ]
    )
    sla = env["crm.service.sla"].create(
        {"name": "Bench SLA", "reply_hours": 4, "resolve_hours": 40}
    )
    stage = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
    env.flush_all()
    # every (open / breached)-th request is past its reply deadline
    step = max(open_count // max(breached, 1), 1)
    cr.execute(
        SQL(
            """
            INSERT INTO helpdesk_ticket (
                number, name, description, company_id, team_id, stage_id, priority,
                sequence, active, unattended, sla_id, sla_start, reply_deadline,
                resolve_deadline, sla_escalated, sla_breached, create_date, write_date,
                create_uid, write_uid, last_stage_update)
            SELECT 'BSR' || g, 'Bench request ' || g, '<p>Bench</p>', %(company)s,
                   (%(teams)s::int[])[1 + (g / %(step)s) %% %(nteams)s], %(stage)s,
                   '1', 10, true, true,
                   %(sla)s, now() - interval '1 day',
                   CASE WHEN g %% %(step)s = 0 AND g / %(step)s <= %(breached)s
                        THEN now() - interval '2 hours' ELSE now() + interval '3 days' END,
                   now() + interval '5 days', false, false, now(), now(), 1, 1, now()
              FROM generate_series(1, %(count)s) g
            """,
            company=company.id,
            teams=teams.ids,
            nteams=len(teams),
            stage=stage.id,
            sla=sla.id,
            step=step,
            breached=breached,
            count=open_count,
        )
    )
    cr.execute("ANALYZE helpdesk_ticket")
    env.invalidate_all()


def _outputs(env):
    cr = env.cr
    cr.execute("SELECT count(*) FROM helpdesk_ticket WHERE sla_escalated")
    escalated = cr.fetchone()[0]
    cr.execute(
        "SELECT count(*) FROM mail_activity WHERE res_model = 'helpdesk.ticket'"
        " AND activity_type_id = %s",
        [env.ref("crm_service.mail_act_sla_breach").id],
    )
    activities = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM mail_mail")
    return {"escalated": escalated, "activities": activities, "mail_mail": cr.fetchone()[0]}


def _baseline(env, tickets):
    """The plain way: each request read, checked and escalated on its own."""
    now = fields.Datetime.now()
    escalated = 0
    for ticket in tickets:
        if ticket.sla_escalated or ticket.sla_paused_since or ticket.stage_id.closed:
            continue
        late = ticket.resolve_deadline < now or (
            not ticket.first_reply_date and ticket.reply_deadline < now
        )
        if not late:
            continue
        ticket.write({"sla_breached": True, "sla_escalated": True, "sla_breach_date": now})
        leader = ticket.team_id.user_id
        if leader:
            ticket.activity_schedule(
                "crm_service.mail_act_sla_breach",
                user_id=leader.id,
                summary=f"SLA breached: {ticket.number}",
            )
            env["mail.mail"].create(
                {
                    "subject": "A service request breached its SLA",
                    "body_html": f"<p>{ticket.number} - {ticket.name}</p>",
                    "recipient_ids": [(4, leader.partner_id.id)],
                }
            )
        escalated += 1
    return escalated


def run(env, bench):
    if "helpdesk.ticket" not in env or "sla_escalated" not in env["helpdesk.ticket"]._fields:
        bench.line("service SLA escalation: crm_service is not installed, nothing to measure")
        return
    open_count = bench.size("CRM_BENCH_SERVICE_OPEN", 200_000)
    breached = bench.size("CRM_BENCH_SERVICE_BREACHED", 5_000)
    runs = bench.size("CRM_BENCH_SERVICE_RUNS", 3)
    sample = bench.size("BENCH_BASELINE_SAMPLE", 2000)
    env = env(context={})
    start = time.perf_counter()
    _generate(env, open_count, breached)
    generated = time.perf_counter() - start
    before = _outputs(env)

    samples, query_counts, outputs = [], [], []
    for _i in range(runs):
        with bench.rollback(env):
            with bench.queries(env) as queries:
                seconds, _result = bench.timed(env["helpdesk.ticket"]._cron_sla_escalate)
            samples.append(seconds)
            query_counts.append(queries.count)
            after = _outputs(env)
            outputs.append({key: after[key] - before[key] for key in after})
    stats = Stats(samples)
    done = outputs[0]
    assert all(out == done for out in outputs), f"runs differ: {outputs}"
    assert done["escalated"] == breached, f"{done['escalated']} of {breached} escalated"
    assert done["activities"] == breached, f"{done['activities']} activities"

    # Baseline: every open request with an SLA is looked at.
    candidates = env["helpdesk.ticket"].search(
        [("sla_id", "!=", False), ("stage_id.closed", "=", False)], order="id"
    )
    taken = candidates[:sample]
    with bench.rollback(env):
        with bench.queries(env) as base_queries:
            base_seconds, base_done = bench.timed(lambda: _baseline(env, taken))
    scale = len(candidates) / max(len(taken), 1)
    base_total = base_seconds * scale
    queries = max(query_counts)
    bench.line(
        f"service SLA escalation over {open_count:,} open requests, {breached:,} breached"
        f" (data in {generated:.0f} s): cron p50 {bench.ms(stats.p50)},"
        f" p95 {bench.ms(stats.p95)}, {queries:,} queries ({runs} runs,"
        f" {queries * 1000 / max(breached, 1):.0f} per 1,000 escalations);"
        f" per-record ORM loop {bench.ms(base_total)},"
        f" ~{round(base_queries.count * scale):,} queries ({len(taken):,} of"
        f" {len(candidates):,} requests timed, {base_done:,} escalated, extrapolated);"
        f" ratio {bench.ratio(base_total, stats.p50)}"
    )
    bench.line(
        f"service SLA escalation done, the same in every run: {done['escalated']:,}"
        f" requests flagged, {done['activities']:,} activities,"
        f" {done['mail_mail']:,} e-mails (one per leader and batch)"
    )
