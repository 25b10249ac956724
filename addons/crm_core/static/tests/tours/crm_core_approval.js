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
