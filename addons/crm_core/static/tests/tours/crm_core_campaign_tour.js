import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

function taskRow(name, start, end) {
    return {
        content: `Task ${name} planned ${start} to ${end}`,
        trigger: `.o_field_widget[name='task_ids'] .o_data_row:has(td[name='name']:contains('${name}')):has(td[name='planned_date_start']:contains('${start}')):has(td[name='planned_date_end']:contains('${end}'))`,
    };
}

// Marketing staff create a campaign of a type, then invite customers by a filter.
registry.category("web_tour.tours").add("crm_core_campaign", {
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the CRM app",
            trigger: ".o_app[data-menu-xmlid='crm.crm_menu_root']",
            run: "click",
        },
        {
            content: "Open the Marketing menu",
            trigger: ".o_menu_sections button[data-menu-xmlid='crm_core.crm_campaign_menu_root']",
            run: "click",
        },
        {
            content: "Open Campaigns",
            trigger: ".dropdown-item[data-menu-xmlid='crm_core.crm_campaign_menu']",
            run: "click",
        },
        {
            content: "New campaign",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name='title'] input",
            run: "edit Tour Expo 2031",
        },
        {
            content: "Type the campaign type",
            trigger: ".o_field_widget[name='campaign_type_id'] input",
            run: "edit Tour Expo Type",
        },
        {
            content: "Choose it",
            trigger: ".o_field_widget[name='campaign_type_id'] .o-autocomplete--dropdown-item a:contains('Tour Expo Type')",
            run: "click",
        },
        {
            content: "Starts on 10 March 2031",
            trigger: ".o_field_widget[name='date_start'] input",
            run: "edit 03/10/2031",
        },
        {
            content: "Ends on 20 March 2031",
            trigger: ".o_field_widget[name='date_end'] input",
            run: "edit 03/20/2031",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Open the tasks",
            trigger: ".o_notebook .nav-link:contains('Tasks')",
            run: "click",
        },
        taskRow("Tour Booth", "Mar 10", "Mar 12"),
        taskRow("Tour Show", "Mar 13", "Mar 14"),
        {
            content: "Invite",
            trigger: ".o_form_statusbar button[name='action_open_invite']",
            run: "click",
        },
        {
            content: "Filter the customers tagged Tour VIP",
            trigger: ".modal .o_domain_selector_debug_container textarea",
            run: `edit [("category_id.name", "=", "Tour VIP")] && press Tab`,
        },
        {
            content: "Three customers and contacts match",
            trigger: ".modal .o_field_widget[name='partner_count']:contains('3')",
        },
        {
            content: "Invite them",
            trigger: ".modal button[name='action_invite']",
            run: "click",
        },
        {
            content: "Two are invited",
            trigger: ".modal .o_crm_campaign_invited:contains('2')",
        },
        {
            content: "The one without an e-mail address is listed with the reason",
            trigger: ".modal .o_field_widget[name='skip_ids'] .o_data_row:contains('Tour VIP No Mail'):contains('No e-mail address')",
        },
        {
            content: "Close",
            trigger: ".modal .modal-footer button:contains('Close')",
            run: "click",
        },
        {
            content: "Back on the campaign",
            trigger: ".o_form_view .o_field_widget[name='title'] input:value('Tour Expo 2031')",
        },
    ],
});

// The campaign analysis: each campaign's ROI, and a group's ROI from its totals.
registry.category("web_tour.tours").add("crm_core_campaign_roi", {
    steps: () => [
        {
            content: "The fair paid back three times its cost",
            trigger: ".o_crm_campaign_analysis .o_data_row:has(td[name='campaign_id']:contains('Tour ROI Fair')) td[name='roi']:contains('300.00')",
        },
        {
            content: "The mailing lost its cost",
            trigger: ".o_crm_campaign_analysis .o_data_row:has(td[name='campaign_id']:contains('Tour ROI Mailing')) td[name='roi']:contains('-100.00')",
        },
        {
            content: "Cost per lead of the mailing",
            trigger: ".o_crm_campaign_analysis .o_data_row:has(td[name='campaign_id']:contains('Tour ROI Mailing')) td[name='cost_per_lead']:contains('500.00')",
        },
        {
            content: "Group by campaign type",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Campaign Type",
            trigger: ".o_group_by_menu .o-dropdown-item:contains('Campaign Type')",
            run: "click",
        },
        {
            content: "The type's ROI is (8000 - 2500) / 2500, not the average of its rows",
            trigger: ".o_group_header:contains('Tour ROI Type') td:contains('220.00')",
        },
        {
            content: "And its cost per lead 2500 / 3",
            trigger: ".o_group_header:contains('Tour ROI Type') td:contains('833.33')",
        },
    ],
});
