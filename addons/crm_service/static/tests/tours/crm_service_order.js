import { registry } from "@web/core/registry";

function isState(label) {
    return {
        content: `The work order is ${label}`,
        trigger: `.o_form_view .o_statusbar_status .o_arrow_button_current:contains('${label}')`,
    };
}

// The first technician refuses: a reason is required, then the order is back
// in the dispatch queue.
registry.category("web_tour.tours").add("crm_service_order_refuse", {
    steps: () => [
        isState("Dispatched"),
        {
            content: "Refuse",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_open_refuse_wizard']",
            run: "click",
        },
        {
            content: "Confirm without a reason",
            trigger: ".modal-footer button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The reason is required",
            trigger: ".modal .o_field_widget[name='reason'].o_field_invalid",
        },
        {
            content: "Give the reason",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit On leave on 03/03/2026",
        },
        {
            content: "Refuse",
            trigger: ".modal-footer button[name='action_confirm']",
            run: "click",
        },
        isState("To Dispatch"),
        {
            content: "The refusal and its reason are listed",
            trigger:
                ".o_field_widget[name='technician_line_ids'] .o_data_row:contains('Tech 1'):contains('Refused'):contains('On leave on 03/03/2026')",
        },
    ],
});

// The second technician accepts; the order can be started.
registry.category("web_tour.tours").add("crm_service_order_accept", {
    steps: () => [
        isState("Dispatched"),
        {
            content: "Accept",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_accept']",
            run: "click",
        },
        isState("Accepted"),
        {
            content: "Start",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_start']",
            run: "click",
        },
        isState("In Progress"),
    ],
});

// The team leader sees the breached request: ribbon, deadlines, activity.
registry.category("web_tour.tours").add("crm_service_sla_breach", {
    steps: () => [
        {
            content: "The request is flagged",
            trigger: ".o_form_view .ribbon:contains('SLA Breached')",
        },
        {
            content: "The escalation activity is the leader's",
            trigger: ".o-mail-Activity:contains('SLA breached')",
        },
        {
            content: "Open the SLA tab",
            trigger: ".o_notebook .nav-link:contains('SLA')",
            run: "click",
        },
        // Odoo 19 leaves out the year of a date in the browser's current year
        {
            content: "The reply deadline was 2 March 2026, 13:00",
            trigger: ".o_field_widget[name='reply_deadline']:contains('Mar 2'):contains('1:00 PM')",
        },
        {
            content: "The resolution deadline is 3 March 2026, 16:00",
            trigger: ".o_field_widget[name='resolve_deadline']:contains('Mar 3'):contains('4:00 PM')",
        },
        {
            content: "Breached at 2 March 2026, 14:00",
            trigger: ".o_field_widget[name='sla_breach_date']:contains('Mar 2'):contains('2:00 PM')",
        },
        {
            content: "The status says so",
            trigger: ".o_field_widget[name='sla_status']:contains('Breached')",
        },
    ],
});
