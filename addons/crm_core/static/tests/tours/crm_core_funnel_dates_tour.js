import { registry } from "@web/core/registry";

const QUALIFY = ".o_crm_funnel_stage[data-stage='Tour Funnel Qualify']";
const PROPOSE = ".o_crm_funnel_stage[data-stage='Tour Funnel Propose']";

// The user works in Simplified Chinese: dates read yyyy/MM/dd, months 2026年11月.
registry.category("web_tour.tours").add("crm_core_funnel_dates", {
    steps: () => [
        {
            content: "Without dates, both opportunities of the stage count",
            trigger: `${QUALIFY} .o_crm_funnel_count:contains('2')`,
        },
        {
            content: "Open the picker of the first expected closing date",
            trigger: ".o_crm_funnel_date_from",
            run: "click",
        },
        {
            content: "It is Odoo's date picker",
            trigger: ".o_datetime_picker .o_date_item_cell",
        },
        {
            content: "Type the first of November 2026 in the user's format",
            trigger: ".o_crm_funnel_date_from",
            run: "edit 2026/11/01 && press Enter",
        },
        {
            content: "Only the opportunity of the stage closing from November remains",
            trigger: `${QUALIFY} .o_crm_funnel_count:contains('1')`,
        },
        {
            content: "The forecast starts in November 2026, in the user's language",
            trigger:
                ".o_crm_forecast_month[data-month='2026-11-01'] .o_crm_forecast_label:contains('2026年11月')",
        },
        {
            content: "November has one opportunity",
            trigger: ".o_crm_forecast_month[data-month='2026-11-01'] .o_crm_forecast_count:contains('1')",
        },
        {
            content: "December too",
            trigger:
                ".o_crm_forecast_month[data-month='2026-12-01']:has(.o_crm_forecast_label:contains('2026年12月')) .o_crm_forecast_count:contains('1')",
        },
        {
            content: "Open the picker again",
            trigger: ".o_crm_funnel_date_from",
            run: "click",
        },
        {
            content: "Pick the 15th of November in the picker",
            trigger: ".o_datetime_picker .o_date_item_cell:not(.o_out_of_range):contains('15')",
            run: "click",
        },
        {
            content: "The input shows the picked date in the user's format",
            trigger: ".o_crm_funnel_date_from:value('2026/11/15')",
        },
        {
            content: "The opportunity closing on 10 November is gone; the one of December stays",
            trigger: `.o_crm_funnel_table:not(:has(${QUALIFY})) ${PROPOSE} .o_crm_funnel_count:contains('1')`,
        },
        {
            content: "Close on 30 November 2026 at the latest",
            trigger: ".o_crm_funnel_date_to",
            run: "edit 2026/11/30 && press Enter",
        },
        {
            content: "The input keeps the user's format",
            trigger: ".o_crm_funnel_date_to:value('2026/11/30')",
        },
        {
            content: "No opportunity closes between 15 and 30 November",
            trigger: ".o_crm_funnel_table:not(:has(.o_crm_funnel_stage)) tbody td.text-muted",
        },
        {
            content: "The forecast covers November 2026 only",
            trigger:
                ".o_crm_forecast_table:has(.o_crm_forecast_month[data-month='2026-11-01'] .o_crm_forecast_count:contains('0')):not(:has(.o_crm_forecast_month ~ .o_crm_forecast_month))",
        },
    ],
});
