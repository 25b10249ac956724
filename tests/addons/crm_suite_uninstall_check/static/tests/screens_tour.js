import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_suite_uninstall_check_screens", {
    steps: () => [
        { trigger: ".o_kanban_view .o_kanban_record", content: "the pipeline shows its cards" },
        { trigger: ".o_kanban_record:first", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=name]", content: "an opportunity opens" },
        { trigger: ".o_breadcrumb .o_back_button, .o_breadcrumb a:first", run: "click" },
        { trigger: ".o_kanban_view" },
        {
            trigger: ".o_main_navbar",
            run: () => (window.location.href = "/odoo/action-sale.action_orders"),
            expectUnloadPage: true,
        },
        { trigger: ".o_list_view .o_data_row", content: "the sales orders list" },
        { trigger: ".o_data_row:first .o_data_cell", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=partner_id]", content: "an order opens" },
        {
            trigger: ".o_main_navbar",
            run: () => (window.location.href = "/odoo/action-crm.crm_lead_all_leads"),
            expectUnloadPage: true,
        },
        { trigger: ".o_action_manager .o_view_controller", content: "the leads screen" },
        {
            trigger: ".o_main_navbar",
            run: () => (window.location.href = "/odoo/action-base.action_partner_form"),
            expectUnloadPage: true,
        },
        { trigger: ".o_list_view .o_data_row", content: "the customers list" },
        { trigger: ".o_data_row:first .o_data_cell", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=name]", content: "a contact opens" },
    ],
});
