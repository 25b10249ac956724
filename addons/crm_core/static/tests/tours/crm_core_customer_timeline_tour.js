import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_customer_timeline", {
    steps: () => [
        {
            content: "The customer's form is open",
            trigger: ".o_breadcrumb .active:contains('Timeline Tour Co')",
        },
        {
            content: "Open the Timeline tab",
            trigger: ".o_notebook .nav-link:contains('Timeline')",
            run: "click",
        },
        {
            content: "The logged note is in the timeline",
            trigger:
                ".o_crm_customer_timeline .o_crm_timeline_item[data-kind='note'] .o_crm_timeline_preview:contains('call back on Monday')",
        },
        {
            content: "The confirmed order is in the timeline",
            trigger:
                ".o_crm_customer_timeline .o_crm_timeline_item[data-kind='order'][data-model='sale.order']",
        },
        {
            content: "Open the opportunity from the timeline",
            trigger:
                ".o_crm_customer_timeline .o_crm_timeline_item[data-kind='opportunity'] .o_crm_timeline_title:contains('Tour Big Deal')",
            run: "click",
        },
        {
            content: "The opportunity's form is open",
            trigger: ".o_form_view .o_breadcrumb .active:contains('Tour Big Deal')",
        },
        {
            content: "The customer is in the breadcrumbs",
            trigger: ".o_breadcrumb:contains('Timeline Tour Co')",
        },
    ],
});
