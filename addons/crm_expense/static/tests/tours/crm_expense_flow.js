import { registry } from "@web/core/registry";

// The tests run on 17 June 2025 (frozen on the server). The browser's clock is not
// frozen: a date of its current year would read "Jun 17", of another year "Jun 17, 2025".

function pick(field, value, scope = ".o_form_view") {
    return [
        {
            content: `Type ${value} in ${field}`,
            trigger: `${scope} .o_field_widget[name='${field}'] input`,
            run: `edit ${value}`,
        },
        {
            content: `Choose ${value}`,
            trigger: `.o_field_widget[name='${field}'] .o-autocomplete--dropdown-item a:contains('${value}')`,
            run: "click",
        },
    ];
}

function isState(label) {
    return {
        content: `The document is ${label}`,
        trigger: `.o_form_view .o_statusbar_status .o_arrow_button_current:contains('${label}')`,
    };
}

function shows(field, value) {
    return {
        content: `${field} shows ${value}`,
        trigger: `.o_form_view .o_field_widget[name='${field}']:contains('${value}')`,
    };
}

// "400.00" but not "1,400.00"; "0.00" but not "400.00": the whole number, after the
// currency symbol (or alone).
function money(value) {
    return `/(^|\\s)${value.replace(/[.]/g, "\\.")}/`;
}

function showsAmount(field, value, scope = ".o_form_view") {
    return {
        content: `${field} shows ${value}`,
        trigger: `${scope} .o_field_widget[name='${field}']:contains(${money(value)})`,
    };
}

function figures({ approved, advanced, spent, reimbursed, remaining }) {
    return [
        showsAmount("approved_amount", approved),
        showsAmount("advanced_amount", advanced),
        showsAmount("spent_amount", spent),
        showsAmount("reimbursed_amount", reimbursed),
        showsAmount("remaining_amount", remaining),
    ];
}

// A date the user does not edit shows as a button, "Jun 17, 2025", with the numeric
// date in its tooltip.
function isToday(content, scope = ".o_form_view") {
    return {
        content,
        trigger: `${scope} .o_field_widget[name='date'] button[data-field='date'][data-tooltip='06/17/2025']:contains('Jun 17, 2025')`,
    };
}

function clickButton(name, content) {
    return {
        content,
        trigger: `.o_form_view .o_statusbar_buttons button[name='${name}']`,
        run: "click",
    };
}

function backToRequest() {
    return {
        content: "Back to the request",
        trigger: ".o_breadcrumb a:contains('EXR/2025/')",
        run: "click",
    };
}

function recordPayout(description, amount, payee) {
    return [
        clickButton("action_new_payout", "Record a payout"),
        {
            content: "The payout belongs to the request",
            trigger: ".o_form_view .o_field_widget[name='request_id'] input:value('EXR/2025/')",
        },
        {
            content: "It spends on the request's expense item",
            trigger: ".o_form_view .o_field_widget[name='product_id'] input:value('Tour Travel')",
        },
        {
            content: "The applicant spends it",
            trigger:
                ".o_form_view .o_field_widget[name='employee_id'] input:value('Tour Expense Salesman')",
        },
        isToday("Spent today, 17 June 2025"),
        {
            content: "The employee paid it, to be reimbursed",
            trigger: ".o_field_widget[name='payment_mode'] input[data-value='own_account']:checked",
        },
        {
            content: "What was spent",
            trigger: ".o_form_view .o_field_widget[name='description'] input",
            run: `edit ${description}`,
        },
        {
            content: `It cost ${amount}`,
            trigger: ".o_form_view .o_field_widget[name='amount'] input",
            run: `edit ${amount}`,
        },
        ...(payee ? pick("payee_id", payee) : []),
        clickButton("action_confirm", "Confirm the payout"),
        isState("Confirmed"),
        {
            content: "The payout is numbered",
            trigger: ".o_form_view .o_field_widget[name='name']:contains('EXP/2025/')",
        },
        backToRequest(),
        isState("Approved"),
    ];
}

registry.category("web_tour.tours").add("crm_expense_request_raise", {
    steps: () => [
        {
            content: "The opportunity is open",
            trigger: ".o_breadcrumb .active:contains('Tour Expense Deal')",
        },
        {
            content: "It has no expense request yet",
            trigger:
                ".o_form_view button[name='action_crm_expense_view_requests']:contains('Expenses (0)')",
            run: "click",
        },
        {
            content: "The opportunity's requests: none yet",
            trigger: ".o_view_nocontent:contains('Request money for a customer visit')",
        },
        {
            content: "New expense request",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        isState("Draft"),
        {
            content: "The request belongs to the opportunity",
            trigger: ".o_form_view .o_field_widget[name='lead_id'] input:value('Tour Expense Deal')",
        },
        {
            content: "Its customer comes from the opportunity",
            trigger:
                ".o_form_view .o_field_widget[name='partner_id'] input:value('Tour Expense Customer')",
        },
        {
            content: "The salesperson applies",
            trigger:
                ".o_form_view .o_field_widget[name='employee_id'] input:value('Tour Expense Salesman')",
        },
        isToday("Requested today, 17 June 2025"),
        {
            content: "What the money is for",
            trigger: ".o_form_view .o_field_widget[name='purpose'] textarea",
            run: "edit Visit the plant with the customer",
        },
        ...pick("product_id", "Tour Travel"),
        {
            content: "Ask for 1,000.00",
            trigger: ".o_form_view .o_field_widget[name='amount'] input",
            run: "edit 1000",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The request is numbered",
            trigger: ".o_form_view .o_field_widget[name='name']:contains('EXR/2025/')",
        },
        {
            content: "It is saved",
            trigger: ".o_form_view .o_form_saved",
        },
        clickButton("action_submit", "Submit for approval"),
        isState("To Approve"),
        {
            content: "The amount is locked",
            trigger: `.o_form_view .o_field_widget[name='amount']:not(:has(input)):contains(${money("1,000.00")})`,
        },
        ...figures({
            approved: "0.00",
            advanced: "0.00",
            spent: "0.00",
            reimbursed: "0.00",
            remaining: "0.00",
        }),
        {
            content: "The salesperson cannot validate it",
            trigger: ".o_form_view .o_statusbar_buttons:not(:has(button[name='validate_tier']))",
        },
        {
            content: "Back to the opportunity",
            trigger: ".o_breadcrumb a:contains('Tour Expense Deal')",
            run: "click",
        },
        {
            content: "The opportunity counts one request",
            trigger:
                ".o_form_view button[name='action_crm_expense_view_requests']:contains('Expenses (1)')",
        },
    ],
});

registry.category("web_tour.tours").add("crm_expense_request_validate", {
    steps: () => [
        isState("To Approve"),
        shows("purpose", "Visit the plant with the customer"),
        showsAmount("amount", "1,000.00"),
        clickButton("validate_tier", "The sales manager validates"),
        isState("Approved"),
        ...figures({
            approved: "1,000.00",
            advanced: "0.00",
            spent: "0.00",
            reimbursed: "0.00",
            remaining: "1,000.00",
        }),
        {
            content: "Open the validations",
            trigger: ".o_form_view .o_notebook .nav-link[name='reviews']",
            run: "click",
        },
        {
            content: "The validation is in the history",
            trigger:
                ".o_field_widget[name='crm_review_history_ids'] .o_data_row td[name='done_by']:contains('Tour Expense Manager')",
        },
    ],
});

registry.category("web_tour.tours").add("crm_expense_advance", {
    steps: () => [
        isState("Approved"),
        showsAmount("approved_amount", "1,000.00"),
        clickButton("action_advance", "Pay an advance"),
        {
            content: "The advance wizard opens",
            trigger: ".modal .modal-title:contains('Pay an Advance')",
        },
        {
            content: "All of the approved amount is still available",
            trigger: `.modal .o_field_widget[name='available_amount']:contains(${money("1,000.00")})`,
        },
        {
            content: "It proposes the whole of it",
            trigger: ".modal .o_field_widget[name='amount'] input:value('1,000.00')",
        },
        {
            content: "Paid from the company's advance journal",
            trigger: ".modal .o_field_widget[name='journal_id'] input:value('Bank')",
        },
        isToday("Paid today, 17 June 2025", ".modal"),
        {
            content: "Advance 400.00",
            trigger: ".modal .o_field_widget[name='amount'] input",
            run: "edit 400",
        },
        {
            content: "Pay",
            trigger: ".modal .modal-footer button[name='action_pay']",
            run: "click",
        },
        {
            content: "The wizard is closed",
            trigger: "body:not(:has(.modal))",
        },
        ...figures({
            approved: "1,000.00",
            advanced: "400.00",
            spent: "0.00",
            reimbursed: "0.00",
            remaining: "1,000.00",
        }),
        {
            content: "The request lists its advance",
            trigger: ".o_form_view button[name='action_view_advances'] .o_stat_value:text('1')",
        },
        {
            content: "600.00 can still be advanced",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_advance']",
        },
        {
            content: "The chatter tells the advance was paid",
            trigger: ".o-mail-Message-body:contains('Advance of'):contains('400.00')",
        },
    ],
});

registry.category("web_tour.tours").add("crm_expense_payouts_reimburse", {
    steps: () => [
        isState("Approved"),
        ...figures({
            approved: "1,000.00",
            advanced: "400.00",
            spent: "0.00",
            reimbursed: "0.00",
            remaining: "1,000.00",
        }),
        {
            content: "Nothing to reimburse yet",
            trigger: ".o_form_view .o_statusbar_buttons:not(:has(button[name='action_reimburse']))",
        },
        ...recordPayout("Taxi to the plant", "300"),
        showsAmount("spent_amount", "300.00"),
        showsAmount("remaining_amount", "700.00"),
        ...recordPayout("Dinner with the customer", "500", "Tour Expense Restaurant"),
        ...figures({
            approved: "1,000.00",
            advanced: "400.00",
            spent: "800.00",
            reimbursed: "0.00",
            remaining: "200.00",
        }),
        {
            content: "The taxi is a confirmed payout",
            trigger:
                ".o_field_widget[name='payout_ids'] .o_data_row:has(td[name='description']:contains('Taxi to the plant')):has(td[name='amount']:contains('300.00')) td[name='state']:contains('Confirmed')",
        },
        {
            content: "The dinner too, paid to the restaurant",
            trigger:
                ".o_field_widget[name='payout_ids'] .o_data_row:has(td[name='payee_id']:contains('Tour Expense Restaurant')):has(td[name='amount']:contains('500.00')) td[name='state']:contains('Confirmed')",
        },
        {
            content: "The request counts two payouts",
            trigger: ".o_form_view button[name='action_view_payouts'] .o_stat_value:text('2')",
        },
        clickButton("action_reimburse", "Hand the payouts over for reimbursement"),
        {
            content: "The employee's expenses",
            trigger: ".o_breadcrumb .active:contains('Expenses')",
        },
        {
            content: "The taxi is an expense of the salesperson",
            trigger:
                ".o_list_view .o_data_row:has(td[name='name']:contains('Taxi to the plant')):has(td[name='employee_id']:contains('Tour Expense Salesman')) td[name='total_amount']:contains('300.00')",
        },
        {
            content: "The dinner too",
            trigger:
                ".o_list_view .o_data_row:has(td[name='name']:contains('Dinner with the customer')):has(td[name='employee_id']:contains('Tour Expense Salesman')) td[name='total_amount']:contains('500.00')",
        },
        {
            content: "Both wait for the employee to submit them",
            trigger: ".o_list_view .o_data_row td[name='state']:contains('Draft'):count(2)",
        },
        {
            content: "Two expenses, nothing else",
            trigger: ".o_list_view .o_data_row:count(2)",
        },
        backToRequest(),
        {
            content: "The request counts two expenses",
            trigger: ".o_form_view button[name='action_view_expenses'] .o_stat_value:text('2')",
        },
        {
            content: "Nothing is left to reimburse",
            trigger: ".o_form_view .o_statusbar_buttons:not(:has(button[name='action_reimburse']))",
        },
        {
            ...showsAmount("reimbursed_amount", "0.00"),
            content: "The expenses are drafts: nothing is reimbursed yet",
        },
    ],
});
