from odoo.tools import SQL


def uninstall_hook(env):
    """Odoo deletes a module's data records before it drops the module's columns: a
    customer's region, level or type (`ondelete="restrict"`) would keep their records
    from being deleted, the uninstall would log errors and leave them behind. The
    columns go away in the same uninstall, so their restricting foreign keys go first."""
    field_ids = (
        env["ir.model.data"]
        .search([("module", "=", "crm_core"), ("model", "=", "ir.model.fields")])
        .mapped("res_id")
    )
    fields = env["ir.model.fields"].browse(field_ids).exists()
    for field in fields.filtered(lambda f: f.ttype == "many2one" and f.on_delete == "restrict"):
        model = env.get(field.model)
        if model is None or not model._auto or field.name not in model._fields:
            continue
        env.cr.execute(
            SQL(
                """SELECT fk.conname FROM pg_constraint fk
                     JOIN pg_class c ON c.oid = fk.conrelid
                     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = fk.conkey[1]
                    WHERE fk.contype = 'f' AND c.relname = %s AND a.attname = %s""",
                model._table,
                field.name,
            )
        )
        for (name,) in env.cr.fetchall():
            env.cr.execute(
                SQL(
                    "ALTER TABLE %s DROP CONSTRAINT %s",
                    SQL.identifier(model._table),
                    SQL.identifier(name),
                )
            )
