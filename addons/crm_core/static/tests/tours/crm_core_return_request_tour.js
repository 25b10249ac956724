import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_return_request", {
    steps: () => [
        {
            content: "The delivered order is open: ask for a return",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_new_crm_return_request']",
            run: "click",
        },
        {
            content: "A draft request of the order",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Draft')",
        },
        {
            content: "The delivered widgets are proposed",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row td[name='product_id']:contains('Tour Widget')",
        },
        {
            content: "Edit the requested quantity",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:first td[name='requested_qty']",
            run: "click",
        },
        {
            content: "Ask for three widgets",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:first td[name='requested_qty'] input",
            run: "edit 3",
        },
        {
            content: "Give a reason",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:first td[name='reason'] input",
            run: "edit Broken on arrival",
        },
        {
            content: "Save the request",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit it for approval",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_submit']",
            run: "click",
        },
        {
            content: "The request waits for approval",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('To Approve')",
        },
        {
            content: "Edit the approved quantity",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:first td[name='approved_qty']",
            run: "click",
        },
        {
            content: "Approve two of the three widgets",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:first td[name='approved_qty'] input",
            run: "edit 2",
        },
        {
            content: "Open the opinion tab",
            trigger: ".o_notebook .nav-link[name='reason']",
            run: "click",
        },
        {
            content: "Write the opinion",
            trigger: ".o_field_widget[name='approver_opinion'] textarea",
            run: "edit Two are broken, one is fine",
        },
        {
            content: "Validate",
            trigger: ".o_form_view .o_statusbar_buttons button[name='validate_tier']",
            run: "click",
        },
        {
            content: "The request is approved",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Approved')",
        },
        {
            content: "Execute it",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_execute']",
            run: "click",
        },
        {
            content: "Confirm the execution",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The request is done",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Done')",
        },
        {
            content: "The return receipt is linked",
            trigger: "button[name='action_view_return_pickings']",
        },
        {
            content: "Open the credit note",
            trigger: "button[name='action_view_credit_notes']",
            run: "click",
        },
        {
            content: "The draft credit note is shown",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Draft')",
        },
        {
            content: "It refunds two widgets",
            trigger: ".o_field_widget[name='invoice_line_ids'] .o_data_row td[name='quantity']:contains('2.00')",
        },
    ],
});
