"""What `make test` compares across an upgrade and checks after an uninstall.

db_check.py -c CONF -d DB [--addons-path P] seed
    add records through the ORM, as users would (run on the old release);
db_check.py -c CONF -d DB [--addons-path P] snapshot FILE
    write what must survive an upgrade: the ids of every record of our models
    and of Odoo's main ones, the stored value of every column our modules own,
    every record rule and access right, and our modules' footprint (tables,
    columns, menus, actions, rules, server actions, views, crons);
db_check.py compare BEFORE AFTER
    exit 1 when a record, a value or a rule of BEFORE is missing or changed in
    AFTER (records and rules added by the upgrade are listed, not refused);
db_check.py -c CONF -d DB clean FILE
    after uninstalling our modules: exit 1 when anything of FILE's footprint
    remains in the database.
"""

import argparse
import hashlib
import json
import sys

OURS = ("crm_core", "crm_knowledge")
# Odoo's models whose records our addons add to, change or guard.
ODOO_MODELS = [
    "res.partner",
    "res.users",
    "crm.lead",
    "crm.team",
    "crm.stage",
    "sale.order",
    "sale.order.line",
    "product.product",
    "mail.activity",
    "ir.attachment",
    "tier.definition",
    "tier.review",
]
# Footprint models, by the table their records live in.
FOOTPRINT = {
    "ir.ui.menu": "ir_ui_menu",
    "ir.actions.act_window": "ir_act_window",
    "ir.actions.server": "ir_act_server",
    "ir.actions.report": "ir_act_report_xml",
    "ir.rule": "ir_rule",
    "ir.model.access": "ir_model_access",
    "ir.ui.view": "ir_ui_view",
    "ir.cron": "ir_cron",
    "res.groups": "res_groups",
    "mail.template": "mail_template",
    "base.automation": "base_automation",
}


def open_env(opts):
    import odoo
    from odoo.modules.registry import Registry
    from odoo.tools import config

    args = ["-c", opts.config]
    if opts.addons_path:
        args += ["--addons-path", opts.addons_path]
    config.parse_config(args)
    registry = Registry(opts.database)
    cr = registry.cursor()
    return cr, odoo.api.Environment(cr, odoo.api.SUPERUSER_ID, {"active_test": False})


def seed(env):
    """Records made the way users make them, on top of the demo data."""
    users = {u.login: u for u in env["res.users"].search([("login", "in", ["zhang.wei"])])}
    salesman = users["zhang.wei"]
    level = env["crm.customer.level"].search([], limit=1)
    region = env["crm.sales.region"].search([], limit=1)
    customer = env["res.partner"].create(
        {
            "name": "Upgrade Check Trading Co., Ltd.",
            "is_company": True,
            "customer_rank": 1,
            "user_id": salesman.id,
            "level_id": level.id,
            "region_id": region.id,
            "lifecycle_stage": "intention",
            "phone": "+86 21 5555 0101",
        }
    )
    contact = env["res.partner"].create(
        {"name": "Upgrade Check Contact", "parent_id": customer.id, "department": "Purchasing"}
    )
    env["crm.partner.relation"].create(
        {
            "left_partner_id": contact.id,
            "type_id": env["crm.partner.relation.type"].search([], limit=1).id,
            "right_partner_id": env["res.partner"]
            .search([("is_company", "=", True), ("id", "!=", customer.id)], limit=1)
            .id,
            "strength": "strong",
        }
    )
    product = env["product.product"].search([("sale_ok", "=", True)], limit=1)
    lead = env["crm.lead"].create(
        {
            "name": "Upgrade Check Opportunity",
            "type": "opportunity",
            "partner_id": customer.id,
            "user_id": salesman.id,
        }
    )
    env["crm.lead.product"].create(
        {"lead_id": lead.id, "product_id": product.id, "product_uom_qty": 3, "price_unit": 1250.0}
    )
    competitor = env["crm.competitor"].create({"name": "Upgrade Check Rival"})
    env["crm.lead.competition"].create({"lead_id": lead.id, "competitor_id": competitor.id})
    env["crm.sales.target"].create(
        {"user_id": salesman.id, "month": "2026-01-01", "target_amount": 120000}
    )
    article = env["crm.knowledge.article"].create(
        {
            "name": "Upgrade check: resetting the controller",
            "body": "<p>Hold the reset key for five seconds.</p>",
            "keywords": "reset, controller",
            "audience": "public",
        }
    )
    article.action_publish()
    env["crm.knowledge.article"].search_answers("reset controller", channel="backend")
    env.cr.commit()
    print(f"[crm] seeded customer {customer.id}, opportunity {lead.id}, article {article.id}")


def _digest(value):
    text = json.dumps(value, default=str, sort_keys=True)
    return text if len(text) <= 200 else hashlib.sha1(text.encode()).hexdigest()


def _only_ours(env, model, res_ids):
    """The records of `model` (ir.model or ir.model.fields) that only our modules
    declare: a model or field another module also declares outlives our uninstall."""
    cr = env.cr
    cr.execute(
        """SELECT res_id FROM ir_model_data WHERE model = %s AND res_id = ANY(%s)
           GROUP BY res_id HAVING bool_and(module = ANY(%s))""",
        [model, list(res_ids), list(OURS)],
    )
    return {row[0] for row in cr.fetchall()}


def snapshot(env):
    cr = env.cr
    data_models = (
        env["ir.model.data"]
        .search([("module", "in", OURS), ("model", "=", "ir.model")])
        .mapped("res_id")
    )
    our_models = env["ir.model"].browse(data_models).mapped("model")
    records = {}
    for name in sorted(set(our_models) | set(ODOO_MODELS)):
        model = env.get(name)
        if model is None or model._abstract or not model._auto:
            continue
        cr.execute(f'SELECT id FROM "{model._table}" ORDER BY id')
        records[name] = [row[0] for row in cr.fetchall()]
    # The stored columns our modules own, value by value.
    field_data = env["ir.model.data"].search(
        [("module", "in", OURS), ("model", "=", "ir.model.fields")]
    )
    values, columns = {}, []
    exclusive = _only_ours(env, "ir.model.fields", field_data.mapped("res_id"))
    for field in env["ir.model.fields"].browse(field_data.mapped("res_id")).exists():
        model = env.get(field.model)
        if model is None or model._abstract or not model._auto:
            continue  # SQL views (reports) are rebuilt, not kept
        column = model._fields.get(field.name)
        if not column or not column.store or not column.column_type:
            continue
        if field.id in exclusive:
            columns.append([model._table, field.name])
        if column.type == "binary":
            continue
        cr.execute(f'SELECT id, "{field.name}" FROM "{model._table}" ORDER BY id')
        values[f"{field.model}.{field.name}"] = {
            str(rid): _digest(value) for rid, value in cr.fetchall()
        }
    rules = {}
    for rule in env["ir.rule"].search([]):
        rules[rule.get_external_id()[rule.id] or f"id:{rule.id}"] = {
            "model": rule.model_id.model,
            "domain": rule.domain_force,
            "groups": sorted(rule.groups.get_external_id().values()),
            "perms": [rule.perm_read, rule.perm_write, rule.perm_create, rule.perm_unlink],
            "active": rule.active,
        }
    access = {}
    for acl in env["ir.model.access"].search([]):
        access[acl.get_external_id()[acl.id] or f"id:{acl.id}"] = [
            acl.model_id.model,
            acl.group_id.get_external_id().get(acl.group_id.id, ""),
            acl.perm_read,
            acl.perm_write,
            acl.perm_create,
            acl.perm_unlink,
            acl.active,
        ]
    exclusive = _only_ours(env, "ir.model", data_models)
    footprint = {
        "tables": sorted(
            {
                env[m.model]._table
                for m in env["ir.model"].browse(sorted(exclusive))
                if m.model in env and env[m.model]._auto
            }
        )
    }
    footprint["columns"] = sorted(columns)
    owned = env["ir.model.data"].search([("module", "in", OURS), ("model", "in", list(FOOTPRINT))])
    footprint["records"] = {}
    for row in owned:
        footprint["records"].setdefault(row.model, []).append(row.res_id)
    return {
        "records": records,
        "values": values,
        "rules": rules,
        "access": access,
        "footprint": footprint,
        "xmlids": sorted(
            f"{d.module}.{d.name}" for d in env["ir.model.data"].search([("module", "in", OURS)])
        ),
    }


# Values the upgrade changes on purpose, each with the reason; anything else changed
# is a loss.
CHANGED_BY_DESIGN = {
    "crm.pool.name": "19.0.1.1.0 names the system's pools in every installed language",
    "crm.pool.write_date": "the same rename",
    "crm.knowledge.query.write_date": "crm_knowledge computes the new listable flag of"
    " every logged question",
}


def compare(before, after):
    problems, notes = [], []
    for model, ids in before["records"].items():
        now = set(after["records"].get(model, []))
        lost = sorted(set(ids) - now)
        if lost:
            problems.append(f"{model}: {len(lost)} records lost, e.g. {lost[:5]}")
        added = len(now) - len(set(ids) & now)
        if added:
            notes.append(f"{model}: {len(ids)} -> {len(now)} records (+{added})")
    for key, column in before["values"].items():
        if key not in after["values"]:
            problems.append(f"{key}: column gone")
            continue
        new = after["values"][key]
        changed = [rid for rid, value in column.items() if new.get(rid, value) != value]
        if changed and key in CHANGED_BY_DESIGN:
            notes.append(f"{key}: {len(changed)} values changed: {CHANGED_BY_DESIGN[key]}")
        elif changed:
            problems.append(f"{key}: {len(changed)} values changed, e.g. record {changed[0]}")
    for table, label in (("rules", "record rule"), ("access", "access right")):
        for key, value in before[table].items():
            if key not in after[table]:
                problems.append(f"{label} {key} lost")
            elif after[table][key] != value:
                problems.append(f"{label} {key} changed: {value} -> {after[table][key]}")
        added = sorted(set(after[table]) - set(before[table]))
        if added:
            notes.append(f"{len(added)} {label}s added: {', '.join(added[:8])}")
    lost_ids = sorted(set(before["xmlids"]) - set(after["xmlids"]))
    if lost_ids:
        problems.append(f"{len(lost_ids)} xmlids gone: {', '.join(lost_ids[:10])}")
    counted = sum(len(ids) for ids in before["records"].values())
    print(
        f"[crm] upgrade compared {counted} records of {len(before['records'])} models, "
        f"{sum(len(c) for c in before['values'].values())} values in {len(before['values'])} "
        f"columns, {len(before['rules'])} record rules, {len(before['access'])} access rights, "
        f"{len(before['xmlids'])} xmlids"
    )
    for note in notes:
        print(f"[crm]   {note}")
    return problems


def clean(env, footprint):
    cr = env.cr
    problems = []
    cr.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_name = ANY(%s)",
        [footprint["tables"]],
    )
    problems += [f"table {row[0]} remains" for row in cr.fetchall()]
    for table, column in footprint["columns"]:
        cr.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s",
            [table, column],
        )
        if cr.fetchone():
            problems.append(f"column {table}.{column} remains")
    for model, ids in footprint["records"].items():
        cr.execute(
            f'SELECT id FROM "{FOOTPRINT[model]}" WHERE id = ANY(%s)',
            [ids],
        )
        left = [row[0] for row in cr.fetchall()]
        if left:
            problems.append(f"{len(left)} {model} records remain, e.g. {left[:5]}")
    # Odoo keeps the xmlid of a demo record it could not delete (a customer or a
    # product that confirmed orders still use): business data, not our footprint.
    cr.execute(
        """SELECT module, model, count(*) FROM ir_model_data WHERE module = ANY(%s)
           GROUP BY 1, 2 ORDER BY 1, 2""",
        [list(OURS)],
    )
    for module, model, count in cr.fetchall():
        if model.startswith("ir.") or model in FOOTPRINT:
            problems.append(f"{count} {model} xmlids of {module} remain")
        else:
            print(f"[crm]   kept in use: {count} {model} records of {module}'s demo data")
    cr.execute("SELECT name, state FROM ir_module_module WHERE name = ANY(%s)", [list(OURS)])
    problems += [f"module {m} is {s}" for m, s in cr.fetchall() if s != "uninstalled"]
    print(
        f"[crm] uninstall checked {len(footprint['tables'])} tables, "
        f"{len(footprint['columns'])} columns, "
        f"{sum(len(i) for i in footprint['records'].values())} menus, actions, rules, views, "
        f"crons and groups"
    )
    return problems


def as_installed(env, upgraded):
    """The record rules and access rights of ours on a database where the working
    tree was installed fresh must be those the upgraded database has: a rule declared
    `noupdate` that changed since the release needs a migration script, or upgraded
    databases keep enforcing the old one."""
    fresh = snapshot(env)
    problems = []
    for table, label in (("rules", "record rule"), ("access", "access right")):
        ours = {k for k in fresh[table] if k.split(".")[0] in OURS}
        ours |= {k for k in upgraded[table] if k.split(".")[0] in OURS}
        for key in sorted(ours):
            if key not in upgraded[table]:
                problems.append(f"{label} {key} missing after the upgrade")
            elif key not in fresh[table]:
                problems.append(f"{label} {key} survives the upgrade, a fresh install lacks it")
            elif fresh[table][key] != upgraded[table][key]:
                problems.append(
                    f"{label} {key} differs: upgraded {upgraded[table][key]}, "
                    f"installed {fresh[table][key]}"
                )
        print(f"[crm] {len(ours)} {label}s of ours: upgraded as freshly installed")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config")
    parser.add_argument("-d", "--database")
    parser.add_argument("--addons-path")
    parser.add_argument("command", choices=["seed", "snapshot", "compare", "clean", "as-installed"])
    parser.add_argument("files", nargs="*")
    opts = parser.parse_args()
    if opts.command == "compare":
        with open(opts.files[0]) as f1, open(opts.files[1]) as f2:
            problems = compare(json.load(f1), json.load(f2))
    else:
        cr, env = open_env(opts)
        with cr:
            if opts.command == "seed":
                seed(env)
                problems = []
            elif opts.command == "snapshot":
                with open(opts.files[0], "w") as out:
                    json.dump(snapshot(env), out)
                problems = []
            elif opts.command == "as-installed":
                with open(opts.files[0]) as f:
                    problems = as_installed(env, json.load(f))
            else:
                with open(opts.files[0]) as f:
                    problems = clean(env, json.load(f)["footprint"])
    for problem in problems:
        print(f"[crm] PROBLEM {problem}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
