import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_lost_to_competitor", {
    steps: () => [
        {
            content: "The opportunity lists its competitors",
            trigger: ".o_form_view .o_notebook a[name='competitors']",
            run: "click",
        },
        {
            content: "Acme is among them, still open",
            trigger: ".o_field_widget[name='competition_ids'] .o_data_row:contains('Tour Acme'):contains('Open')",
        },
        {
            content: "Mark the opportunity lost",
            trigger: ".o_form_view .o_statusbar_buttons button:contains('Lost')",
            run: "click",
        },
        {
            content: "Choose the reason: lost to a competitor",
            trigger: ".modal .o_selection_badge:contains('Tour Lost to Competition')",
            run: "click",
        },
        {
            content: "The dialog asks who won",
            trigger: ".modal .o_field_widget[name='lost_competitor_id'] input",
            run: "edit Tour Acme",
        },
        {
            content: "Pick the competitor",
            trigger: ".o-autocomplete--dropdown-menu a:contains('Tour Acme')",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_lost_reason_apply']",
            run: "click",
        },
        {
            content: "The opportunity is lost",
            trigger: ".o_form_view:not(:has(.modal)) .ribbon:contains('Lost')",
        },
        {
            content: "and shows who it was lost to",
            trigger: ".o_form_view .o_field_widget[name='lost_competitor_id'] input:value('Tour Acme')",
        },
        {
            content: "Acme won the competition",
            trigger: ".o_field_widget[name='competition_ids'] .o_data_row:contains('Tour Acme'):contains('Lost')",
        },
    ],
});
