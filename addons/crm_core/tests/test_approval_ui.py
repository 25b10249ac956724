from odoo.tests import HttpCase, tagged

from .approval_common import ApprovalCommon


@tagged("post_install", "-at_install")
class TestApprovalUi(HttpCase, ApprovalCommon):
    def test_approve_from_mail_link_tour(self):
        self._request()
        review = self.order.review_ids
        url = self.env["crm.approval.token"]._crm_create_link(review, self.manager, "approve")
        self.start_tour(
            url[url.index("/crm/approval/") :], "crm_approval_email_link", login="manager"
        )
        self.assertRecordValues(review, [{"status": "approved", "done_by": self.manager.id}])

    def test_quotation_over_authority_tour(self):
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{self.order.id}",
            "crm_approval_quotation_refused",
            login="salesman_a",
        )
        self.assertRecordValues(self.order, [{"state": "draft", "validation_status": "pending"}])
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{self.order.id}",
            "crm_approval_quotation_validate",
            login="manager",
        )
        self.assertRecordValues(self.order, [{"validation_status": "validated"}])

    def test_reject_with_reason_tour(self):
        self._request()
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{self.order.id}",
            "crm_approval_quotation_reject",
            login="manager",
        )
        self.assertRecordValues(
            self.order.review_ids, [{"status": "rejected", "reject_reason": "Margin too low"}]
        )

    def test_my_approvals_tour(self):
        self._request()
        self.start_tour(
            "/odoo/action-crm_core.crm_approval_pending_action_mine",
            "crm_approval_my_approvals",
            login="manager",
        )

    def test_delegation_tour(self):
        self.start_tour(
            "/odoo/action-crm_core.crm_approval_delegation_action",
            "crm_approval_delegation",
            login="manager",
        )
        delegation = (
            self.env["crm.approval.delegation"]
            .with_context(active_test=False)
            .search([("from_user_id", "=", self.manager.id)])
        )
        self.assertRecordValues(
            delegation, [{"to_user_id": self.leader_1.id, "state": "ended", "active": False}]
        )
