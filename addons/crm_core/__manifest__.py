{
    "name": "CRM Core",
    "summary": "Roles that see own, team or all customers, leads and orders",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": [
        "crm",
        "sale_management",
        "sale_crm",
        "sale_stock",
        "calendar",
        "utm",
        "base_automation",
        "base_tier_validation",
        "base_tier_validation_forward",
    ],
    "data": [
        "security/crm_core_security.xml",
        "security/crm_partner_relation_security.xml",
        "security/ir.model.access.csv",
        "data/crm_customer_level_data.xml",
        "data/crm_partner_relation_type_data.xml",
        "views/res_partner_views.xml",
        "views/crm_partner_relation_views.xml",
        "views/crm_core_menus.xml",
    ],
    "demo": [
        "demo/crm_core_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "crm_core/static/src/**/*",
        ],
        "web.assets_tests": [
            "crm_core/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
