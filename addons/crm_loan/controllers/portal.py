import base64

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.crm_core.tools import rate_limit
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

# A feedback form is a few lines of text and some photos or documents: bound
# what one post may carry rather than let a client fill the filestore.
MAX_TEXT = 5000
MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024


class CrmLoanPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "crm_loan_count" in counters:
            Loan = request.env["crm.loan"]
            values["crm_loan_count"] = Loan.search_count([]) if Loan.has_access("read") else 0
        return values

    @http.route(["/my/loans", "/my/loans/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_loans(self, page=1, **kwargs):
        Loan = request.env["crm.loan"]
        count = Loan.search_count([])
        pager = portal_pager(url="/my/loans", total=count, page=page, step=self._items_per_page)
        loans = Loan.search([], limit=self._items_per_page, offset=pager["offset"], order="id desc")
        return request.render(
            "crm_loan.portal_my_loans",
            {"loans": loans, "page_name": "crm_loan", "pager": pager, "default_url": "/my/loans"},
        )

    @http.route(["/my/loans/<int:loan_id>"], type="http", auth="public", website=True)
    def portal_my_loan(self, loan_id, access_token=None, **kwargs):
        try:
            loan_sudo = self._document_check_access("crm.loan", loan_id, access_token=access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._render_loan(loan_sudo, access_token)

    @http.route(
        ["/my/loans/<int:loan_id>/feedback"],
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
    )
    def portal_loan_feedback(self, loan_id, access_token=None, **post):
        if response := rate_limit.limited("form"):
            return response
        try:
            loan_sudo = self._document_check_access("crm.loan", loan_id, access_token=access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        errors = self._create_portal_feedback(loan_sudo, post)
        if errors:
            return self._render_loan(loan_sudo, access_token, errors=errors, post=post)
        return request.redirect(loan_sudo.get_portal_url(query_string="&feedback=sent"))

    def _render_loan(self, loan_sudo, access_token, errors=None, post=None):
        values = self._get_page_view_values(
            loan_sudo,
            access_token,
            {
                "loan": loan_sudo,
                "page_name": "crm_loan",
                "errors": errors or [],
                "post": post or {},
                "feedback_sent": request.params.get("feedback") == "sent",
                "ratings": request.env["crm.loan.feedback"]
                ._fields["rating"]
                ._description_selection(request.env),
            },
            "my_loans_history",
            False,
        )
        return request.render("crm_loan.portal_my_loan", values)

    def _create_portal_feedback(self, loan_sudo, post):
        """Create the feedback from the posted form; return the errors, if any."""
        env = request.env
        errors = []
        problems = (post.get("problems") or "").strip()
        requirements = (post.get("requirements") or "").strip()
        rating = post.get("rating")
        if not problems and not requirements:
            errors.append(env._("Describe the problems you found or what you need."))
        if len(problems) > MAX_TEXT or len(requirements) > MAX_TEXT:
            errors.append(env._("Keep each answer under %(count)s characters.", count=MAX_TEXT))
        if rating not in dict(env["crm.loan.feedback"]._fields["rating"].selection):
            errors.append(env._("Choose a rating from 1 to 5."))
        if loan_sudo.state not in ("shipped", "done"):
            errors.append(env._("This loan has not been shipped yet."))
        files = [f for f in request.httprequest.files.getlist("attachments") if f.filename]
        if len(files) > MAX_FILES:
            errors.append(env._("Attach at most %(count)s files.", count=MAX_FILES))
        contents = []
        for upload in files[:MAX_FILES]:
            content = upload.read(MAX_FILE_SIZE + 1)
            if len(content) > MAX_FILE_SIZE:
                errors.append(env._("%(name)s is larger than 10 MB.", name=upload.filename))
            contents.append((upload.filename, content))
        if errors:
            return errors
        partner = env.user.partner_id if not env.user._is_public() else loan_sudo.partner_id
        try:
            # Portal users cannot create feedback themselves: access to the loan
            # was checked above, the model's constraints check the content.
            with env.cr.savepoint():
                attachments = (
                    env["ir.attachment"]
                    .sudo()
                    .create(
                        [
                            {
                                "name": name,
                                "datas": base64.b64encode(content),
                                "res_model": "crm.loan.feedback",
                            }
                            for name, content in contents
                        ]
                    )
                )
                env["crm.loan.feedback"].sudo().create(
                    {
                        "loan_id": loan_sudo.id,
                        "author_id": partner.id,
                        "source": "portal",
                        "problems": problems or False,
                        "requirements": requirements or False,
                        "rating": rating,
                        "attachment_ids": [(6, 0, attachments.ids)],
                    }
                )
        except (UserError, ValidationError) as error:
            return [error.args[0]]
        return []
