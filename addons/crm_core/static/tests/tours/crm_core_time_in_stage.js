import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_time_in_stage", {
    steps: () => [
        {
            content: "The stage form lists its exit requirements",
            trigger: ".o_form_view .o_field_widget[name='requirement_ids'] .o_data_row:contains('Needs confirmed')",
        },
        {
            content: "Add a requirement",
            trigger: ".o_field_widget[name='requirement_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name='requirement_ids'] .o_data_row.o_selected_row [name='name'] input",
            run: "edit Signed NDA",
        },
        {
            content: "Open the kinds",
            trigger: ".o_field_widget[name='requirement_ids'] .o_data_row.o_selected_row [name='kind'] .o_select_menu_toggler",
            run: "click",
        },
        {
            content: "It needs a document",
            trigger: ".o_select_menu_item:contains('Document')",
            run: "click",
        },
        {
            content: "Save the stage",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Go to the apps",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open CRM",
            trigger: ".o_app[data-menu-xmlid='crm.crm_menu_root']",
            run: "click",
        },
        {
            content: "Open the Reporting menu",
            trigger: ".o_main_navbar button:contains('Reporting')",
            run: "click",
        },
        {
            content: "Open Time in Stage",
            trigger: ".dropdown-item[data-menu-xmlid='crm_core.crm_lead_stage_history_menu']",
            run: "click",
        },
        {
            content: "The average days per stage are shown",
            trigger: ".o_pivot tr:has(.o_pivot_header_cell_closed:contains('Tour Qualify')) .o_pivot_cell_value:contains('2.00')",
        },
    ],
});
