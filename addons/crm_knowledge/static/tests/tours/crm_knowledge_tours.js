import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_knowledge_backoffice_answer", {
    steps: () => [
        {
            content: "Type a question in Chinese",
            trigger: ".o_knowledge_question input",
            run: "edit 手机无法开机",
        },
        {
            content: "Search",
            trigger: "button.o_knowledge_search_button",
            run: "click",
        },
        {
            content: "The suggested category is shown",
            trigger: ".o_knowledge_category:contains('Phones')",
        },
        {
            content: "Open the first answer",
            trigger: ".o_knowledge_answers .o_data_row:first:contains('手机无法开机怎么办') button.o_knowledge_open",
            run: "click",
        },
        {
            content: "The article is open",
            trigger: ".o_form_view .o_field_widget[name='name']:contains('手机无法开机怎么办')",
        },
    ],
});

registry.category("web_tour.tours").add("crm_knowledge_public_answer", {
    url: "/knowledge",
    steps: () => [
        {
            content: "Ask a question in Chinese",
            trigger: "input.o_knowledge_q",
            run: "edit 手机无法开机",
        },
        {
            content: "Search",
            trigger: "button.o_knowledge_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The answer has a highlighted snippet",
            trigger: ".o_knowledge_answer:contains('手机无法开机怎么办') mark:contains('开机')",
        },
        {
            content: "Open the answer",
            trigger: ".o_knowledge_answer:contains('手机无法开机怎么办')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The article is shown",
            trigger: "h1.o_knowledge_article_title:contains('手机无法开机怎么办')",
        },
        {
            content: "Say it helped",
            trigger: "button.o_knowledge_helpful_yes",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Thanked",
            trigger: ".o_knowledge_thanks",
        },
    ],
});

registry.category("web_tour.tours").add("crm_knowledge_portal_partner", {
    url: "/my/knowledge",
    steps: () => [
        {
            content: "The partner-only article is listed",
            trigger: ".o_knowledge_recent a:contains('维修站更换主板的步骤')",
        },
        {
            content: "The internal article is not",
            trigger: ".o_knowledge_recent:not(:contains('Internal price list'))",
        },
        {
            content: "Ask about it",
            trigger: "input.o_knowledge_q",
            run: "edit 更换主板",
        },
        {
            content: "Search",
            trigger: "button.o_knowledge_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the partner-only answer",
            trigger: ".o_knowledge_answer:contains('维修站更换主板的步骤')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The article is marked for partners",
            trigger: ".o_knowledge_article:contains('Partners only') h1:contains('维修站更换主板的步骤')",
        },
    ],
});

registry.category("web_tour.tours").add("crm_knowledge_gap_to_draft", {
    steps: () => [
        {
            content: "The unanswered question is a knowledge gap",
            trigger: ".o_list_view .o_data_row:contains('洗衣机漏水怎么办')",
        },
        {
            content: "Create a draft article from it",
            trigger: ".o_data_row:contains('洗衣机漏水怎么办') button.o_knowledge_create_draft",
            run: "click",
        },
        {
            content: "The draft article is open, titled with the question",
            trigger: ".o_form_view .o_field_widget[name='name'] input:value('洗衣机漏水怎么办')",
        },
        {
            content: "It is a draft",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Draft')",
        },
    ],
});
