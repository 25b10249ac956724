from .common import KnowledgeCommon


class TestKnowledgeCategory(KnowledgeCommon):
    def test_path_follows_every_ancestor_and_language(self):
        screens = self.env["crm.knowledge.category"].create(
            {"name": "Screens", "parent_id": self.cat_phone.id}
        )
        self.assertEqual(screens.display_name, "Repair / Phones / Screens")
        # Renaming the grandparent reaches the grandchild's path at once.
        self.cat_repair.name = "Maintenance"
        self.assertEqual(screens.display_name, "Maintenance / Phones / Screens")
        self.assertEqual(screens.complete_name, "Maintenance / Phones / Screens")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.cat_repair.with_context(lang="zh_CN").name = "维护"
        self.assertEqual(screens.with_context(lang="zh_CN").display_name, "维护 / Phones / Screens")
        self.assertEqual(
            screens.with_context(lang="en_US").display_name, "Maintenance / Phones / Screens"
        )
