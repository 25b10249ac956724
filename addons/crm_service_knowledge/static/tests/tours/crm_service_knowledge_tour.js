import { registry } from "@web/core/registry";

// An agent opens the request's knowledge tab, reads the suggestion and records
// it as the article that solved the request.
registry.category("web_tour.tours").add("crm_service_knowledge_solve", {
    steps: () => [
        {
            content: "Open the knowledge tab",
            trigger: ".o_form_view .o_notebook a[name='knowledge']",
            run: "click",
        },
        {
            content: "The printer article is suggested, the draft one is not",
            trigger:
                ".o_field_widget[name='knowledge_suggestion_ids'] .o_data_row:contains('Printer paper jam'):not(:contains('old text'))",
        },
        {
            content: "It solved the request",
            trigger:
                ".o_field_widget[name='knowledge_suggestion_ids'] .o_data_row:contains('Printer paper jam') button[name='action_solve_service_request']",
            run: "click",
        },
        {
            content: "The request names its solving article",
            trigger: ".o_field_widget[name='solved_article_id'] input:value('Printer paper jam')",
        },
        {
            content: "The article counts one solved request",
            trigger:
                ".o_field_widget[name='knowledge_suggestion_ids'] .o_data_row:contains('Printer paper jam') td[name='solved_count']:contains('1')",
        },
    ],
});
