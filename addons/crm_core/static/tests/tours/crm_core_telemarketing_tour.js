import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

function openMenu(topMenu, xmlid) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the CRM app",
            trigger: ".o_app[data-menu-xmlid='crm.crm_menu_root']",
            run: "click",
        },
        {
            content: `Open the ${topMenu} menu`,
            trigger: `.o_main_navbar button:contains('${topMenu}')`,
            run: "click",
        },
        {
            content: `Open ${xmlid}`,
            trigger: `.dropdown-item[data-menu-xmlid='${xmlid}']`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("crm_core_telemarketing_call", {
    url: "/odoo",
    steps: () => [
        ...openMenu("Telemarketing", "crm_core.crm_call_list_entry_next_menu"),
        {
            content: "The first number of the list is Tourco Alpha's",
            trigger: ".o_form_view .o_field_widget[name='partner_id']:contains('Tourco Alpha')",
        },
        {
            content: "Its phone is a tel: link",
            trigger: ".o_field_widget[name='phone'] a[href='tel:+862155500001']:contains('+86 21 5550 0001')",
        },
        {
            content: "The list's script is shown beside it",
            trigger: ".o_field_widget[name='script']:contains('Hello, this is the spring call of Tourco.')",
        },
        {
            content: "Log the call",
            trigger: ".o_form_view button[name='action_log_call']",
            run: "click",
        },
        {
            content: "Nobody answered",
            trigger: ".modal .o_field_widget[name='outcome'] input[data-value='no_answer']",
            run: "click",
        },
        {
            content: "It rang for two and a half minutes",
            trigger: ".modal .o_field_widget[name='duration'] input",
            run: "edit 02:30",
        },
        {
            content: "Call back",
            trigger: ".modal .o_field_widget[name='callback'] input",
            run: "click",
        },
        {
            content: "On 19 June 2025 at 15:30",
            trigger: ".modal .o_field_widget[name='callback_date'] input",
            run: "edit 06/19/2025 15:30:00",
        },
        {
            content: "Leave the date",
            trigger: ".modal .o_field_widget[name='note'] textarea",
            run: "click",
        },
        {
            content: "Log it",
            trigger: ".modal-footer button[name='action_log']",
            run: "click",
        },
        {
            content: "On to the next number: Tourco Beta's",
            trigger: ".o_form_view .o_field_widget[name='partner_id']:contains('Tourco Beta')",
        },
        ...openMenu("Telemarketing", "crm_core.crm_call_list_entry_menu"),
        {
            content: "Tourco Alpha waits for its callback",
            trigger: ".o_data_row:has(td[name='partner_id']:contains('Tourco Alpha')) td[name='state']:contains('Callback')",
        },
        {
            content: "Open it",
            trigger: ".o_data_row td[name='partner_id']:contains('Tourco Alpha')",
            run: "click",
        },
        {
            content: "The callback is on 19 June 2025 at 15:30",
            trigger: ".o_field_widget[name='callback_date']:contains('Jun 19, 2025, 3:30 PM')",
        },
        {
            content: "The call is logged",
            trigger: ".o_field_widget[name='phonecall_ids'] .o_data_row:has(td[name='call_outcome']:contains('No Answer')) td[name='date']:contains('Jun 17, 2025')",
        },
    ],
});

registry.category("web_tour.tours").add("crm_core_telemarketing_stats", {
    url: "/odoo",
    steps: () => [
        ...openMenu("Reporting", "crm_core.crm_call_stat_menu"),
        {
            content: "The pivot has a row per salesperson",
            trigger: ".o_pivot th.o_pivot_header_cell_closed:contains('Tour Caller')",
        },
        {
            content: "Tour Caller reached two calls out of three: 66.67%",
            trigger: ".o_pivot td:contains('66.67')",
        },
        {
            content: "Switch to the graph",
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            content: "The graph is drawn",
            trigger: ".o_graph_renderer canvas",
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The day of the calls: 17 June 2025",
            trigger: ".o_data_row:has(td[name='user_id']:contains('Tour Caller')) td[name='date']:contains('Jun 17, 2025')",
        },
        {
            content: "Its average duration: 04:00",
            trigger: ".o_data_row:has(td[name='user_id']:contains('Tour Caller')) td[name='avg_duration']:contains('04:00')",
        },
    ],
});
