"""Bench data: users and teams through the ORM, customers and leads in bulk SQL.

Bulk rows bypass the ORM to stay fast (creating 60,000 leads through the ORM takes
minutes); our own stored computed fields are then recomputed through the ORM in
batches, so a field an addon adds later is never left empty by this generator.
"""

import logging
import time

from odoo import Command
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

USERS = 20
TEAM_SIZE = 5
# Words real company names are made of; drawn unevenly so some repeat often.
CITIES = "上海 北京 深圳 广州 杭州 苏州 南京 成都 武汉 天津 宁波 无锡 青岛 厦门 合肥 长沙 西安 重庆"
BRANDS = (
    "华东 恒通 鼎盛 金桥 远航 瑞丰 中科 新源 博远 天成 海纳 宏图 联创 嘉禾 汇通 安信 "
    "星辰 卓越 明德 同济 泰和 龙腾 凯旋 国信 信达 东方 银河 长城 万达 富春"
)
TRADES = "科技 电子 机械 贸易 物流 医疗器械 软件 化工 建材 食品 纺织 环保 能源 自动化"
EN_WORDS = (
    "Apex Blue River North Summit Pioneer Atlas Harbor Crest Vertex Orion Maple Granite "
    "Silver Oak Bright Delta Nova Prime Union Pacific Golden Eagle Falcon Cedar"
)
EN_TRADES = "Systems Logistics Trading Electronics Machinery Foods Medical Software Energy"


def _words(text):
    return SQL("%s::text[]", "{" + ",".join(text.split()) + "}")


def _team_of_user(bench):
    return {user.id: team.id for team in bench.teams for user in team.member_ids}


def create_users(env):
    """20 salespeople; the first of every five leads a team of five."""
    Users = env["res.users"].with_context(no_reset_password=True)
    salesman = env.ref("sales_team.group_sale_salesman")
    leader = env.ref("crm_core.group_crm_team_leader")
    users = Users.create(
        [
            {
                "name": f"Bench User {i:02d}",
                "login": f"bench_user_{i:02d}",
                "email": f"bench_user_{i:02d}@example.com",
                "group_ids": [Command.set([(leader if i % TEAM_SIZE == 1 else salesman).id])],
            }
            for i in range(1, USERS + 1)
        ]
    )
    teams = env["crm.team"]
    for start in range(0, USERS, TEAM_SIZE):
        members = users[start : start + TEAM_SIZE]
        teams |= env["crm.team"].create(
            {
                "name": f"Bench Team {start // TEAM_SIZE + 1}",
                "user_id": members[0].id,
                "crm_team_member_ids": [Command.create({"user_id": u.id}) for u in members],
            }
        )
    return users, teams


def insert_customers(env, bench, count):
    cr = env.cr
    users = bench.users.ids
    team_of = _team_of_user(bench)
    levels = env["crm.customer.level"].search([], order="sequence").ids
    company = env.company
    cr.execute(
        SQL(
            """
            CREATE TEMP TABLE bench_owner AS
            SELECT ord, user_id, team_id
              FROM unnest(%(users)s::int[], %(teams)s::int[])
                   WITH ORDINALITY AS u(user_id, team_id, ord)
            """,
            users=users,
            teams=[team_of[u] for u in users],
        )
    )
    # Owner skew: random()^2 favours the first users (a few large books); 10% nobody's.
    cr.execute(
        SQL(
            """
            INSERT INTO res_partner (
                name, complete_name, commercial_company_name, type, active, is_company,
                customer_rank, supplier_rank, user_id, team_id, level_id, company_id, lang,
                autopost_bills, email, phone, city, color, partner_share, employee,
                create_uid, write_uid, create_date, write_date)
            SELECT n.name, n.name, n.name, 'contact', true, true, 1, 0, o.user_id, o.team_id,
                   (%(levels)s::int[])[
                       CASE WHEN r.lv < 0.1 THEN 1 WHEN r.lv < 0.4 THEN 2 ELSE 3 END],
                   %(company)s, n.lang, 'ask',
                   'contact' || r.g || '@customer' || (r.g %% 9973) || '.example.com',
                   '+86 138 ' || lpad((r.g * 7919 %% 100000000)::text, 8, '0'),
                   n.city, 0, true, false, 1, 1, r.created, r.created
              FROM generate_series(1, %(count)s) g
             CROSS JOIN LATERAL (
                SELECT g, random() AS own, random() AS lv, random() < 0.65 AS zh,
                       now() - random() * interval '730 days' AS created,
                       floor(random() ^ 2 * %(users)s)::int + 1 AS owner_ord,
                       (%(cities)s)[1 + floor(random() ^ 1.5 * %(ncities)s)::int] AS city,
                       (%(brands)s)[1 + floor(random() ^ 2 * %(nbrands)s)::int] AS brand,
                       (%(trades)s)[1 + floor(random() * %(ntrades)s)::int] AS trade,
                       (%(en)s)[1 + floor(random() ^ 2 * %(nen)s)::int] AS w1,
                       (%(en)s)[1 + floor(random() * %(nen)s)::int] AS w2,
                       (%(ent)s)[1 + floor(random() * %(nent)s)::int] AS w3) r
             CROSS JOIN LATERAL (
                SELECT CASE WHEN r.zh THEN r.city || r.brand || r.trade || '有限公司'
                            ELSE r.w1 || ' ' || r.w2 || ' ' || r.w3 || ' Co., Ltd.' END AS name,
                       CASE WHEN r.zh THEN 'zh_CN' ELSE 'en_US' END AS lang,
                       CASE WHEN r.zh THEN r.city END AS city) n
              LEFT JOIN bench_owner o ON r.own >= 0.1 AND o.ord = r.owner_ord
            """,
            levels=levels,
            company=company.id,
            count=count,
            users=len(users),
            cities=_words(CITIES),
            ncities=len(CITIES.split()),
            brands=_words(BRANDS),
            nbrands=len(BRANDS.split()),
            trades=_words(TRADES),
            ntrades=len(TRADES.split()),
            en=_words(EN_WORDS),
            nen=len(EN_WORDS.split()),
            ent=_words(EN_TRADES),
            nent=len(EN_TRADES.split()),
        )
    )
    # A serial suffix keeps names distinct the way real registers are.
    cr.execute(
        """
        UPDATE res_partner
           SET commercial_partner_id = id,
               name = name || ' ' || id,
               complete_name = name || ' ' || id,
               commercial_company_name = name || ' ' || id
         WHERE commercial_partner_id IS NULL AND is_company AND customer_rank = 1
        """
    )


def insert_leads(env, count):
    cr = env.cr
    stages = env["crm.stage"].search([], order="sequence")
    won = stages.filtered("is_won")[:1]
    open_stages = (stages - won).ids
    cr.execute(
        "SELECT array_agg(id ORDER BY id) FROM res_partner WHERE is_company AND customer_rank = 1"
    )
    partner_ids = cr.fetchone()[0]
    cr.execute(
        SQL(
            """
            CREATE TEMP TABLE bench_customer AS
            SELECT ord, p.id, p.user_id, p.team_id, p.name
              FROM unnest(%(ids)s::int[]) WITH ORDINALITY AS u(id, ord)
              JOIN res_partner p ON p.id = u.id
            """,
            ids=partner_ids,
        )
    )
    cr.execute("CREATE INDEX ON bench_customer (ord)")
    # Large accounts get many opportunities: the customer is drawn with random()^2.
    cr.execute(
        SQL(
            """
            INSERT INTO crm_lead (
                name, type, partner_id, partner_name, contact_name, email_from, user_id,
                team_id, stage_id, active, probability, automated_probability,
                expected_revenue, prorated_revenue, won_status, date_closed, company_id,
                priority, color, create_uid, write_uid, create_date, write_date,
                date_open, date_last_stage_update, date_deadline)
            SELECT CASE WHEN s.is_lead THEN '咨询 ' ELSE '商机 ' END || c.name || ' #' || g,
                   CASE WHEN s.is_lead THEN 'lead' ELSE 'opportunity' END,
                   c.id, c.name, 'Contact ' || g, 'lead' || g || '@customer.example.com',
                   CASE WHEN s.own < 0.92 THEN c.user_id END,
                   CASE WHEN s.own < 0.92 THEN c.team_id END,
                   CASE WHEN s.is_won THEN %(won)s
                        ELSE (%(open)s::int[])[1 + floor(s.st ^ 1.6 * %(nopen)s)::int] END,
                   NOT s.is_lost,
                   CASE WHEN s.is_won THEN 100 WHEN s.is_lost THEN 0 ELSE round(s.st * 80) END,
                   CASE WHEN s.is_won THEN 100 WHEN s.is_lost THEN 0 ELSE round(s.st * 80) END,
                   round((exp(random() * 6) * 1000)::numeric, 2),
                   round((exp(random() * 6) * 1000 * s.st)::numeric, 2),
                   CASE WHEN s.is_won THEN 'won' WHEN s.is_lost THEN 'lost' ELSE 'pending' END,
                   CASE WHEN s.is_won OR s.is_lost THEN s.staged END,
                   %(company)s, '0', 0, 1, 1, s.created, s.staged, s.created, s.staged,
                   (s.created + random() * interval '120 days')::date
              FROM generate_series(1, %(count)s) g
             CROSS JOIN LATERAL (
                SELECT x.*, x.created + random() * (now() - x.created) AS staged,
                       floor(random() ^ 2 * %(ncust)s)::int + 1 AS cust_ord
                  FROM (SELECT random() < 0.3 AS is_lead, random() AS own, random() AS st,
                               random() AS outcome,
                               now() - random() * interval '730 days' AS created,
                               g IS NOT NULL) x0
                 CROSS JOIN LATERAL (
                    SELECT x0.is_lead, x0.own, x0.st, x0.created,
                           NOT x0.is_lead AND x0.outcome < 0.15 AS is_won,
                           x0.outcome >= 0.9 AS is_lost) x) s
              JOIN bench_customer c ON c.ord = s.cust_ord
            """,
            won=won.id,
            open=open_stages,
            nopen=len(open_stages),
            company=env.company.id,
            count=count,
            ncust=len(partner_ids),
        )
    )


def recompute_our_fields(env, addons):
    """Stored computed fields our addons add to the bulk-filled models, via the ORM."""
    for model_name in ("res.partner", "crm.lead"):
        model = env[model_name]
        fields = [
            f
            for f in model._fields.values()
            if f.store and f.compute and set(f._modules) & set(addons) and f.name != "team_id"
        ]
        if not fields:
            continue
        env.cr.execute(SQL("SELECT id FROM %s ORDER BY id", SQL.identifier(model._table)))
        ids = [row[0] for row in env.cr.fetchall()]
        for start in range(0, len(ids), 20000):
            records = model.browse(ids[start : start + 20000])
            for field in fields:
                env.add_to_compute(field, records)
            records.flush_model()
            env.invalidate_all()
        _logger.info("recomputed %s on %s", ", ".join(f.name for f in fields), model_name)


def generate(env, bench, addons):
    """Users, teams, customers and leads at the sizes of the BENCH_* variables."""
    customers = bench.size("BENCH_CUSTOMERS", 100_000)
    leads = bench.size("BENCH_LEADS", 300_000)
    start = time.perf_counter()
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
    bench.data["users"], bench.data["teams"] = create_users(env)
    env.flush_all()
    insert_customers(env, bench, customers)
    insert_leads(env, leads)
    env.invalidate_all()
    recompute_our_fields(env, addons)
    vacuum(env, ("res_partner", "crm_lead"))
    bench.line(
        f"data: {customers:,} customers, {leads:,} leads/opportunities, {len(bench.users)} users"
        f" in {len(bench.teams)} teams, generated in {time.perf_counter() - start:.0f} s"
    )


def vacuum(env, tables):
    """Commit and vacuum the tables filled in bulk, as autovacuum would have on a live
    database: without it the visibility map is empty, every index-only scan (the pool
    quota's count of a salesperson's book) reads the table too, 6x slower."""
    env.cr.commit()
    connection = env.cr._cnx
    connection.autocommit = True
    try:
        for table in tables:
            env.cr._obj.execute(f"VACUUM ANALYZE {table}")
    finally:
        connection.autocommit = False


def load(env, bench):
    """The users and teams of an existing bench database."""
    bench.data["users"] = env["res.users"].search(
        [("login", "=like", "bench_user_%")], order="login"
    )
    bench.data["teams"] = env["crm.team"].search([("name", "=like", "Bench Team %")], order="id")
