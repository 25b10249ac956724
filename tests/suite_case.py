"""Base class for the cross-addon tests outside any addon."""

from odoo.tests import TransactionCase


class SuiteCase(TransactionCase):
    # Odoo sets these only for test classes inside odoo.addons.*; pytest-odoo
    # instantiates ours directly, so they are declared here.
    test_tags = {"standard"}
    test_module = "crm_suite"
