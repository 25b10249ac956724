import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_core_competitor", {
    steps: () => [
        {
            content: "Create a competitor",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_form_view [name='name'] input",
            run: "edit Tour Rival Ltd",
        },
        {
            content: "Its website",
            trigger: ".o_form_view [name='website'] input",
            run: "edit https://rival.example.com",
        },
        {
            content: "Add one of their products",
            trigger: ".o_field_widget[name='product_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Product name",
            trigger: ".o_field_widget[name='product_ids'] .o_data_row [name='name'] input",
            run: "edit Rival CRM",
        },
        {
            content: "Their price",
            trigger: ".o_field_widget[name='product_ids'] .o_data_row [name='price'] input",
            run: "edit 1200",
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
    ],
});
