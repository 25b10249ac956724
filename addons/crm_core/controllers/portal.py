from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..tools import rate_limit


class CrmReturnPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "crm_return_count" in counters:
            Request = request.env["crm.return.request"]
            values["crm_return_count"] = (
                Request.search_count([]) if Request.has_access("read") else 0
            )
        return values

    @http.route(
        ["/my/returns", "/my/returns/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_returns(self, page=1, **kwargs):
        Request = request.env["crm.return.request"]
        count = Request.search_count([])
        pager = portal_pager(url="/my/returns", total=count, page=page, step=self._items_per_page)
        returns = Request.search(
            [], limit=self._items_per_page, offset=pager["offset"], order="id desc"
        )
        return request.render(
            "crm_core.portal_my_returns",
            {
                "returns": returns,
                "page_name": "crm_return",
                "pager": pager,
                "default_url": "/my/returns",
            },
        )

    @http.route(["/my/returns/<int:request_id>"], type="http", auth="public", website=True)
    def portal_my_return(self, request_id, access_token=None, **kwargs):
        try:
            return_sudo = self._document_check_access(
                "crm.return.request", request_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            return_sudo,
            access_token,
            {"return_request": return_sudo, "page_name": "crm_return"},
            "my_returns_history",
            False,
        )
        return request.render("crm_core.portal_my_return", values)

    @http.route(
        ["/my/returns/new"],
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
    )
    def portal_new_return(self, order_id=None, **post):
        try:
            order_sudo = self._document_check_access("sale.order", int(order_id or 0))
        except (AccessError, MissingError, ValueError):
            return request.redirect("/my/orders")
        errors = []
        if request.httprequest.method == "POST":
            if response := rate_limit.limited("form"):
                return response
            new_request, errors = self._create_portal_return(order_sudo, post)
            if new_request:
                return request.redirect(new_request.get_portal_url())
        # Computed after the POST: a failed creation rolls back and clears
        # the cache, which would empty any new record made before it.
        candidates = self._get_portal_return_candidates(order_sudo)
        if not candidates and not errors:
            errors.append(
                request.env._("Nothing of order %(order)s can be returned.", order=order_sudo.name)
            )
        return request.render(
            "crm_core.portal_new_return",
            {
                "order": order_sudo,
                "candidates": candidates,
                "errors": errors,
                "post": post,
                "page_name": "crm_return_new",
                "return_types": request.env["crm.return.request"]
                ._fields["type"]
                ._description_selection(request.env),
            },
        )

    def _get_portal_return_candidates(self, order_sudo):
        Line = request.env["crm.return.request.line"].sudo()
        candidates = []
        for sale_line in order_sudo.order_line.filtered(lambda sl: not sl.display_type):
            returnable = Line.new({"sale_line_id": sale_line.id}).returnable_qty
            if returnable > 0:
                candidates.append(
                    {
                        "sale_line_id": sale_line.id,
                        "product": sale_line.product_id.display_name,
                        "returnable": returnable,
                    }
                )
        return candidates

    def _create_portal_return(self, order_sudo, post):
        """Create the request from the posted form; return (request, errors)."""
        env = request.env
        errors = []
        rtype = post.get("type")
        if rtype not in dict(env["crm.return.request"]._fields["type"].selection):
            errors.append(env._("Choose what you want: return, exchange or refund."))
        lines = []
        for sale_line in order_sudo.order_line.filtered(lambda sl: not sl.display_type):
            raw = (post.get(f"qty_{sale_line.id}") or "").strip()
            if not raw:
                continue
            try:
                qty = float(raw)
            except ValueError:
                errors.append(
                    env._(
                        "%(value)s is not a quantity for %(product)s.",
                        value=raw,
                        product=sale_line.product_id.display_name,
                    )
                )
                continue
            if qty < 0:
                errors.append(
                    env._(
                        "The quantity of %(product)s cannot be negative.",
                        product=sale_line.product_id.display_name,
                    )
                )
            elif qty > 0:
                lines.append((0, 0, {"sale_line_id": sale_line.id, "requested_qty": qty}))
        if not lines and not errors:
            errors.append(env._("Enter the quantity to return for at least one product."))
        if errors:
            return None, errors
        try:
            # Portal users cannot create requests themselves: the order was
            # checked above, the model's constraints check the quantities.
            with env.cr.savepoint():
                new_request = (
                    env["crm.return.request"]
                    .sudo()
                    .create(
                        {
                            "type": rtype,
                            "sale_order_id": order_sudo.id,
                            "reason": post.get("reason") or False,
                            "line_ids": lines,
                        }
                    )
                )
                new_request.message_post(
                    body=env._(
                        "Request raised by %(name)s on the customer portal.",
                        name=env.user.partner_id.name,
                    ),
                    author_id=env.user.partner_id.id,
                    subtype_xmlid="mail.mt_note",
                )
        except (UserError, ValidationError) as error:
            return None, [error.args[0]]
        return new_request, []
