import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_approval_email_link", {
    steps: () => [
        {
            content: "The page names the quotation to approve",
            trigger: ".o_crm_approval_summary:contains('Discount over authority')",
        },
        {
            content: "Approve",
            trigger: "button.o_crm_approval_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The approval is confirmed",
            trigger: ".o_crm_approval_done:contains('You approved')",
        },
    ],
});

registry.category("web_tour.tours").add("crm_approval_quotation_refused", {
    steps: () => [
        {
            content: "Confirm the quotation with a 15% discount",
            trigger: ".o_form_view button[name='action_confirm']:not(.o_invisible_modifier)",
            run: "click",
        },
        {
            content: "Refused: the line is over the salesperson's authority",
            trigger: ".modal:contains('above the 10% authority')",
        },
        {
            content: "Close the error",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Request validation",
            trigger: ".o_form_view button[name='request_validation']",
            run: "click",
        },
        {
            content: "The quotation waits for validation",
            trigger: ".o_form_view .alert-warning:contains('Pending validation')",
        },
    ],
});

registry.category("web_tour.tours").add("crm_approval_quotation_validate", {
    steps: () => [
        {
            content: "Validate as sales manager",
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            content: "Validated",
            trigger: ".o_form_view .alert-success:contains('validated')",
        },
    ],
});

registry.category("web_tour.tours").add("crm_approval_quotation_reject", {
    steps: () => [
        {
            content: "Reject as sales manager",
            trigger: ".o_form_view button[name='action_reject_with_reason']",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Margin too low",
        },
        {
            content: "Confirm the rejection",
            trigger: ".modal button[name='action_reject']",
            run: "click",
        },
        {
            content: "Rejected",
            trigger: ".o_form_view .alert-danger:contains('rejected')",
        },
        {
            content: "The reason is in the review history",
            trigger: ".o_crm_review_history .o_data_row:contains('Margin too low')",
        },
    ],
});

registry.category("web_tour.tours").add("crm_approval_my_approvals", {
    steps: () => [
        {
            content: "The quotation waits for me",
            trigger: ".o_list_view .o_data_row:contains('Discount over authority')",
        },
        {
            content: "Open it",
            trigger: ".o_data_row button[name='action_open_document']",
            run: "click",
        },
        {
            content: "The quotation opens, waiting for my validation",
            trigger: ".o_form_view button[name='validate_tier']",
        },
    ],
});

registry.category("web_tour.tours").add("crm_approval_delegation", {
    steps: () => [
        {
            content: "New delegation",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Delegate",
            trigger: ".o_field_widget[name='to_user_id'] input",
            run: "edit Leader 1",
        },
        {
            content: "Pick the delegate",
            trigger: ".o-autocomplete--dropdown-item:contains('Leader 1')",
            run: "click",
        },
        {
            content: "Until",
            trigger: ".o_field_widget[name='date_to'] input",
            run: "edit 12/31/2099",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The delegation runs",
            trigger: ".o_form_view .o_statusbar_status button[aria-checked='true']:contains('In Progress')",
        },
        {
            content: "End it now",
            trigger: ".o_form_view button[name='action_end']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Ended",
            trigger: ".o_form_view .o_statusbar_status button[aria-checked='true']:contains('Ended')",
        },
    ],
});
