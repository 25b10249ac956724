"""The house rules of the code layout (crm_core/models/__init__.py): small files,
fields before methods, and the one create / write / action_confirm of a model
several features extend in its base file."""

import ast
from pathlib import Path

ADDONS = Path(__file__).resolve().parent.parent / "addons"
MAX_LINES = 500
# model -> the base file that alone may override its create / write / action_confirm
SHARED_MODELS = {
    "res.partner": "crm_core/models/res_partner.py",
    "crm.lead": "crm_core/models/crm_lead.py",
    "sale.order": "crm_core/models/sale_order.py",
    "sale.order.line": "crm_core/models/sale_order_line.py",
}
ONE_PER_MODEL = {"create", "write", "action_confirm"}


def python_files():
    return sorted(path for path in ADDONS.rglob("*.py") if "static" not in path.parts)


def model_classes(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            names = {}
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                    target = stmt.targets[0]
                    if isinstance(target, ast.Name) and target.id in ("_name", "_inherit"):
                        names[target.id] = stmt.value
            if names:
                yield node, names


def model_names(names):
    value = names.get("_name") or names.get("_inherit")
    if isinstance(value, ast.Constant):
        return {value.value}
    if isinstance(value, ast.List):
        return {elt.value for elt in value.elts if isinstance(elt, ast.Constant)}
    return set()


def is_field(stmt):
    if not isinstance(stmt, ast.Assign) or not isinstance(stmt.value, ast.Call):
        return False
    func = stmt.value.func
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "fields"
    )


def test_no_python_file_over_500_lines():
    long_files = {
        str(path.relative_to(ADDONS)): lines
        for path in python_files()
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long_files == {}


def test_fields_come_before_methods():
    late = []
    for path in python_files():
        for cls, _names in model_classes(ast.parse(path.read_text())):
            seen_method = False
            for stmt in cls.body:
                if isinstance(stmt, ast.FunctionDef):
                    seen_method = True
                elif seen_method and is_field(stmt):
                    late.append(f"{path.relative_to(ADDONS)}:{stmt.lineno}")
    assert late == []


def test_shared_models_override_create_write_confirm_in_their_base_file_only():
    elsewhere = []
    for path in python_files():
        relative = str(path.relative_to(ADDONS))
        for cls, names in model_classes(ast.parse(path.read_text())):
            for model in model_names(names) & set(SHARED_MODELS):
                if relative == SHARED_MODELS[model]:
                    continue
                elsewhere += [
                    f"{relative}: {model}.{stmt.name}"
                    for stmt in cls.body
                    if isinstance(stmt, ast.FunctionDef) and stmt.name in ONE_PER_MODEL
                ]
    assert elsewhere == []
