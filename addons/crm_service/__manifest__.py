{
    "name": "CRM After-Sales Service",
    "summary": "Service requests on OCA helpdesk tickets: request types, first-contact "
    "owner, transfers, SLA in working hours with escalation, work orders dispatched to "
    "technicians who accept or refuse",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": [
        "crm_core",
        "helpdesk_mgmt",
        "stock",
        "repair",
        "survey",
        "sale_management",
        "portal",
    ],
    "data": [
        "security/crm_service_security.xml",
        "security/ir.model.access.csv",
        "data/crm_service_data.xml",
        "data/crm_service_mail_data.xml",
        "wizard/crm_service_transfer_wizard_views.xml",
        "wizard/crm_service_order_refuse_views.xml",
        "views/crm_service_request_type_views.xml",
        "views/crm_service_sla_views.xml",
        "views/crm_service_transfer_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_config_views.xml",
        "views/crm_service_order_views.xml",
        "views/crm_service_portal_templates.xml",
        "views/crm_service_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_service/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
