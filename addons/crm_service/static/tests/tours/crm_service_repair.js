import { registry } from "@web/core/registry";

// The agent returns the customer's printer to the factory from the request,
// the factory repairs it on its repair order, the agent delivers it back.
registry.category("web_tour.tours").add("crm_service_repair", {
    steps: () => [
        {
            content: "Return the unit to the factory",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_return_to_factory']",
            run: "click",
        },
        {
            content: "Confirm the receipt",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Open the factory repair",
            trigger: ".o_notebook .nav-link:contains('Factory Repair')",
            run: "click",
        },
        {
            content: "The unit is at the factory",
            trigger: ".o_form_view .o_field_widget[name='factory_state']:contains('At the Factory')",
        },
        {
            content: "The receipt is linked",
            trigger: ".o_form_view button[name='action_view_factory_pickings']:contains('1')",
        },
        {
            content: "Open the repair order",
            trigger: ".o_form_view button[name='action_view_factory_repairs']",
            run: "click",
        },
        {
            content: "Under warranty",
            trigger: ".o_form_view .o_field_widget[name='under_warranty'] input:checked",
        },
        {
            content: "Start the repair",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_repair_start']",
            run: "click",
        },
        {
            content: "End the repair",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_repair_end']:visible",
            run: "click",
        },
        {
            content: "The unit is repaired",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Repaired')",
        },
        {
            content: "Back to the request",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Printer jams')",
            run: "click",
        },
        {
            content: "Open the factory repair again",
            trigger: ".o_notebook .nav-link:contains('Factory Repair')",
            run: "click",
        },
        {
            content: "The request knows",
            trigger: ".o_form_view .o_field_widget[name='factory_state']:contains('Repaired')",
        },
        {
            content: "Deliver it back",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_deliver_from_factory']",
            run: "click",
        },
        {
            content: "The unit is back with the customer",
            trigger: ".o_form_view .o_field_widget[name='factory_state']:contains('Returned to Customer')",
        },
        {
            content: "Receipt and delivery on the request",
            trigger: ".o_form_view button[name='action_view_factory_pickings']:contains('2')",
        },
    ],
});
