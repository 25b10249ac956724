"""Run by scripts/scale.py inside `odoo shell` on the scale database (demo data of
crm_core and crm_knowledge installed): customers and opportunities for each demo
salesperson, and pooled leads for the claims of the load, each virtual user its own
(two users never race for one record, so a claim never fails for a reason the load
made up). Prints one JSON line: the ids the load needs."""

import json
import os

SALESPEOPLE = ["zhang.wei", "chen.jing", "emily.carter"]
CUSTOMERS = int(os.environ.get("CRM_SCALE_CUSTOMERS", "1000"))
OPPORTUNITIES = int(os.environ.get("CRM_SCALE_OPPORTUNITIES", "2000"))
POOLED = int(os.environ.get("CRM_SCALE_POOLED", "400"))

env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))  # noqa: F821
Users = env["res.users"]
Partner = env["res.partner"]
Lead = env["crm.lead"]
users = Users.search([("login", "in", SALESPEOPLE)])
assert len(users) == len(SALESPEOPLE), "the demo salespeople are missing"
# Claims are bounded by quotas in the demo; the load claims more than they allow.
env["crm.pool.quota"].search([]).unlink()
stages = env["crm.stage"].search([("is_won", "=", False)])
pool = env["crm.pool"].search([("is_public", "=", True), ("team_id", "=", False)], limit=1)
assert pool, "no public pool"
product = env["product.product"].search([("sale_ok", "=", True)], limit=1)
out = {"product_id": product.id, "pooled": {}, "customers": {}}
for user in users:
    partners = Partner.create(
        [
            {
                "name": f"Scale {user.login} {n:05d}",
                "is_company": True,
                "customer_rank": 1,
                "user_id": user.id,
                "email": f"c{n}@{user.login}.example.com",
            }
            for n in range(CUSTOMERS)
        ]
    )
    Lead.create(
        [
            {
                "name": f"Scale deal {user.login} {n:05d}",
                "type": "opportunity",
                "partner_id": partners[n % len(partners)].id,
                "user_id": user.id,
                "stage_id": stages[n % len(stages)].id,
                "expected_revenue": 1000 + n,
            }
            for n in range(OPPORTUNITIES)
        ]
    )
    pooled = Lead.create(
        [{"name": f"Scale pooled {user.login} {n:05d}", "type": "lead"} for n in range(POOLED)]
    )
    pooled.write({"pool_id": pool.id, "user_id": False, "team_id": False})
    out["pooled"][user.login] = pooled.ids
    out["customers"][user.login] = partners.ids[:50]
# The load comes from one address: the in-app limit of the knowledge pages
# (crm_core/tools/rate_limit.py) would answer it with 429s.
env["ir.config_parameter"].set_param("crm_core.rate_limit.knowledge", "0/60")
env.cr.commit()
print("SCALE_SEED " + json.dumps(out))
