import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_opportunity", {
    steps: () => [
        {
            content: "The opportunity is open",
            trigger: ".o_form_view .o_field_widget[name='name']:contains('Tour Deal'), .o_form_view .o_field_widget[name='name'] textarea",
        },
        {
            content: "Open the products page",
            trigger: ".o_notebook .nav-link[name='crm_product_lines']",
            run: "click",
        },
        {
            content: "Add a product line",
            trigger: ".o_field_widget[name='product_line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Type the product",
            trigger: ".o_field_widget[name='product_line_ids'] .o_data_row [name='product_id'] input",
            run: "edit Tour Widget",
        },
        {
            content: "Pick the product",
            trigger: ".o_field_widget[name='product_id'] .o-autocomplete--dropdown-item > a:contains('Tour Widget')",
            run: "click",
        },
        {
            content: "The salesperson's price is proposed",
            trigger: ".o_data_row [name='price_unit'] input:value('90.00')",
        },
        {
            content: "Three units",
            trigger: ".o_data_row [name='product_uom_qty'] input",
            run: "edit 3",
        },
        {
            content: "Leave the line",
            trigger: ".o_form_view .o_field_widget[name='name']",
            run: "click",
        },
        {
            content: "The expected revenue is the lines' total",
            trigger: ".o_field_widget[name='expected_revenue']:contains('270.00')",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Try to move to the next stage",
            trigger: ".o_statusbar_status button[data-value]:contains('Tour Proposal')",
            run: "click",
        },
        {
            content: "The move is refused and the missing item named",
            trigger: ".modal:contains('Needs confirmed not done yet')",
        },
        {
            content: "Close the error",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Open the stage checklist",
            trigger: "body:not(:has(.modal)) .o_notebook .nav-link[name='crm_stage_checklist']",
            run: "click",
        },
        {
            content: "Tick the checklist item",
            trigger: ".o_field_widget[name='stage_evidence_ids'] .o_data_row:contains('Needs confirmed') .o_field_boolean_toggle input",
            run: "click",
        },
        {
            content: "The item is ticked",
            trigger: ".o_field_widget[name='stage_evidence_ids'] .o_data_row:contains('Needs confirmed') .o_field_boolean_toggle input:checked",
        },
        {
            content: "The refused move is still pending on the form",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Tour Proposal')",
        },
        {
            content: "Save: with the item ticked the move goes through",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The opportunity is in the next stage",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Tour Proposal')",
        },
        {
            content: "Everything is saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
