"""Data of the expense bench, in bulk SQL: requests, payouts and what they spend on.

BENCH_EXPENSE_REQUESTS (100,000) expense requests and BENCH_EXPENSE_PAYOUTS (500,000)
confirmed payouts over two years, of ~300 employees in 14 departments (a few large,
many small), the bench salespeople and teams, 24 expense items, 40 campaigns and the
bench customers; requests belong to opportunities (55%), sale orders (25%, inserted
here from opportunities), campaigns (10%) or to nothing, 10% of them in EUR or CNY; a
few requests take most payouts, a tenth of the payouts belong to no request. Only the
people, items, campaigns and rates go through the ORM.
"""

from odoo import Command
from odoo.tools import SQL

from bench import data

# name, share of the employees (a few large departments, many small ones)
DEPARTMENTS = [
    ("Field Sales", 30),
    ("Key Accounts", 14),
    ("Marketing", 11),
    ("Pre-Sales", 8),
    ("Customer Service", 8),
    ("Channel Sales", 6),
    ("Logistics", 5),
    ("Finance", 4),
    ("Product", 4),
    ("Human Resources", 3),
    ("Legal", 2),
    ("IT", 2),
    ("Purchasing", 2),
    ("Management", 1),
]
EMPLOYEES = 300
# Expense items, the most used first (drawn with random()^2).
ITEMS = (
    "差旅交通 Travel,餐饮招待 Client Meals,住宿 Hotel,出租车 Taxi,礼品 Client Gifts,"
    "会议费 Conference Fees,展会 Trade Show,样品 Samples,通讯费 Phone,快递 Courier,"
    "广告投放 Advertising,市场活动 Marketing Event,培训 Training,办公用品 Office Supplies,"
    "油费 Fuel,停车费 Parking,过路费 Tolls,签证 Visa,印刷 Printing,翻译 Translation,"
    "咨询费 Consulting,软件订阅 Software,租车 Car Rental,其他 Other"
).split(",")
CAMPAIGNS = 40
SALE_ORDERS = 30_000
PURPOSES = (
    "{拜访客户,客户招待,展会参展,项目投标,商务谈判,新品推广,技术交流,售后回访,渠道大会,"
    "Client visit,Trade show,Tender,Product launch,Partner summit,Site survey,Demo day}"
)
# currency, share of the requests, units per 1 USD (the company's currency)
FOREIGN = [("EUR", 0.07, 0.92), ("CNY", 0.03, 7.2)]


def _people(env, bench):
    """Departments, employees (the bench salespeople first, with their users), expense
    items, campaigns and exchange rates, through the ORM: a few hundred records."""
    departments = env["hr.department"].create([{"name": name} for name, _w in DEPARTMENTS])
    weights = [w for _n, w in DEPARTMENTS]
    slots = [dep for dep, w in zip(departments, weights, strict=True) for _i in range(w)]
    values = []
    for i, user in enumerate(bench.users):
        values.append(
            {
                "name": user.name,
                "user_id": user.id,
                "work_contact_id": user.partner_id.id,
                "department_id": departments[0 if i % 3 else 1].id,
            }
        )
    for i in range(len(values), EMPLOYEES):
        values.append(
            {
                "name": f"Bench Employee {i:03d}",
                "department_id": slots[(i * 37) % len(slots)].id,
            }
        )
    employees = env["hr.employee"].create(values)
    products = env["product.product"].create(
        [
            {
                "name": name,
                "type": "service",
                "can_be_expensed": True,
                "standard_price": 0.0,
                "supplier_taxes_id": [Command.clear()],
            }
            for name in ITEMS
        ]
    )
    campaigns = env["utm.campaign"].create(
        [{"name": f"Bench Campaign {i:02d}"} for i in range(1, CAMPAIGNS + 1)]
    )
    rates = {}
    for code, _share, rate in FOREIGN:
        currency = (
            env["res.currency"]
            .with_context(active_test=False)
            .search([("name", "=", code)], limit=1)
        )
        currency.active = True
        env["res.currency.rate"].create(
            {"currency_id": currency.id, "name": "2000-01-01", "rate": rate}
        )
        rates[currency.id] = rate
    env.flush_all()
    return employees, products, campaigns, rates


def generate(env, bench, n_requests, n_payouts):
    cr = env.cr
    company = env.company
    employees, products, campaigns, rates = _people(env, bench)
    team_of = {user.id: team.id for team in bench.teams for user in team.member_ids}
    users = bench.users.ids
    # Sale orders of opportunities with a customer (the documents of a quarter of the
    # requests), with the opportunity's owner.
    cr.execute(
        SQL(
            """
            INSERT INTO sale_order (
                name, partner_id, partner_invoice_id, partner_shipping_id, company_id,
                currency_id, currency_rate, date_order, state, amount_untaxed, amount_tax,
                amount_total, picking_policy, version_state, user_id, team_id,
                opportunity_id, create_uid, write_uid, create_date, write_date)
            SELECT 'BX/SO/' || l.id, l.partner_id, l.partner_id, l.partner_id, %(company)s,
                   %(currency)s, 1.0, l.create_date, 'sale', l.expected_revenue, 0,
                   l.expected_revenue, 'direct', 'current', l.user_id, l.team_id, l.id,
                   1, 1, l.create_date, l.create_date
              FROM crm_lead l
             WHERE l.type = 'opportunity' AND l.partner_id IS NOT NULL
             ORDER BY random()
             LIMIT %(count)s
            """,
            company=company.id,
            currency=company.currency_id.id,
            count=SALE_ORDERS,
        )
    )
    cr.execute(
        """
        CREATE TEMP TABLE bx_lead AS
        SELECT row_number() OVER (ORDER BY id) AS ord, id, partner_id, user_id
          FROM crm_lead WHERE type = 'opportunity' AND partner_id IS NOT NULL;
        CREATE INDEX ON bx_lead (ord);
        CREATE TEMP TABLE bx_order AS
        SELECT row_number() OVER (ORDER BY id) AS ord, id, partner_id, user_id,
               opportunity_id
          FROM sale_order WHERE name LIKE 'BX/SO/%';
        CREATE INDEX ON bx_order (ord);
        CREATE TEMP TABLE bx_customer AS
        SELECT row_number() OVER (ORDER BY id) AS ord, id
          FROM res_partner WHERE is_company AND customer_rank = 1;
        CREATE INDEX ON bx_customer (ord);
        """
    )
    cr.execute("SELECT (SELECT count(*) FROM bx_lead), (SELECT count(*) FROM bx_customer)")
    n_leads, n_customers = cr.fetchone()
    currencies = [company.currency_id.id, *rates]
    shares = [share for _c, share, _r in FOREIGN]
    cr.execute(
        SQL(
            """
            CREATE TEMP TABLE bx_emp AS
            SELECT e.ord, e.id, e.department_id, e.user_id, t.team_id
              FROM unnest(%(emps)s::int[], %(deps)s::int[], %(eusers)s::int[])
                   WITH ORDINALITY AS e(id, department_id, user_id, ord)
              LEFT JOIN unnest(%(users)s::int[], %(teams)s::int[]) t(user_id, team_id)
                     ON t.user_id = e.user_id;
            CREATE TEMP TABLE bx_user AS
            SELECT * FROM unnest(%(users)s::int[], %(teams)s::int[])
                          WITH ORDINALITY AS u(user_id, team_id, ord);
            CREATE TEMP TABLE bx_rate AS
            SELECT * FROM unnest(%(currencies)s::int[], %(rates)s::numeric[])
                          WITH ORDINALITY AS r(currency_id, rate, ord);
            """,
            emps=employees.ids,
            deps=[e.department_id.id for e in employees],
            eusers=[e.user_id.id or None for e in employees],
            users=users,
            teams=[team_of.get(u) for u in users],
            currencies=currencies,
            rates=[1.0] + [rates[c] for c in currencies[1:]],
        )
    )
    # One row per request: its draws; the document, people and amounts follow.
    cr.execute(
        SQL(
            """
            CREATE TEMP TABLE bx_req AS
            SELECT g AS ord, random() AS kind, random() AS st, random() AS cur,
                   random() AS camp, random() AS pick,
                   floor(random() ^ 2 * %(nemp)s)::int + 1 AS emp_ord,
                   floor(random() ^ 2 * %(nitems)s)::int + 1 AS item_ord,
                   floor(random() ^ 1.5 * %(ncamp)s)::int + 1 AS camp_ord,
                   floor(random() ^ 2 * %(nusers)s)::int + 1 AS user_ord,
                   (current_date - floor(730 * random() ^ 1.3)::int) AS date,
                   round((15 * exp(random() * 5.5))::numeric, 2) AS amount
              FROM generate_series(1, %(count)s) g
            """,
            nemp=len(employees),
            nitems=len(products),
            ncamp=len(campaigns),
            nusers=len(users),
            count=n_requests,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO crm_expense_request (
                name, purpose, state, validation_status, date, date_start, date_end,
                company_id, currency_id, product_id, employee_id, department_id, user_id,
                team_id, res_model, res_id, document_model_id, partner_id, lead_id,
                campaign_id, amount, amount_company, approved_amount,
                approved_amount_company, advanced_amount, spent_amount, reimbursed_amount,
                remaining_amount, create_uid, write_uid, create_date, write_date)
            SELECT 'EXR/' || extract(year FROM r.date) || '/' || lpad(r.ord::text, 6, '0'),
                   (%(purposes)s::text[])[1 + floor(r.pick * 16)::int] || ' #' || r.ord,
                   x.state,
                   CASE WHEN x.state IN ('approved', 'done') THEN 'validated'
                        WHEN x.state = 'rejected' THEN 'rejected'
                        WHEN x.state = 'submitted' THEN 'waiting' ELSE 'no' END,
                   r.date, r.date, r.date + 30 + floor(r.pick * 60)::int,
                   %(company)s, cu.currency_id, (%(items)s::int[])[r.item_ord], e.id,
                   e.department_id, o.user_id, o.team_id, d.res_model, d.res_id,
                   m.id, d.partner_id, d.lead_id,
                   COALESCE(d.campaign_id, CASE WHEN r.camp < 0.25
                                                THEN (%(campaigns)s::int[])[r.camp_ord] END),
                   r.amount, round(r.amount / cu.rate, 2), x.approved,
                   round(x.approved / cu.rate, 2), 0, 0, 0, x.approved,
                   1, 1, r.date, r.date
              FROM bx_req r
              JOIN bx_emp e ON e.ord = r.emp_ord
              JOIN bx_rate cu ON cu.ord = CASE WHEN r.cur < %(s1)s THEN 2
                                               WHEN r.cur < %(s1)s + %(s2)s THEN 3
                                               ELSE 1 END
              LEFT JOIN bx_lead l ON r.kind < 0.55
                                 AND l.ord = 1 + floor(r.pick * %(nleads)s)::int
              LEFT JOIN bx_order so ON r.kind >= 0.55 AND r.kind < 0.80
                                   AND so.ord = 1 + floor(r.pick * %(norders)s)::int
             CROSS JOIN LATERAL (
                SELECT CASE WHEN l.id IS NOT NULL THEN 'crm.lead'
                            WHEN so.id IS NOT NULL THEN 'sale.order'
                            WHEN r.kind >= 0.80 AND r.kind < 0.90 THEN 'utm.campaign'
                       END AS res_model,
                       COALESCE(l.id, so.id, CASE WHEN r.kind >= 0.80 AND r.kind < 0.90
                                                  THEN (%(campaigns)s::int[])[r.camp_ord]
                                             END) AS res_id,
                       COALESCE(l.partner_id, so.partner_id) AS partner_id,
                       COALESCE(l.id, so.opportunity_id) AS lead_id,
                       COALESCE(l.user_id, so.user_id) AS owner,
                       CASE WHEN r.kind >= 0.80 AND r.kind < 0.90
                            THEN (%(campaigns)s::int[])[r.camp_ord] END AS campaign_id) d
              LEFT JOIN ir_model m ON m.model = d.res_model
              JOIN bx_user fallback ON fallback.ord = r.user_ord
              LEFT JOIN LATERAL (
                SELECT u.user_id, u.team_id FROM bx_user u
                 WHERE u.user_id = COALESCE(e.user_id, d.owner, fallback.user_id)) o ON true
             CROSS JOIN LATERAL (
                SELECT CASE WHEN r.st < 0.05 THEN 'draft' WHEN r.st < 0.10 THEN 'submitted'
                            WHEN r.st < 0.13 THEN 'rejected' WHEN r.st < 0.18 THEN 'cancel'
                            WHEN r.st < 0.78 THEN 'approved' ELSE 'done' END AS state) s
             CROSS JOIN LATERAL (
                SELECT s.state, CASE WHEN s.state IN ('approved', 'done')
                                     THEN r.amount ELSE 0 END AS approved) x
             ORDER BY r.ord
            """,
            purposes=PURPOSES,
            company=company.id,
            items=products.ids,
            campaigns=campaigns.ids,
            s1=shares[0],
            s2=shares[1],
            nleads=n_leads,
            norders=SALE_ORDERS,
        )
    )
    # Payouts: nine in ten spend on an approved or closed request, drawn with
    # random()^2 (a few requests take many payouts, most take one or two), in the
    # request's currency, within 90 days of it; the others stand alone.
    cr.execute(
        """
        CREATE TEMP TABLE bx_paid AS
        SELECT row_number() OVER (ORDER BY r.id) AS ord, r.*, cu.rate
          FROM crm_expense_request r JOIN bx_rate cu ON cu.currency_id = r.currency_id
         WHERE r.state IN ('approved', 'done');
        CREATE INDEX ON bx_paid (ord);
        """
    )
    cr.execute("SELECT count(*) FROM bx_paid")
    n_paid = cr.fetchone()[0]
    cr.execute(
        SQL(
            """
            INSERT INTO crm_expense_payout (
                name, description, state, validation_status, date, company_id,
                currency_id, request_id, product_id, employee_id, department_id, user_id,
                team_id, res_model, res_id, partner_id, lead_id, campaign_id, payment_mode,
                over_budget, amount, amount_request_currency, amount_company,
                create_uid, write_uid, create_date, write_date)
            SELECT 'EXP/' || extract(year FROM y.date) || '/' || lpad(g::text, 7, '0'),
                   COALESCE(left(q.purpose, 40), 'Expense') || ' / ' || g,
                   'approved', 'no', y.date, %(company)s,
                   COALESCE(q.currency_id, %(currency)s), q.id,
                   COALESCE(q.product_id, (%(items)s::int[])[p.item_ord]),
                   COALESCE(q.employee_id, e.id), COALESCE(q.department_id, e.department_id),
                   COALESCE(q.user_id, o.user_id), COALESCE(q.team_id, o.team_id),
                   q.res_model, q.res_id,
                   CASE WHEN q.id IS NOT NULL THEN q.partner_id ELSE c.id END,
                   q.lead_id, q.campaign_id,
                   CASE WHEN p.mode < 0.7 THEN 'own_account' ELSE 'company_account' END,
                   false, y.amount, y.amount, round(y.amount / COALESCE(q.rate, 1), 2),
                   1, 1, y.date, y.date
              FROM generate_series(1, %(count)s) g
             CROSS JOIN LATERAL (
                SELECT random() + 0 * g < 0.9 AS linked, random() AS mode, random() AS cust,
                       floor(random() ^ 2 * %(npaid)s)::int + 1 AS req_ord,
                       floor(random() ^ 2 * %(nemp)s)::int + 1 AS emp_ord,
                       floor(random() ^ 2 * %(nitems)s)::int + 1 AS item_ord,
                       floor(random() ^ 2 * %(nusers)s)::int + 1 AS user_ord,
                       floor(random() ^ 2 * %(ncust)s)::int + 1 AS cust_ord,
                       floor(random() * 90)::int AS lag,
                       floor(730 * random() ^ 1.3)::int AS ago,
                       (0.02 + random() ^ 2 * 0.5)::numeric AS part,
                       round((8 * exp(random() * 5))::numeric, 2) AS alone) p
              LEFT JOIN bx_paid q ON p.linked AND q.ord = p.req_ord
              LEFT JOIN bx_emp e ON q.id IS NULL AND e.ord = p.emp_ord
              LEFT JOIN bx_user fallback ON q.id IS NULL AND fallback.ord = p.user_ord
              LEFT JOIN bx_user o ON q.id IS NULL
                                 AND o.user_id = COALESCE(e.user_id, fallback.user_id)
              LEFT JOIN bx_customer c ON q.id IS NULL AND p.cust < 0.4
                                     AND c.ord = p.cust_ord
             CROSS JOIN LATERAL (
                SELECT LEAST(COALESCE(q.date + p.lag, current_date - p.ago), current_date)
                           AS date,
                       CASE WHEN q.id IS NOT NULL
                            THEN GREATEST(round(q.amount * p.part, 2), 1.00)
                            ELSE p.alone END AS amount) y
            """,
            company=company.id,
            currency=company.currency_id.id,
            items=products.ids,
            count=n_payouts,
            npaid=n_paid,
            nemp=len(employees),
            nitems=len(products),
            nusers=len(users),
            ncust=n_customers,
        )
    )
    cr.execute(
        """
        UPDATE crm_expense_request r
           SET spent_amount = s.spent, remaining_amount = r.approved_amount - s.spent
          FROM (SELECT request_id, sum(amount_request_currency) AS spent
                  FROM crm_expense_payout WHERE state = 'approved' AND request_id IS NOT NULL
                 GROUP BY request_id) s
         WHERE s.request_id = r.id;
        DROP TABLE bx_lead, bx_order, bx_customer, bx_emp, bx_user, bx_rate, bx_req, bx_paid;
        """
    )
    env.invalidate_all()


def vacuum(env):
    """Commit (the child processes read the data) and vacuum the new tables."""
    data.vacuum(env, ("crm_expense_request", "crm_expense_payout", "sale_order"))
