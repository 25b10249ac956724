{
    "name": "CRM Suite: screens after uninstall (test only)",
    "summary": "make test installs it after uninstalling our addons: Odoo's CRM and Sales "
    "screens still open",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tests",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm", "sale_management"],
    "assets": {
        "web.assets_tests": ["crm_suite_uninstall_check/static/tests/*.js"],
    },
    "installable": True,
}
