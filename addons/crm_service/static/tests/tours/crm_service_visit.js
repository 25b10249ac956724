import { registry } from "@web/core/registry";

// The agent calls the customer back: the visit planned three days after the
// closing, a score of 2 recorded, the complaint opened for the first contact.
registry.category("web_tour.tours").add("crm_service_visit_complaint", {
    steps: () => [
        {
            // the list leaves out the year in the browser's own year ("Mar 5"), shows
            // "Mar 5, 2026" in any other: both contain it; test_service_visit asserts the date
            content: "The visit is planned on 5 March: open it",
            trigger:
                ".o_list_view .o_data_row:contains('Tour fault') td[name='planned_date']:contains('Mar 5')",
            run: "click",
        },
        {
            content: "The visit is planned",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Planned')",
        },
        {
            content: "Type the customer's score",
            trigger: ".o_form_view .o_field_widget[name='score'] input",
            run: "edit 2",
        },
        {
            content: "Record it",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_record_score']",
            run: "click",
        },
        {
            content: "The visit is done",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Done')",
        },
        {
            content: "Open the complaint",
            trigger: ".o_form_view button[name='action_view_complaint']",
            run: "click",
        },
        {
            content: "The complaint request is the first contact's",
            trigger: ".o_form_view .o_field_widget[name='request_type_id'] input:value(Complaint)",
        },
        {
            content: "It is linked to the original request",
            trigger: ".o_form_view .o_field_widget[name='origin_ticket_id']:contains('Tour fault')",
        },
    ],
});
