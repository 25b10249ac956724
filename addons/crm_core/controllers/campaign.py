import base64

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from ..tools import rate_limit

# A transparent 1x1 GIF, as mail's tracking pixel.
PIXEL = base64.b64decode(b"R0lGODlhAQABAIAAANvf7wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==")
ANSWERS = ("accept", "decline")


class CrmCampaignInvitationController(http.Controller):
    """The personal links of a campaign invitation. Whoever holds the token sees that
    one invitation and nothing else; GET only shows, the page's POST answers."""

    @http.route(
        "/crm/campaign/invitation/<string:token>",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
        readonly=True,
    )
    def crm_campaign_invitation(self, token, **kwargs):
        if response := rate_limit.limited("token"):
            return response
        member = request.env["crm.campaign.member"]._campaign_find_by_token(token)
        if not member:
            return self._refuse(token, "unknown", 404)
        return self._render(member, token)

    @http.route(
        "/crm/campaign/invitation/<string:token>/<string:answer>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=True,
        sitemap=False,
    )
    def crm_campaign_answer(self, token, answer, **post):
        if response := rate_limit.limited("token"):
            return response
        member = request.env["crm.campaign.member"]._campaign_find_by_token(token)
        if not member or answer not in ANSWERS:
            return self._refuse(token, "unknown", 404)
        if member.state != "invited":
            return self._render(member, token, refusal="answered", status=410)
        if request.httprequest.method != "POST":
            return self._render(member, token, answer=answer)
        try:
            member._campaign_respond(answer)
        except UserError as error:
            request.env.cr.rollback()
            return self._render(member, token, refusal="error", message=str(error), status=409)
        return self._render(member, token, done=True)

    @http.route(
        "/crm/campaign/invitation/<string:token>/pixel.png",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
    )
    def crm_campaign_pixel(self, token, **kwargs):
        member = request.env["crm.campaign.member"]._campaign_find_by_token(token)
        member._campaign_set_trace("open", only_from=("outgoing", "sent"))
        return request.make_response(
            PIXEL, headers=[("Content-Type", "image/gif"), ("Cache-Control", "no-store")]
        )

    def _refuse(self, token, code, status):
        return request.render(
            "crm_core.crm_campaign_invitation_page",
            {"member": request.env["crm.campaign.member"], "refusal": code, "token": token},
            status=status,
        )

    def _render(self, member, token, status=200, **values):
        # sudo: the invitee reads their own invitation, found by its token.
        values.update(member=member.sudo(), campaign=member.sudo().campaign_id, token=token)
        return request.render("crm_core.crm_campaign_invitation_page", values, status=status)
