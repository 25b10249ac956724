import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

function pickUser(field, name) {
    return [
        {
            content: `Type ${name} in ${field}`,
            trigger: `.o_field_widget[name='${field}'] input`,
            run: `edit ${name}`,
        },
        {
            content: `Choose ${name}`,
            trigger: `.o_field_widget[name='${field}'] .o-autocomplete--dropdown-item a:contains('${name}')`,
            run: "click",
        },
    ];
}

function countIs(kind, count) {
    return {
        content: `${kind}: ${count}`,
        trigger: `.o_field_widget[name='line_ids'] .o_data_row:has(td[name='name']:contains('${kind}')) td[name='count']:contains('${count}')`,
    };
}

registry.category("web_tour.tours").add("crm_core_handover", {
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
            content: "Open Work Handover",
            trigger: ".dropdown-item[data-menu-xmlid='crm_core.crm_handover_menu']",
            run: "click",
        },
        {
            content: "The work handovers are listed",
            trigger: ".o_breadcrumb:contains('Work Handover')",
        },
        {
            content: "Start a new handover",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "A draft handover between users",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Draft')",
        },
        ...pickUser("from_user_id", "Tour Giver"),
        ...pickUser("to_user_id", "Tour Taker"),
        countIs("Customers", "2"),
        countIs("Opportunities", "3"),
        {
            content: "Five records to move",
            trigger: ".o_field_widget[name='total_count']:contains('5')",
        },
        {
            content: "Confirm the handover",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_confirm']",
            run: "click",
        },
        {
            content: "Agree to move the records",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The handover is done",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Done')",
        },
        countIs("Customers", "2"),
        countIs("Opportunities", "3"),
        {
            content: "The summary is in the chatter",
            trigger: ".o-mail-Message:contains('Work handed over from Tour Giver to Tour Taker')",
        },
        {
            content: "Back to the list",
            trigger: ".o_breadcrumb a:contains('Work Handover')",
            run: "click",
        },
        {
            content: "The log is listed as done",
            trigger: ".o_list_view .o_data_row:contains('Tour Giver'):contains('Done')",
        },
    ],
});
