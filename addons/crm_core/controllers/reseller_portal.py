from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..tools import rate_limit

MAX_ID = 2**31 - 1  # beyond PostgreSQL's integer: no such record, not an error


class CrmResellerPortal(CustomerPortal):
    """The reseller's opportunities. Portal users have no access right on crm.lead:
    every page reads through sudo, restricted to the leads assigned to the caller's
    commercial partner, and nothing else of the lead is shown."""

    def _reseller_partner(self):
        partner = request.env.user.sudo().partner_id.commercial_partner_id
        return partner if partner.is_reseller and request.env.user._is_portal() else None

    def _reseller_domain(self, partner):
        return [
            ("reseller_id", "=", partner.id),
            ("reseller_state", "in", ("assigned", "accepted")),
        ]

    def _reseller_lead(self, lead_id):
        """The caller's lead, or None: another reseller's or an unknown id alike."""
        partner = self._reseller_partner()
        if not partner or not 0 < lead_id <= MAX_ID:
            return None
        Lead = request.env["crm.lead"].sudo()
        return Lead.search([("id", "=", lead_id), *self._reseller_domain(partner)]) or None

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "crm_reseller_opportunity_count" in counters:
            partner = self._reseller_partner()
            values["crm_reseller_opportunity_count"] = (
                request.env["crm.lead"].sudo().search_count(self._reseller_domain(partner))
                if partner
                else 0
            )
        return values

    @http.route(
        ["/my/opportunities", "/my/opportunities/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_reseller_opportunities(self, page=1, **kwargs):
        partner = self._reseller_partner()
        if not partner:
            return request.redirect("/my")
        Lead = request.env["crm.lead"].sudo()
        domain = self._reseller_domain(partner)
        pager = portal_pager(
            url="/my/opportunities",
            total=Lead.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        leads = Lead.search(
            domain,
            limit=self._items_per_page,
            offset=pager["offset"],
            order="reseller_assign_date desc, id desc",
        )
        return request.render(
            "crm_core.portal_my_reseller_opportunities",
            {
                "leads": leads,
                "page_name": "crm_reseller",
                "pager": pager,
                "default_url": "/my/opportunities",
            },
        )

    def _render_reseller_lead(self, lead, errors=(), post=None):
        author_ids = lead.reseller_id.child_ids.ids + lead.reseller_id.ids
        messages = (
            request.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", "crm.lead"),
                    ("res_id", "=", lead.id),
                    ("message_type", "=", "comment"),
                    ("author_id", "in", author_ids),
                ],
                order="id desc",
            )
        )
        return request.render(
            "crm_core.portal_my_reseller_opportunity",
            {
                "lead": lead,
                "customer": lead.partner_id.commercial_partner_id,
                "stages": lead._reseller_portal_stages(),
                "notes": messages,
                "errors": list(errors),
                "post": post or {},
                "page_name": "crm_reseller",
            },
        )

    @http.route(["/my/opportunities/<int:lead_id>"], type="http", auth="user", website=True)
    def portal_my_reseller_opportunity(self, lead_id, **kwargs):
        lead = self._reseller_lead(lead_id)
        if not lead:
            raise request.not_found()
        return self._render_reseller_lead(lead)

    @http.route(
        ["/my/opportunities/<int:lead_id>/<string:verb>"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_reseller_opportunity_post(self, lead_id, verb, **post):
        if response := rate_limit.limited("form"):
            return response
        lead = self._reseller_lead(lead_id)
        if not lead or verb not in ("accept", "decline", "update", "activity"):
            raise request.not_found()
        author = request.env.user.partner_id
        try:
            # All or nothing: a check failing after a write rolls the write back.
            with request.env.cr.savepoint():
                if verb == "accept":
                    lead._reseller_accept()
                elif verb == "decline":
                    lead._reseller_decline(post.get("reason"))
                elif verb == "update":
                    lead._reseller_update(
                        post.get("stage_id"), post.get("expected_revenue"), post.get("note"), author
                    )
                else:
                    lead._reseller_log_activity(post.get("date"), post.get("activity_note"), author)
        except (UserError, ValidationError) as error:
            request.env.invalidate_all()
            return self._render_reseller_lead(lead, [error.args[0]], post)
        if verb == "decline":
            return request.redirect("/my/opportunities")
        return request.redirect(f"/my/opportunities/{lead.id}")
