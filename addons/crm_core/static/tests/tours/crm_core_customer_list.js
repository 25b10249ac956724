import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

const EXPECTED = ["Tourco Mine One", "Tourco Mine Two", "Tourco Pool"];

registry.category("web_tour.tours").add("crm_core_customer_list", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the CRM app",
            trigger: ".o_app[data-menu-xmlid='crm.crm_menu_root']",
            run: "click",
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
            content: "The customers are open",
            trigger: ".o_breadcrumb:contains('Customers')",
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Search the tour's customers",
            trigger: ".o_searchview_input",
            run: "edit Tourco",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Exactly the salesperson's own customers and the pool customer are listed",
            trigger: ".o_list_view .o_data_row:contains('Tourco Pool')",
            run() {
                const names = [...document.querySelectorAll(".o_list_view .o_data_row")]
                    .map((row) => row.querySelector("[name='complete_name']").innerText.trim())
                    .sort();
                if (JSON.stringify(names) !== JSON.stringify(EXPECTED)) {
                    throw new Error(`Expected ${EXPECTED.join(", ")}; the list shows ${names.join(", ")}`);
                }
            },
        },
    ],
});
