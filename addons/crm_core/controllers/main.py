from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from ..tools import rate_limit

REFUSAL_STATUS = {"unknown": 404, "used": 410, "expired": 410, "foreign": 403}


class CrmApprovalController(http.Controller):
    """Approve or reject a review from the single-use link of the review e-mail.
    GET shows what the link does; only the POST of that page acts."""

    @http.route(
        "/crm/approval/<string:token>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=True,
        sitemap=False,
    )
    def crm_approval_link(self, token, **post):
        if response := rate_limit.limited("token"):
            return response
        link = request.env["crm.approval.token"]._crm_find(token)
        values = {"token": token, "link": link, "done": False}
        refusal = link._crm_refusal(request.session.uid)
        if refusal:
            values.update(refusal_code=refusal[0], message=refusal[1])
            status = REFUSAL_STATUS.get(refusal[0], 409)
            return request.render("crm_core.crm_approval_link_page", values, status=status)
        review = link.review_id
        # sudo: the page shows the reviewer what they decide on, whoever is logged in.
        record = request.env[review.model].sudo().browse(review.res_id)
        values.update(record=record, review=review, amount=self._amount(record))
        if request.httprequest.method == "POST":
            try:
                link._crm_use(post.get("reason"))
            except (UserError, AccessError) as error:
                request.env.cr.rollback()
                values.update(refusal_code="error", message=str(error))
                return request.render("crm_core.crm_approval_link_page", values, status=409)
            values["done"] = True
        return request.render("crm_core.crm_approval_link_page", values)

    @staticmethod
    def _amount(record):
        for field_name in ("amount_total", "amount"):
            field = record._fields.get(field_name)
            if field and field.type == "monetary":
                currency = record[field.get_currency_field(record)]
                return {"value": record[field_name], "currency": currency}
        return False
