import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("crm_core_stock_inquiry", {
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
            content: "Open Stock Inquiry",
            trigger: ".dropdown-item[data-menu-xmlid='crm_core.crm_stock_inquiry_menu']",
            run: "click",
        },
        {
            content: "Type the product",
            trigger: ".modal .o_field_widget[name='product_id'] input",
            run: "edit Inquiry Tour Pump",
        },
        {
            content: "Choose the product",
            trigger: ".modal .o_field_widget[name='product_id'] .o-autocomplete--dropdown-item a:contains('Inquiry Tour Pump')",
            run: "click",
        },
        {
            content: "The second warehouse has 4 on hand and a receipt coming",
            trigger:
                ".modal .o_data_row:has(td[name='warehouse_id']:contains('Tour East')):has(td[name='on_hand']:contains('4.00')):has(td[name='forecast']:contains('10.00')) td[name='next_incoming_date']:contains('2031')",
        },
        {
            content: "Free quantity on hand across warehouses",
            trigger: ".modal .o_field_widget[name='free_qty_total']:contains('11.00')",
        },
        {
            content: "Close the inquiry",
            trigger: ".modal-footer button:contains('Close')",
            run: "click",
        },
        {
            content: "The dialog is gone",
            trigger: "body:not(:has(.modal))",
        },
    ],
});
