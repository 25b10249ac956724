import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_pool", {
    steps: () => [
        {
            content: "Claim the customer waiting in the public pool",
            trigger: ".o_data_row:contains('Tourpool Alpha') button[name='action_pool_claim']",
            run: "click",
        },
        {
            content: "The claimed customer leaves the pool list",
            trigger: ".o_action_manager:not(:has(.o_data_row:contains('Tourpool Alpha')))",
        },
        {
            content: "Open the Sales menu",
            trigger: ".o_main_navbar button:contains('Sales')",
            run: "click",
        },
        {
            content: "Open Customers",
            trigger: ".dropdown-item[data-menu-xmlid='crm.res_partner_menu_customer']",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb:contains('Customers')",
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The claimed customer is now among mine",
            trigger: ".o_list_view .o_data_row:contains('Tourpool Alpha')",
        },
        {
            content: "The coming recall shows on the warned customer",
            trigger: ".o_data_row:contains('Tourpool Warned') [name='pool_recall_date']:contains('Jun 15, 2099')",
        },
        {
            content: "Open the warned customer",
            trigger: ".o_data_row:contains('Tourpool Warned') [name='complete_name']",
            run: "click",
        },
        {
            content: "The form warns about the recall",
            trigger: ".o_form_view .o_pool_recall_warning:contains('goes back to a pool on'):contains('Jun 15, 2099')",
        },
        {
            content: "Back to the customers",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Customers')",
            run: "click",
        },
        {
            content: "Open the claimed customer",
            trigger: ".o_data_row:contains('Tourpool Alpha') [name='complete_name']",
            run: "click",
        },
        {
            content: "Release it",
            trigger: ".o_form_view button[name='action_pool_release_wizard']",
            run: "click",
        },
        {
            content: "The team pool is proposed",
            trigger: ".modal [name='pool_id'] input:value('Tour Pool Team Pool')",
        },
        {
            content: "Say why",
            trigger: ".modal [name='reason'] textarea",
            run: "edit Not my region",
        },
        {
            content: "Confirm the release",
            trigger: ".modal button[name='action_release']",
            run: "click",
        },
        {
            content: "The customer is back in a pool and can be claimed again",
            trigger: ".o_form_view:not(:has(.modal)) button[name='action_pool_claim']",
        },
    ],
});
