from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KnowledgeCommon


@tagged("post_install", "-at_install")
class TestKnowledgeAccess(KnowledgeCommon):
    def visible(self, user):
        return (
            self.env["crm.knowledge.article"]
            .with_user(user)
            .search([("id", "in", self.all_articles.ids)])
        )

    def test_public_reads_only_published_public_articles(self):
        self.assertEqual(
            self.visible(self.public), self.art_boot | self.art_return | self.art_return_cn
        )

    def test_portal_reads_public_and_partner_articles(self):
        self.assertEqual(
            self.visible(self.portal),
            self.art_boot | self.art_return | self.art_return_cn | self.art_partner,
        )

    def test_employee_reads_internal_articles_their_groups_allow(self):
        published = self.art_boot | self.art_return | self.art_return_cn | self.art_partner
        self.assertEqual(self.visible(self.employee), published | self.art_internal)
        self.assertEqual(
            self.visible(self.engineer), published | self.art_internal | self.art_restricted
        )

    def test_manager_sees_everything(self):
        self.assertEqual(self.visible(self.manager), self.all_articles)

    def test_guessed_ids_are_refused(self):
        for user, article in [
            (self.public, self.art_partner),
            (self.public, self.art_internal),
            (self.public, self.art_draft),
            (self.portal, self.art_internal),
            (self.portal, self.art_archived),
            (self.employee, self.art_restricted),
            (self.employee, self.art_draft),
        ]:
            with self.subTest(user=user.login, article=article.name):
                with self.assertRaises(AccessError):
                    article.with_user(user).read(["name"])

    def test_readers_cannot_write_and_search_answers_respects_rules(self):
        with self.assertRaises(AccessError):
            self.art_boot.with_user(self.employee).write({"name": "Hacked"})
        with self.assertRaises(AccessError):
            self.env["crm.knowledge.query"].with_user(self.employee).search([])
        Article = self.env["crm.knowledge.article"]
        public_ids = {
            a["id"]
            for a in Article.with_user(self.public).search_answers("维修 主板 repair")["answers"]
        }
        self.assertNotIn(self.art_partner.id, public_ids)
        self.assertNotIn(self.art_internal.id, public_ids)
        portal_ids = {
            a["id"] for a in Article.with_user(self.portal).search_answers("维修站 主板")["answers"]
        }
        self.assertIn(self.art_partner.id, portal_ids)

    def test_stored_script_in_body_is_removed(self):
        self.art_boot.body = (
            "<p>Charge it<script>alert('x')</script><img src=x onerror=alert(1)></p>"
        )
        self.assertNotIn("<script", self.art_boot.body)
        self.assertNotIn("onerror", self.art_boot.body)
