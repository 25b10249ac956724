import { registry } from "@web/core/registry";

const parts = ".o_field_widget[name='part_move_ids']";

function validateRow(label) {
    return [
        {
            content: `Validate the ${label}`,
            trigger: `${parts} .o_data_row:contains('${label}'):contains('Draft') button[name='action_validate']`,
            run: "click",
        },
        {
            content: `The ${label} is done`,
            trigger: `${parts} .o_data_row:contains('${label}'):contains('Done')`,
        },
    ];
}

// The technician on their work order in progress: takes belts from the
// warehouse, fits a new roller in place of the old one, returns the belts left,
// finishes the order and invoices the out-of-warranty roller.
registry.category("web_tour.tours").add("crm_service_parts", {
    steps: () => [
        {
            content: "Open the parts",
            trigger: ".o_notebook .nav-link:contains('Parts')",
            run: "click",
        },
        ...validateRow("Requisition"),
        {
            content: "The belts are in the technician's stock",
            trigger: ".o_field_widget[name='technician_quant_ids'] .o_data_row:contains('Drive Belt'):contains('3.00')",
        },
        {
            content: "Add a consumption",
            trigger: `${parts} .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "The part",
            trigger: `${parts} .o_selected_row .o_field_widget[name='product_id'] input`,
            run: "edit Feed Roller",
        },
        {
            content: "Pick the roller",
            trigger: ".o-autocomplete--dropdown-item:contains('Feed Roller')",
            run: "click",
        },
        {
            content: "The serial fitted",
            trigger: `${parts} .o_selected_row .o_field_widget[name='lot_id'] input`,
            run: "edit R1",
        },
        {
            content: "Pick R1",
            trigger: ".o-autocomplete--dropdown-item:contains('R1')",
            run: "click",
        },
        {
            content: "The serial taken off",
            trigger: `${parts} .o_selected_row .o_field_widget[name='old_lot_name'] input`,
            run: "edit S-OLD-9",
        },
        {
            content: "Save the work order",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        ...validateRow("Consumption"),
        {
            content: "The old serial is kept",
            trigger: `${parts} .o_data_row:contains('Consumption'):contains('S-OLD-9')`,
        },
        ...validateRow("Return"),
        {
            content: "One belt is left with the technician, the roller is gone",
            trigger: ".o_field_widget[name='technician_quant_ids'] .o_data_row:contains('Drive Belt'):contains('1.00')",
        },
        {
            content: "No roller any more",
            trigger: ".o_field_widget[name='technician_quant_ids']:not(:contains('Feed Roller'))",
        },
        {
            content: "The work is done",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_done']",
            run: "click",
        },
        {
            content: "Settle the order",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_new_settlement']",
            run: "click",
        },
        {
            content: "Out of warranty: the roller at Acme's price",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('Feed Roller'):contains('27.00')",
        },
        {
            content: "The total to charge",
            trigger: ".o_field_widget[name='amount_total']:contains('27.00')",
        },
        {
            content: "Invoice",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_invoice']",
            run: "click",
        },
        {
            content: "The settlement is invoiced",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains('Invoiced')",
        },
    ],
});
