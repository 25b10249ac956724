import io

from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools import file_path
from odoo.tools.translate import TranslationImporter

from .approval_common import ApprovalCommon


@tagged("post_install", "-at_install")
class TestApprovalFlow(ApprovalCommon):
    def _reject_wizard(self, user, reason):
        action = self.order.with_user(user).action_reject_with_reason()
        self.assertEqual(action["res_model"], "crm.approval.reject")
        wizard = (
            self.env["crm.approval.reject"]
            .with_user(user)
            .with_context(**action["context"])
            .create({"reason": reason})
        )
        return wizard

    def test_reject_with_reason(self):
        self._request()
        with self.assertRaisesRegex(UserError, "Give the reason"):
            self._reject_wizard(self.manager, "   ").action_reject()
        self.assertRecordValues(self.order.review_ids, [{"status": "pending"}])
        self._reject_wizard(self.manager, "Margin too low").action_reject()
        self.assertRecordValues(
            self.order.review_ids,
            [
                {
                    "status": "rejected",
                    "reject_reason": "Margin too low",
                    "done_by": self.manager.id,
                }
            ],
        )
        self.assertRecordValues(self.order, [{"validation_status": "rejected"}])
        self.assertIn("Margin too low", self.order.message_ids[0].body)

    def test_reject_by_non_reviewer_refused(self):
        self._request()
        with self.assertRaisesRegex(UserError, "has no review waiting for Salesman B"):
            self.order.with_user(self.salesman_b).action_reject_with_reason()

    def test_forward(self):
        self.definition.has_forward = True
        self._request()
        order = self.order.with_user(self.manager)
        self.assertTrue(order.can_forward)

        def forward_to(user):
            action = order.forward_tier()
            form = Form(
                self.env["tier.validation.forward.wizard"]
                .with_user(self.manager)
                .with_context(**action["context"]),
                view="base_tier_validation_forward.view_forward_wizard",
            )
            form.forward_reviewer_id = user
            form.forward_description = "Second opinion"
            return form.save()

        with self.assertRaisesRegex(UserError, "cannot forward the review of .* to yourself"):
            forward_to(self.manager).add_forward()
        with self.assertRaisesRegex(UserError, "to Salesman A, who requested it"):
            forward_to(self.salesman_a).add_forward()
        self.assertRecordValues(self.order.review_ids, [{"status": "pending"}])

        forward_to(self.leader_1).add_forward()
        forwarded = self.order.review_ids[1:]
        mail = self.env["mail.mail"].search(
            [("model", "=", "tier.review"), ("res_id", "=", forwarded.id)]
        )
        self.assertEqual(mail.recipient_ids, self.leader_1.partner_id)
        self.assertRecordValues(
            self.order.review_ids,
            [
                {
                    "status": "forwarded",
                    "done_by": self.manager.id,
                    "reviewer_ids": self.manager.ids,
                },
                {"status": "pending", "done_by": False, "reviewer_ids": self.leader_1.ids},
            ],
        )
        # The forwarded review asks for a comment (OCA forward wizard default).
        action = self.order.with_user(self.leader_1).validate_tier()
        self.env["comment.wizard"].with_user(self.leader_1).with_context(
            **action["context"]
        ).create({"comment": "Fine for me"}).add_comment()
        self.assertRecordValues(self.order, [{"validation_status": "validated"}])

    def test_withdraw_keeps_history_and_allows_a_new_request(self):
        self._request()
        first = self.order.review_ids
        with self.assertRaisesRegex(UserError, "Only Salesman A, who requested the approval"):
            self.order.with_user(self.manager).action_withdraw_approval()
        order = self.order.with_user(self.salesman_a)
        self.assertTrue(order.crm_can_withdraw)
        order.action_withdraw_approval()
        self.assertFalse(order.review_ids)
        self.assertRecordValues(order, [{"validation_status": "no", "need_validation": True}])
        self.assertRecordValues(
            first.with_context(active_test=False),
            [{"status": "withdrawn", "active": False, "done_by": self.salesman_a.id}],
        )
        self.assertIn("withdrawn by Salesman A", order.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "no approval request waiting"):
            order.action_withdraw_approval()

        order.request_validation()
        second = order.review_ids
        self.order.with_user(self.manager).validate_tier()
        self.assertEqual(order.crm_review_history_ids, first | second)
        with self.assertRaisesRegex(UserError, "no approval request waiting"):
            order.action_withdraw_approval()

    def test_restart_and_cancel_keep_the_trail(self):
        self._request()
        first = self.order.review_ids
        self.order.with_user(self.manager)._rejected_tier()
        self.order.with_user(self.salesman_a).restart_validation()
        self.assertFalse(self.order.review_ids)
        self.assertRecordValues(
            first.with_context(active_test=False), [{"status": "rejected", "active": False}]
        )
        self._request()
        second = self.order.review_ids
        self.order.with_user(self.salesman_a).action_cancel()
        self.assertRecordValues(
            second.with_context(active_test=False), [{"status": "cancel", "active": False}]
        )
        self.assertEqual(self.order.crm_review_history_ids, first | second)

    def test_review_mail_in_the_reviewers_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        # Load zh_CN.po on its own: Odoo's loader merges it with crm_core.pot and
        # drops the terms the .pot does not list yet (it is regenerated at merge).
        importer = TranslationImporter(self.env.cr, verbose=False)
        with open(file_path("crm_core/i18n/zh_CN.po"), "rb") as po_file:
            content = io.BytesIO(po_file.read())
        content.name = "zh_CN"  # not "*.po": no .pot lookup
        importer.load(content, "po", "zh_CN")
        importer.save(overwrite=True)
        self.env.invalidate_all()  # the terms were written in SQL
        self.manager.lang = "zh_CN"
        self._request()
        mail = self.env["mail.mail"].search(
            [("model", "=", "tier.review"), ("res_id", "=", self.order.review_ids.id)]
        )
        self.assertEqual(mail.recipient_ids, self.manager.partner_id)
        self.assertEqual(mail.subject, f"待您审批：{self.order.name}")  # noqa: RUF001
        self.assertIn("请您审批", mail.body_html)
        self.assertIn("/crm/approval/", mail.body_html)
        tokens = (
            self.env["crm.approval.token"]
            .sudo()
            .search([("review_id", "=", self.order.review_ids.id)])
        )
        self.assertEqual(sorted(tokens.mapped("action")), ["approve", "reject"])
        self.assertEqual(tokens.user_id, self.manager)

    def test_form_buttons_and_history(self):
        arch = self.env["sale.order"].get_view(view_type="form")["arch"]
        arch = arch.decode() if isinstance(arch, bytes) else arch
        self.assertIn('name="action_reject_with_reason"', arch)
        self.assertNotIn('name="reject_tier"', arch)
        self.assertIn('name="forward_tier"', arch)
        self.assertIn('name="action_withdraw_approval"', arch)
        self.assertIn('name="crm_review_history_ids"', arch)
