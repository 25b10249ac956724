import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_loan_overdue", {
    steps: () => [
        {
            content: "Overdue loans are grouped by clock",
            trigger: ".o_list_view .o_group_header:contains('Return')",
        },
        {
            content: "The feedback clock is late too",
            trigger: ".o_list_view .o_group_header:contains('Feedback')",
        },
        {
            content: "The shipment not yet made is late",
            trigger: ".o_list_view .o_group_header:contains('Shipping') .o_group_name:contains('(1)')",
        },
        {
            content: "Open the return clock",
            trigger: ".o_list_view .o_group_header:contains('Return')",
            run: "click",
        },
        {
            content: "Then by owner",
            trigger: ".o_list_view .o_group_header:contains('Tour Loan Owner')",
            run: "click",
        },
        {
            content: "The late loan was due on 15 January 2026",
            trigger: ".o_data_row:has(td[name='partner_id']:contains('Tour Late Customer')) td[name='expected_date']:contains('Jan 15')",
        },
        {
            content: "Open the loan",
            trigger: ".o_data_row:has(td[name='partner_id']:contains('Tour Late Customer')) button[name='action_open_loan']",
            run: "click",
        },
        {
            content: "The loan is on loan at the late customer",
            trigger: ".o_form_view .o_field_widget[name='partner_id']:contains('Tour Late Customer')",
        },
        {
            content: "Its expected return date",
            trigger: ".o_form_view .o_field_widget[name='expected_return_date'] [data-field='expected_return_date']:value('01/15/2026')",
        },
    ],
});
