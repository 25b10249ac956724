import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_quotation_versions", {
    steps: () => [
        {
            content: "The quotation has no version yet",
            trigger: ".o_form_view:not(:has(.o_crm_version_badge:visible))",
        },
        {
            content: "Keep the current content as a version",
            trigger: ".o_statusbar_buttons button[name='action_new_version']",
            run: "click",
        },
        {
            content: "The live quotation is now v2",
            trigger: ".o_crm_version_badge:contains('v2')",
        },
        {
            content: "Two versions in the family",
            trigger: "button[name='action_view_versions'] .o_stat_value:contains('2')",
        },
        {
            content: "Edit the quantity of the line",
            trigger: ".o_field_widget[name='order_line'] .o_data_row td[name='product_uom_qty']",
            run: "click",
        },
        {
            content: "Five units instead of one",
            trigger: ".o_field_widget[name='order_line'] .o_data_row [name='product_uom_qty'] input",
            run: "edit 5",
        },
        {
            content: "Save the quotation",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Look up the stock of the line's product",
            trigger: ".o_field_widget[name='order_line'] .o_data_row button[name='action_crm_stock_lookup']",
            run: "click",
        },
        {
            content: "The stock inquiry shows the main warehouse",
            trigger:
                ".modal .o_data_row:has(td[name='warehouse_id']) td[name='on_hand']:contains('3.00')",
        },
        {
            content: "Close the stock inquiry",
            trigger: ".modal-footer button:contains('Close')",
            run: "click",
        },
        {
            content: "Back on the quotation",
            trigger: "body:not(:has(.modal)) .o_form_view .o_crm_version_badge:contains('v2')",
        },
        {
            content: "Compare with the previous version",
            trigger: ".o_statusbar_buttons button[name='action_compare_versions']",
            run: "click",
        },
        {
            content: "The line shows as changed from 1 to 5",
            trigger:
                ".modal .o_data_row:has(td[name='change']:contains('Changed')):has(td[name='product_id']:contains('Versioned Widget')):has(td[name='old_qty']:contains('1.00')) td[name='new_qty']:contains('5.00')",
        },
        {
            content: "Close the comparison",
            trigger: ".modal-footer button:contains('Close')",
            run: "click",
        },
        {
            content: "List the versions",
            trigger: "button[name='action_view_versions']",
            run: "click",
        },
        {
            content: "Open the saved version v1",
            trigger: ".o_list_view .o_data_row td[name='name']:contains('-v1')",
            run: "click",
        },
        {
            content: "The saved version says it is read-only",
            trigger: ".o_form_view .alert-info:contains('saved version of the quotation')",
        },
        {
            content: "Its badge says v1, superseded",
            trigger: ".o_crm_version_badge:contains('v1'):contains('Superseded')",
        },
    ],
});
