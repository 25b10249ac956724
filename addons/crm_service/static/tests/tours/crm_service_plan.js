import { registry } from "@web/core/registry";

// The list leaves out the year in the browser's own year ("Mar 5"); the test
// asserts the date. The agent opens the birthday plan the cron assigned them and makes its work order.
registry.category("web_tour.tours").add("crm_service_plan", {
    steps: () => [
        {
            content: "The plan due on 5 March: open it",
            trigger: ".o_list_view .o_data_row:contains('Bob Bolt'):contains('Birthday Care') td[name='due_date']:contains('Mar 5')",
            run: "click",
        },
        {
            content: "Make its work order",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_create_order']",
            run: "click",
        },
        {
            content: "The work order, ready to dispatch",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_dispatch']",
        },
    ],
});
