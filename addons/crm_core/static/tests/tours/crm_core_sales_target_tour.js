import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_sales_target", {
    steps: () => [
        {
            content: "Add a target",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "For March 2026",
            trigger: ".o_data_row [name='month'] input",
            run: "edit 03/15/2026",
        },
        {
            content: "For the team's salesperson",
            trigger: ".o_data_row [name='user_id'] input",
            run: "edit Tour Target Seller",
        },
        {
            content: "Pick them",
            trigger: ".o-autocomplete--dropdown-menu a:contains('Tour Target Seller')",
            run: "click",
        },
        {
            content: "The amount",
            trigger: ".o_data_row [name='target_amount'] input",
            run: "edit 12000",
        },
        {
            content: "Save",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "Saved: the team is filled in",
            trigger: ".o_data_row:not(.o_selected_row):contains('Tour Target Team')",
        },
        {
            content: "Open the Reporting menu",
            trigger: ".o_main_navbar button:contains('Reporting')",
            run: "click",
        },
        {
            content: "Open Sales Performance",
            trigger: ".dropdown-item[data-menu-xmlid='crm_core.crm_sales_performance_menu']",
            run: "click",
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The salesperson's month shows the target",
            trigger: ".o_list_view .o_data_row:contains('Tour Target Seller'):contains('12,000.00')",
        },
    ],
});
