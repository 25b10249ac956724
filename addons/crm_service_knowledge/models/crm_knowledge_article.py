from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class CrmKnowledgeArticle(models.Model):
    _inherit = "crm.knowledge.article"

    solved_ticket_ids = fields.One2many(
        "helpdesk.ticket", "solved_article_id", string="Solved Requests", readonly=True
    )
    solved_count = fields.Integer(
        "Requests Solved",
        compute="_compute_solved_count",
        store=True,
        compute_sudo=True,
        help="Service requests recorded as solved by this article; it raises the "
        "article's rank in every search.",
    )

    @api.depends("solved_ticket_ids")
    def _compute_solved_count(self):
        Ticket = self.env["helpdesk.ticket"].with_context(active_test=False)
        counts = dict(
            Ticket._read_group(
                [("solved_article_id", "in", self.ids)], ["solved_article_id"], ["__count"]
            )
        )
        for article in self:
            article.solved_count = counts.get(article, 0)

    def _rank_sql(self, alias, tsquery):
        # Same damping as the views and helpful votes of crm_knowledge: the tenth solved
        # request adds less than the first.
        return SQL(
            "%s * (1 + ln(1 + coalesce(%s, 0)))",
            super()._rank_sql(alias, tsquery),
            # the count is a stored compute: flushed before the ranking query reads it
            SQL.identifier(alias, "solved_count", to_flush=self._fields["solved_count"]),
        )

    def action_solve_service_request(self):
        """Records this article as the one that solved the request of the context
        (the row button of the request's suggestions)."""
        self.ensure_one()
        ticket = (
            self.env["helpdesk.ticket"]
            .browse(self.env.context.get("crm_service_ticket_id"))
            .exists()
        )
        if not ticket:
            raise UserError(
                self.env._(
                    "Open a service request to record “%(article)s” as the article that solved it.",
                    article=self.name,
                )
            )
        # the write checks the agent's access to the request
        ticket.solved_article_id = self
        return True

    def action_view_solved_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_service.helpdesk_ticket_action")
        action.update(
            domain=[("solved_article_id", "=", self.id)],
            context={"create": False},
            name=self.env._("Requests Solved"),
        )
        return action
