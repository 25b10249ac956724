"""Changing the owner of many records without recomputing what cannot change.

Writing ``user_id`` marks every stored field computed from it for recomputation,
and transitively everything computed from those: on crm.lead the team, the
company and, through them, the predictive lead scoring, which costs most of a
bulk owner change. When a record keeps its team and company (the new owner is a
member of the record's team, or the owner is cleared and Odoo keeps the team),
the fields reached only through them keep their values too, and the ORM may be
told so with ``env.protecting``.
"""


def stable_fields(model, owner="user_id", anchors=("team_id", "company_id")):
    """The stored computed fields of ``model`` reached from ``owner`` only through
    ``anchors``: protect them while writing the owner of records whose anchors
    keep their value."""
    registry = model.env.registry
    anchor_fields = [model._fields[name] for name in anchors if name in model._fields]
    stable = set(anchor_fields)
    for field in anchor_fields:
        stable.update(registry.get_field_trigger_tree(field).root)
    direct = {
        field
        for field in model._fields.values()
        if field.compute
        and field not in anchor_fields
        and any(
            dep == owner or dep.startswith(owner + ".")
            for dep in registry.field_depends.get(field, ())
        )
    }
    for field in list(direct):
        direct.update(registry.get_field_trigger_tree(field).root)
    return stable - direct
