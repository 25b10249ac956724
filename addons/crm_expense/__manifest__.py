{
    "name": "CRM Expenses",
    "summary": "Expense requests tied to any business document: approval, advances, payouts, "
    "reimbursement through Odoo's expenses, cross-tab analysis and Excel export",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_core", "hr_expense", "sale_expense", "report_xlsx"],
    "data": [
        "security/crm_expense_security.xml",
        "security/ir.model.access.csv",
        "data/crm_expense_data.xml",
        "report/crm_expense_reports.xml",
        "wizard/crm_expense_advance_views.xml",
        "wizard/crm_expense_analysis_export_views.xml",
        "views/crm_expense_request_views.xml",
        "views/crm_expense_payout_views.xml",
        "views/crm_expense_analysis_views.xml",
        "views/crm_expense_document_views.xml",
        "views/hr_expense_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_expense_menus.xml",
        "data/crm_expense_filters.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_expense/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
