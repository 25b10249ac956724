import { registry } from "@web/core/registry";

// The customer registers a request on the portal and sees it registered.
registry.category("web_tour.tours").add("crm_service_portal_new", {
    steps: () => [
        {
            content: "Subject",
            trigger: "form input[name='subject']",
            run: "edit Label printer jams",
        },
        {
            content: "Description",
            trigger: "form textarea[name='description']",
            run: "edit It jams on every second label.",
        },
        {
            content: "Submit",
            trigger: "form button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is registered",
            trigger: "#service_progress .o_crm_service_step:contains('Request registered')",
        },
        {
            content: "Its stage is shown",
            trigger: "#service_progress .o_crm_service_step:contains('Current stage: New')",
        },
    ],
});

// Once the technician is done, the customer follows the progress and closes it.
registry.category("web_tour.tours").add("crm_service_portal_close", {
    steps: () => [
        {
            content: "The request is listed",
            trigger: "a:contains('Label printer jams')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The transfer is told in plain words",
            trigger:
                "#service_progress .o_crm_service_step:contains('Passed from no team (nobody) to Field Service (Agent A)')",
        },
        {
            content: "The work order is shown, done, on 03/03/2026",
            trigger:
                ".o_crm_service_orders tr:contains('WO/2026/'):contains('03/03/2026'):contains('Tech 1'):contains('Done')",
        },
        {
            content: "Close the request",
            trigger: "div[name='ticket_close_buttons'] button:contains('Done')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The stage is Done",
            trigger: "#service_progress .o_crm_service_step:contains('Current stage: Done')",
        },
    ],
});
