{
    "name": "CRM Loans",
    "summary": "Samples, demo and spare units lent to customers: approval, shipment, return, "
    "conversion to sale, gift, consumption or re-loan, trial feedback, three alert clocks",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_core", "stock", "sale_stock", "sms"],
    "data": [
        "security/crm_loan_security.xml",
        "security/ir.model.access.csv",
        "data/crm_loan_data.xml",
        "data/crm_loan_mail_data.xml",
        "views/crm_loan_views.xml",
        "views/crm_loan_return_views.xml",
        "views/crm_loan_conversion_views.xml",
        "views/crm_loan_feedback_views.xml",
        "views/crm_loan_alert_views.xml",
        "views/res_config_settings_views.xml",
        "views/res_partner_views.xml",
        "views/crm_loan_portal_templates.xml",
        "views/crm_loan_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_loan/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
