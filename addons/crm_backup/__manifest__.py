{
    "name": "CRM Database Backups",
    "summary": "Daily backup of the database with its filestore in Odoo's own format, "
    "retention by day and week, a log of every run and an alert when one fails",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["base", "mail"],
    "data": [
        "security/ir.model.access.csv",
        "data/crm_backup_data.xml",
        "views/crm_backup_run_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_backup_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_backup/static/tests/tours/*.js",
        ],
    },
    "installable": True,
    "application": False,
}
