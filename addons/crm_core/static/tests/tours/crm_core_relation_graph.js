import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_relation_graph", {
    steps: () => [
        {
            content: "The customer's form is open",
            trigger: ".o_breadcrumb .active:contains('Relco Own')",
        },
        {
            content: "Open the Relationships tab",
            trigger: ".o_notebook .nav-link:contains('Relationships')",
            run: "click",
        },
        {
            content: "The graph shows the related partner",
            trigger:
                ".o_crm_relation_graph svg .o_crm_relation_graph_node:not(.o_crm_relation_graph_center) .o_crm_relation_graph_name:contains('Relco Friend')",
        },
        {
            content: "The edge is labelled from the customer's side",
            trigger:
                ".o_crm_relation_graph svg .o_crm_relation_graph_edge[data-strength='strong'] .o_crm_relation_graph_edge_label:contains('Subordinate of')",
        },
        {
            content: "Open the related partner from its node",
            trigger:
                ".o_crm_relation_graph svg .o_crm_relation_graph_node:not(.o_crm_relation_graph_center):contains('Relco Friend')",
            run: "click",
        },
        {
            content: "The related partner's form is open",
            trigger: ".o_breadcrumb .active:contains('Relco Friend')",
        },
        {
            content: "The previous customer is in the breadcrumbs",
            trigger: ".o_breadcrumb:contains('Relco Own')",
        },
    ],
});
