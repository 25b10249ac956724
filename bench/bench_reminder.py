"""Reminders: the daily pass over 100,000 customers and 300,000 opportunities.

- Birthdays: the set-based SQL roll-forward of next_birthday against a per-record ORM
  loop writing each person's next birthday.
- The idle-opportunity rule: our set-based pass (one search, one batched delivery)
  against Odoo's base_automation processing each found record on its own.
"""

from datetime import timedelta

from odoo import fields

from odoo.addons.crm_core.models.reminder.res_partner import next_birthday

from bench.harness import Stats


def give_birthdays(env):
    """A birthday for every customer, spread over the days of the year (29 February
    included, as often as real people have it), born 1950-2005; every next_birthday
    passed, as after a year without the daily job."""
    env.cr.execute(
        """
        UPDATE res_partner
           SET birthday = DATE '1952-01-01'
                          + (floor(random() * 53)::int * 365
                             + floor(random() * 366)::int),
               next_birthday = DATE '2000-01-01'
         WHERE customer_rank > 0
        """
    )
    env.cr.execute("ANALYZE res_partner")
    env.invalidate_all()
    env.cr.execute("SELECT count(*) FROM res_partner WHERE birthday IS NOT NULL")
    return env.cr.fetchone()[0]


def birthday_loop(env, partners, today):
    """The plain way: read each person, compute in Python, write them one by one."""
    for partner in partners:
        partner.write({"next_birthday": next_birthday(partner.birthday, today)})
    env.flush_all()


def run_birthdays(env, bench):
    Partner = env["res.partner"]
    people = give_birthdays(env)
    today = fields.Date.context_today(Partner)
    samples, queries = [], 0
    for _i in range(5):
        with bench.rollback(env):
            with bench.queries(env) as q:
                seconds, _result = bench.timed(lambda: Partner._cron_roll_next_birthday(today))
            samples.append(seconds)
            queries = q.count
    stats = Stats(samples)
    ours = stats.p50

    sample_size = min(bench.size("BENCH_BASELINE_SAMPLE", 2000), people)
    with bench.rollback(env):
        sample = Partner.search([("birthday", "!=", False)], limit=sample_size)
        with bench.queries(env) as q_loop:
            baseline, _result = bench.timed(lambda: birthday_loop(env, sample, today))
    extrapolated = baseline * people / sample_size if sample_size else 0
    bench.line(
        f"birthday roll-forward {people:,} people: {stats}, {queries} queries;"
        f" per-record ORM loop {bench.ms(extrapolated)} ({sample_size:,} timed in"
        f" {bench.ms(baseline)}, {q_loop.count} queries, extrapolated);"
        f" ratio {bench.ratio(extrapolated, ours)}"
    )


def run_idle_rule(env, bench):
    rule = env.ref("crm_core.crm_reminder_rule_idle_opportunity")
    now = env.cr.now()
    rule.last_run = now - timedelta(days=1)
    env.flush_all()
    found = rule._search_time_based_automation_records(until=now)
    samples, queries = [], 0
    for _i in range(5):
        with bench.rollback(env):
            with bench.queries(env) as q:
                seconds, _result = bench.timed(
                    lambda: rule._crm_reminder_fire(
                        rule._search_time_based_automation_records(until=now)
                    )
                )
            samples.append(seconds)
            queries = q.count
    stats = Stats(samples)
    ours = stats.p50

    # Odoo's own time-based pass: the rule's server action on each record in turn.
    sample_size = min(bench.size("BENCH_BASELINE_SAMPLE_RULE", 300), len(found))
    with bench.rollback(env):
        sample = found[:sample_size]
        automation = rule.with_context(__action_done={})

        def per_record():
            for record in sample:
                automation._process(record)
            env.flush_all()

        with bench.queries(env) as q_loop:
            baseline, _result = bench.timed(per_record)
    extrapolated = baseline * len(found) / sample_size if sample_size else 0
    bench.line(
        f"idle-opportunity rule over {env['crm.lead'].search_count([]):,} leads,"
        f" {len(found):,} idle today: {stats}, {queries} queries;"
        f" base_automation per record {bench.ms(extrapolated)} ({sample_size:,} timed in"
        f" {bench.ms(baseline)}, {q_loop.count} queries, extrapolated);"
        f" ratio {bench.ratio(extrapolated, ours)}"
    )


def run(env, bench):
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
    run_birthdays(env, bench)
    run_idle_rule(env, bench)
