import { registry } from "@web/core/registry";

// The salesperson drafts the report of the week of 8 June 2026, edits and sends it.
registry.category("web_tour.tours").add("crm_core_work_report_send", {
    steps: () => [
        {
            content: "Create a report",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Pick the start",
            trigger: ".o_field_widget[name='date_from'] button",
            run: "click",
        },
        {
            content: "A day of the week",
            trigger: ".o_field_widget[name='date_from'] input",
            run: "edit 06/10/2026",
        },
        {
            content: "Leave the date field",
            trigger: ".o_notebook .nav-link:contains('Figures')",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The week runs from Monday 8 June",
            trigger: ".o_form_saved .o_field_widget[name='date_from'] [data-tooltip*='06/08/2026']",
        },
        {
            content: "to Sunday 14 June",
            trigger: ".o_field_widget[name='date_to'] [data-tooltip*='06/14/2026']",
        },
        {
            content: "Generate the figures",
            trigger: "button[name='action_generate']",
            run: "click",
        },
        {
            content: "One opportunity created that week",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:has(td:contains('Opportunities Created')) td[name='display_value']:contains('1')",
        },
        {
            content: "Open the summary",
            trigger: ".o_notebook .nav-link:contains('Summary')",
            run: "click",
        },
        {
            content: "Write it",
            trigger: ".o_field_html[name='summary'] .odoo-editor-editable",
            run: "editor Met the Tour Customer twice",
        },
        {
            content: "Save the summary",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Send",
            trigger: ".o_form_saved button[name='action_send']",
            run: "click",
        },
        {
            content: "Sent",
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Sent')",
        },
    ],
});

// The team leader comments on the sent report.
registry.category("web_tour.tours").add("crm_core_work_report_comment", {
    steps: () => [
        {
            content: "The report of the week of 8 June",
            trigger: ".o_field_widget[name='date_from'] [data-tooltip*='06/08/2026']",
        },
        {
            content: "The salesperson's summary",
            trigger: ".o_notebook .nav-link:contains('Summary')",
            run: "click",
        },
        {
            content: "reads as they wrote it",
            trigger: ".o_field_html[name='summary']:contains('Met the Tour Customer twice')",
        },
        {
            content: "Comment",
            trigger: "button:contains(Send message)",
            run: "click",
        },
        {
            content: "Write the comment",
            trigger: ".o-mail-Composer-input",
            run: "edit Good week, call them again on Monday",
        },
        {
            content: "Send it",
            trigger: ".o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The comment is in the chatter",
            trigger: ".o-mail-Message-body:contains('Good week, call them again on Monday')",
        },
    ],
});
