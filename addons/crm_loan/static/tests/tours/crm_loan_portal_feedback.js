import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_loan_portal_feedback", {
    steps: () => [
        {
            content: "The customer's loan is listed",
            trigger: ".o_portal_my_doc_table td:contains('Demo Unit')",
        },
        {
            content: "Open it",
            trigger: ".o_portal_my_doc_table a:contains('LN/')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The loaned unit and its serial are shown",
            trigger: ".o_portal_crm_loan td:contains('Tour Analyser') + td:contains('TP-1')",
        },
        {
            content: "Send the form empty",
            trigger: ".o_crm_loan_feedback_form button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The page says what is missing",
            trigger: ".o_crm_loan_feedback_errors:contains('Describe the problems you found')",
        },
        {
            content: "Describe a problem",
            trigger: ".o_crm_loan_feedback_form textarea[name='problems']",
            run: "edit The display flickers when cold",
        },
        {
            content: "Say what is needed",
            trigger: ".o_crm_loan_feedback_form textarea[name='requirements']",
            run: "edit A Chinese user manual",
        },
        {
            content: "Rate it 4",
            trigger: ".o_crm_loan_feedback_form select[name='rating']",
            run: "select 4",
        },
        {
            content: "Send",
            trigger: ".o_crm_loan_feedback_form button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Thanks are said",
            trigger: ".o_crm_loan_feedback_sent",
        },
        {
            content: "The feedback is listed",
            trigger: ".o_crm_loan_feedback_list li:contains('The display flickers when cold')",
        },
    ],
});
