import { registry } from "@web/core/registry";

const MISSING =
    "Customer Tourprofile Co cannot be saved: missing Full Legal Name, Industry, Sales Region, Phone or Email.";

function selectMany2one(field, value) {
    return [
        {
            content: `Type ${value} in ${field}`,
            trigger: `.o_field_widget[name='${field}'] input`,
            run: `edit ${value}`,
        },
        {
            content: `Pick ${value}`,
            trigger: `.o_field_widget[name='${field}'] .o-autocomplete--dropdown-item > a:contains('${value}')`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("crm_core_customer_profile", {
    url: "/odoo/crm-customers/new",
    steps: () => [
        {
            content: "Name the new company customer",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Tourprofile Co",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The error names every missing field",
            trigger: `.modal .o_error_dialog:contains('${MISSING}'), .modal:contains('${MISSING}')`,
        },
        {
            content: "Close the error",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Enter a phone number",
            trigger: ".o_form_view .o_field_widget[name='phone'] input",
            run: "edit +86 138 0013 9999",
        },
        {
            content: "Open the Profile page",
            trigger: ".o_notebook .nav-link:contains('Profile')",
            run: "click",
        },
        {
            content: "Enter the full legal name",
            trigger: ".o_field_widget[name='legal_name'] input",
            run: "edit Tourprofile Trading Co., Ltd.",
        },
        ...selectMany2one("industry_id", "Tourindustry"),
        ...selectMany2one("region_id", "Tourregion"),
        {
            content: "Save again",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The customer is saved",
            trigger: ".o_breadcrumb .active:contains('Tourprofile Co')",
        },
        {
            content: "Start a second customer",
            trigger: ".o_form_button_create",
            run: "click",
        },
        {
            content: "The new form is open",
            trigger: ".o_breadcrumb .active:contains('New')",
        },
        {
            content: "Name it",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Tourprofile Twin",
        },
        {
            content: "Enter the same phone, written differently",
            trigger: ".o_form_view .o_field_widget[name='phone'] input",
            run: "edit 13800139999",
        },
        {
            content: "Click elsewhere so the form checks the phone",
            trigger: ".o_form_view .o_field_widget[name='email'] input",
            run: "click",
        },
        {
            content: "The form warns about the existing customer, with a link",
            trigger:
                ".o_form_view .alert-warning:contains('Possible duplicate customers') a:contains('Tourprofile Co')",
        },
        {
            content: "Discard the duplicate",
            trigger: ".o_form_button_cancel",
            run: "click",
        },
        {
            content: "Back on the list: only the saved customer",
            trigger: ".o_list_view .o_data_row:contains('Tourprofile Co'):not(:contains('Twin'))",
        },
    ],
});
