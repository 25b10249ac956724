import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_funnel", {
    steps: () => [
        {
            content: "The funnel shows the stage with its count",
            trigger: ".o_crm_funnel_stage[data-stage='Tour Funnel Qualify'] .o_crm_funnel_count:contains('2')",
        },
        {
            content: "The weighted amount of the stage is shown",
            trigger: ".o_crm_funnel_stage[data-stage='Tour Funnel Qualify'] .o_crm_funnel_weighted:contains('700')",
        },
        {
            content: "The forecast lists months",
            trigger: ".o_crm_forecast_table .o_crm_forecast_month",
        },
        {
            content: "Restrict to my pipeline",
            trigger: ".o_crm_funnel_scope button[data-scope='mine']",
            run: "click",
        },
        {
            content: "Only my opportunity of the stage remains",
            trigger: ".o_crm_funnel_stage[data-stage='Tour Funnel Qualify'] .o_crm_funnel_count:contains('1')",
        },
        {
            content: "Back to everyone's",
            trigger: ".o_crm_funnel_scope button[data-scope='all']",
            run: "click",
        },
        {
            content: "Open the stage's opportunities",
            trigger: ".o_crm_funnel_stage[data-stage='Tour Funnel Qualify'] .o_crm_funnel_count:contains('2')",
            run: "click",
        },
        {
            content: "The list shows the first opportunity of the stage",
            trigger: ".o_list_view .o_data_row:contains('Tour Funnel One')",
        },
        {
            content: "and the second, and only those two",
            trigger: ".o_list_view:has(.o_data_row:contains('Tour Funnel Two')):not(:has(.o_data_row:contains('Tour Funnel Three')))",
        },
        {
            content: "Exactly two rows",
            trigger: ".o_list_view:has(.o_data_row ~ .o_data_row):not(:has(.o_data_row ~ .o_data_row ~ .o_data_row))",
        },
    ],
});
