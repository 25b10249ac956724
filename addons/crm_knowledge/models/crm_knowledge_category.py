import re

from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError


class CrmKnowledgeCategory(models.Model):
    _name = "crm.knowledge.category"
    _description = "Knowledge Category"
    _parent_store = True
    _rec_name = "complete_name"
    _order = "complete_name"

    name = fields.Char(required=True, translate=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    parent_id = fields.Many2one("crm.knowledge.category", ondelete="restrict", index=True)
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("crm.knowledge.category", "parent_id", string="Subcategories")
    keywords = fields.Char(
        help="Comma-separated words; a question containing one of them is classified "
        "into this category before the statistical classifier is asked.",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    article_ids = fields.One2many("crm.knowledge.article", "category_id", string="Articles")
    article_count = fields.Integer(compute="_compute_article_count")
    # The displayed path depends on the parent's displayed path.
    display_name = fields.Char(recursive=True)

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A category cannot be its own ancestor."))

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for category in self:
            if category.parent_id:
                category.complete_name = f"{category.parent_id.complete_name} / {category.name}"
            else:
                category.complete_name = category.name

    @api.depends_context("lang")
    @api.depends("name", "parent_id.display_name")
    def _compute_display_name(self):
        # complete_name is stored in the language of its last write; the
        # displayed path follows the reader's language.
        for category in self:
            if category.parent_id:
                category.display_name = f"{category.parent_id.display_name} / {category.name}"
            else:
                category.display_name = category.name

    def _compute_article_count(self):
        counts = dict(
            self.env["crm.knowledge.article"]._read_group(
                [("category_id", "in", self.ids)], ["category_id"], ["__count"]
            )
        )
        for category in self:
            category.article_count = counts.get(category, 0)

    @api.model_create_multi
    def create(self, vals_list):
        categories = super().create(vals_list)
        self.env.registry.clear_cache()  # _keyword_rules
        return categories

    def write(self, vals):
        result = super().write(vals)
        if {"keywords", "active", "name", "parent_id"} & set(vals):
            self.env.registry.clear_cache()  # _keyword_rules
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()  # _keyword_rules
        return result

    @api.model
    @tools.ormcache()
    def _keyword_rules(self):
        """((category id, keywords), ...) of the active categories with keywords, in
        their order: every search classifies its question with them. Cached per
        registry; editing a category clears it."""
        categories = self.sudo().search([("keywords", "!=", False)])
        return tuple((category.id, tuple(category.keyword_list())) for category in categories)

    def keyword_list(self):
        self.ensure_one()
        return [
            kw.strip().lower()
            for kw in re.split("[,\uff0c;\uff1b\n]", self.keywords or "")
            if kw.strip()
        ]

    def action_view_articles(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_knowledge.crm_knowledge_article_action"
        )
        action["domain"] = [("category_id", "child_of", self.id)]
        action["context"] = {"default_category_id": self.id}
        return action
