import { registry } from "@web/core/registry";

// A campaign member answers the campaign's quiz from the portal and sees the score.
registry.category("web_tour.tours").add("crm_core_campaign_quiz_portal", {
    steps: () => [
        {
            content: "Start the quiz",
            trigger: "button[type='submit'][value='start']",
            run: "click",
        },
        {
            content: "Right answer to the first question",
            trigger:
                "div.js_question-wrapper:contains('Which hall is the fair in') label:contains('Hall 3')",
            run: "click",
        },
        {
            content: "Wrong answer to the second question",
            trigger:
                "div.js_question-wrapper:contains('Which day does it open') label:contains('Sunday')",
            run: "click",
        },
        {
            content: "Submit",
            trigger: "button[type='submit'][value='finish']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal button.btn-primary:contains('Submit')",
            run: "click",
        },
        {
            content: "The score: one of two",
            trigger: "h1:contains('You scored 50.0%')",
        },
    ],
});

// Marketing staff read the quiz leaderboard: best score first, with its rank.
registry.category("web_tour.tours").add("crm_core_campaign_leaderboard", {
    steps: () => [
        {
            content: "The rival leads with both answers right",
            trigger:
                ".o_crm_campaign_leaderboard .o_data_row:eq(0):has(td[name='rank']:contains('1')):has(td[name='partner_id']:contains('Tour Quiz Rival')):has(td[name='scoring_percentage']:contains('100.00'))",
        },
        {
            content: "The customer is second with one",
            trigger:
                ".o_crm_campaign_leaderboard .o_data_row:eq(1):has(td[name='rank']:contains('2')):has(td[name='partner_id']:contains('Tour Quiz Customer')):has(td[name='scoring_percentage']:contains('50.00'))",
        },
        {
            content: "Top 3 filter keeps both",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            content: "Top 3",
            trigger: ".o_filter_menu .o-dropdown-item:contains('Top 3')",
            run: "click",
        },
        {
            content: "Still two rows",
            trigger: ".o_crm_campaign_leaderboard:not(:has(.o_data_row:eq(2))) .o_data_row:eq(1)",
        },
    ],
});
