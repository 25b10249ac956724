"""Every translatable term of every installed addon of ours has a zh_CN translation."""

from pathlib import Path

import polib
from suite_case import SuiteCase

from odoo.tools.translate import TranslationModuleReader

ADDONS = Path(__file__).resolve().parent.parent / "addons"


def our_addons():
    return sorted(p.parent.name for p in ADDONS.glob("*/__manifest__.py"))


class TestTranslations(SuiteCase):
    def test_every_term_has_a_zh_cn_translation(self):
        installed = set(
            self.env["ir.module.module"]
            .search([("name", "in", our_addons()), ("state", "=", "installed")])
            .mapped("name")
        )
        self.assertIn("crm_core", installed)
        missing = []
        for module in sorted(installed):
            po_path = ADDONS / module / "i18n" / "zh_CN.po"
            self.assertTrue(po_path.exists(), f"{po_path} is missing")
            translated = {
                entry.msgid for entry in polib.pofile(str(po_path)) if entry.msgstr.strip()
            }
            reader = TranslationModuleReader(self.env.cr, modules=[module])
            terms = {source for (mod, _t, _n, _r, source, _v, _c) in reader if mod == module}
            self.assertTrue(terms, f"no translatable term found for {module}")
            missing += [f"{module}: {term!r}" for term in sorted(terms - translated)]
        self.assertEqual(missing, [], "terms without a zh_CN translation")

    def test_chinese_interface_shows_chinese_group_name(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "in", our_addons())])._update_translations(
            ["zh_CN"]
        )
        group = self.env.ref("crm_core.group_crm_team_leader").with_context(lang="zh_CN")
        self.assertNotEqual(group.name, "Team Leader: Team Documents")
        self.assertTrue(any("\u4e00" <= ch <= "\u9fff" for ch in group.name))
