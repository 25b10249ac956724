import { registry } from "@web/core/registry";

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

function dropSerial(serial) {
    return [
        {
            content: "Edit the settled line",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:first td[name='quantity']",
            run: "click",
        },
        {
            content: `Keep ${serial} at the customer`,
            trigger: `.o_data_row.o_selected_row .o_field_many2many_tags .o_tag:contains('${serial}') .o_delete`,
            run: "click",
        },
    ];
}

function confirmDocument(button) {
    return [
        {
            content: "Confirm the document",
            trigger: `.o_form_view .o_statusbar_buttons button[name='${button}']`,
            run: "click",
        },
        {
            content: "Yes, now",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        isState("Done"),
    ];
}

function backToLoan() {
    return {
        content: "Back to the loan",
        trigger: ".o_breadcrumb a:contains('LN/')",
        run: "click",
    };
}

registry.category("web_tour.tours").add("crm_loan_demo_flow", {
    steps: () => [
        {
            content: "A new loan",
            trigger: ".o_form_view .o_field_widget[name='loan_type'] input[data-value='demo']",
            run: "click",
        },
        ...pick("partner_id", "Tour Loan Customer"),
        {
            content: "Expected back on 15 January 2027",
            trigger: ".o_field_widget[name='expected_return_date'] input",
            run: "edit 01/15/2027",
        },
        {
            content: "Feedback expected by 31 December 2026",
            trigger: ".o_field_widget[name='expected_feedback_date'] input",
            run: "edit 12/31/2026",
        },
        {
            content: "What it is for",
            trigger: ".o_field_widget[name='purpose'] textarea",
            run: "edit Trial at the customer's lab",
        },
        {
            content: "Add a line",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pick("product_id", "Tour Analyser", ".o_data_row"),
        {
            content: "Three units",
            trigger: ".o_data_row [name='product_uom_qty'] input",
            run: "edit 3",
        },
        ...pick("lot_ids", "TA-1", ".o_data_row"),
        ...pick("lot_ids", "TA-2", ".o_data_row"),
        ...pick("lot_ids", "TA-3", ".o_data_row"),
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit for approval",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_submit']",
            run: "click",
        },
        isState("To Approve"),
        {
            content: "The sales manager validates",
            trigger: ".o_form_view .o_statusbar_buttons button[name='validate_tier']",
            run: "click",
        },
        isState("Approved"),
        {
            content: "Ship it",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_ship']",
            run: "click",
        },
        {
            content: "The loan shipment is ready",
            trigger: ".o_breadcrumb .active:contains('WH/LOAN/')",
        },
        {
            content: "The warehouse validates it",
            trigger: ".o_form_view .o_statusbar_buttons button[name='button_validate']",
            run: "click",
        },
        isState("Done"),
        backToLoan(),
        isState("On Loan"),
        {
            content: "Three units are out",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row td[name='outstanding_qty']:contains('3.00')",
        },
        {
            content: "One unit comes back",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_return']",
            run: "click",
        },
        {
            content: "All three are proposed",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row td[name='quantity']:contains('3.00')",
        },
        ...dropSerial("TA-2"),
        ...dropSerial("TA-3"),
        {
            content: "One unit is returned",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row [name='quantity']:contains('1.00')",
        },
        ...confirmDocument("action_confirm"),
        backToLoan(),
        {
            content: "Two units are still out",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row td[name='outstanding_qty']:contains('2.00')",
        },
        {
            content: "The customer buys one",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_convert']",
            run: "click",
        },
        {
            content: "A conversion to sale",
            trigger: ".o_field_widget[name='kind'] input[data-value='sale']:checked",
        },
        ...dropSerial("TA-3"),
        ...confirmDocument("action_confirm"),
        {
            content: "The sales order is made",
            trigger: "button[name='action_view_sale_order']",
        },
        backToLoan(),
        {
            content: "The last unit goes to another customer",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_convert']",
            run: "click",
        },
        {
            content: "A re-loan",
            trigger: ".o_field_widget[name='kind'] input[data-value='reloan']",
            run: "click",
        },
        ...pick("reloan_partner_id", "Tour Next Customer"),
        {
            content: "Back by 28 February 2027",
            trigger: ".o_field_widget[name='reloan_return_date'] input",
            run: "edit 02/28/2027",
        },
        ...confirmDocument("action_confirm"),
        {
            content: "Open the new loan",
            trigger: "button[name='action_view_new_loan']",
            run: "click",
        },
        isState("On Loan"),
        {
            content: "It took the unit over from the first loan",
            trigger: ".o_field_widget[name='origin_loan_id']:contains('LN/')",
        },
        {
            content: "It is due back on 28 February 2027",
            trigger: ".o_field_widget[name='expected_return_date'] [data-field='expected_return_date']:value('02/28/2027')",
        },
    ],
});
