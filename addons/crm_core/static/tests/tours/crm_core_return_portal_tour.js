import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_return_portal", {
    steps: () => [
        {
            content: "Ask for a return from the delivered order",
            trigger: "a.o_crm_return_request",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The form lists the returnable widgets",
            trigger: ".o_crm_return_form td:contains('Tour Widget')",
        },
        {
            content: "Choose an exchange",
            trigger: ".o_crm_return_form select[name='type']",
            run: "select exchange",
        },
        {
            content: "Ask for more than was delivered",
            trigger: ".o_crm_return_form input[name^='qty_']",
            run: "edit 9",
        },
        {
            content: "Give a reason",
            trigger: ".o_crm_return_form textarea[name='reason']",
            run: "edit Wrong colour",
        },
        {
            content: "Send",
            trigger: ".o_crm_return_form button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The page says what is wrong",
            trigger: ".o_crm_return_errors:contains('at most 5.0 can be returned')",
        },
        {
            content: "Ask for one",
            trigger: ".o_crm_return_form input[name^='qty_'][value='9']",
            run: "edit 1",
        },
        {
            content: "Send again",
            trigger: ".o_crm_return_form button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is shown",
            trigger: ".o_portal_crm_return h4:contains('Exchange'):contains('RR/')",
        },
        {
            content: "It is a draft for one widget",
            trigger: ".o_portal_crm_return td:contains('Tour Widget') + td:contains('1.00')",
        },
        {
            content: "Back to the list of returns",
            trigger: ".breadcrumb a[href='/my/returns']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is listed",
            trigger: ".o_portal_my_doc_table td:contains('Exchange')",
        },
    ],
});
