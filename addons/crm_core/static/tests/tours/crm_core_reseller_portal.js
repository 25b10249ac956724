import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_reseller_portal", {
    steps: () => [
        {
            content: "The portal home has the card of the reseller's opportunities",
            trigger: "a[href='/my/opportunities']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the assigned opportunity",
            trigger: "a:contains('Pudong Line Upgrade')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The customer is shown",
            trigger: ".o_crm_reseller_customer:contains('Pudong Trading'):contains('Wang Fang')",
        },
        {
            content: "Accept it",
            trigger: "button.o_crm_reseller_accept",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "It is accepted",
            trigger: ".o_crm_reseller_state:contains('Accepted')",
        },
        {
            content: "Move it to the demo stage",
            trigger: "select[name='stage_id']",
            run: "selectByLabel Partner Demo",
        },
        {
            content: "Raise the expected revenue",
            trigger: "input[name='expected_revenue']",
            run: "edit 2500",
        },
        {
            content: "Add a note",
            trigger: "textarea[name='note']",
            run: "edit Demo booked",
        },
        {
            content: "Save",
            trigger: "button.o_crm_reseller_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The new stage is shown",
            trigger: ".o_crm_reseller_stage:contains('Partner Demo')",
        },
        {
            content: "The note is in the list",
            trigger: ".o_crm_reseller_notes:contains('Demo booked')",
        },
        {
            content: "The date of the activity",
            trigger: "input[name='date']",
            run: "edit 2026-06-09",
        },
        {
            content: "What was done",
            trigger: "input[name='activity_note']",
            run: "edit Visited the plant",
        },
        {
            content: "Log it",
            trigger: "button.o_crm_reseller_log",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The activity is logged with its date",
            trigger: ".o_crm_reseller_notes:contains('Activity of 2026-06-09: Visited the plant')",
        },
    ],
});
