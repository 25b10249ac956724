import { registry } from "@web/core/registry";

// The owner finds the birthday reminder of their customer as an activity.
registry.category("web_tour.tours").add("crm_core_reminder_birthday", {
    steps: () => [
        {
            content: "The customer's chatter holds the reminder activity",
            trigger: ".o-mail-Activity:contains('Birthday: Tour Birthday Person')",
        },
        {
            content: "The note names the day: 11 June 2026",
            trigger: ".o-mail-Activity-note:contains('Tour Birthday Person has a birthday on 2026-06-11.')",
        },
    ],
});

// A salesperson defines a free reminder for 20 June 2030, 09:00.
registry.category("web_tour.tours").add("crm_core_reminder_free", {
    steps: () => [
        {
            content: "Create a reminder",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Its message",
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Call Mr. Wang about the offer",
        },
        {
            content: "Its date and time",
            trigger: ".o_field_widget[name='remind_at'] input",
            run: "edit 06/20/2030 09:00:00",
        },
        {
            content: "Leave the date field",
            trigger: ".o_field_widget[name='name'] input",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, pending",
            trigger: ".o_form_saved .o_statusbar_status button[aria-checked='true']:contains('Pending')",
        },
        {
            content: "Its date stays 20 June 2030, 09:00",
            trigger: ".o_field_widget[name='remind_at'] [data-tooltip*='06/20/2030 09:00']",
        },
    ],
});
