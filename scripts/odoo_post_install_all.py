"""Start Odoo with some modules' at_install tests run post-install.

Odoo runs a module's at_install tests while it installs that module, before the
modules that depend on it exist. To check that our record rules and overrides do
not break Odoo's own crm and sale tests, those tests must run with our addons
installed. On a database where everything is installed, this wrapper runs an
ordinary `--test-enable` server in which no test runs while the modules load, and
the post-install phase takes the post_install tests selected by `--test-tags` plus
the at_install tests of the modules named in CRM_AT_INSTALL_AS_POST.
"""

import os
import sys

import odoo.tests.loader as loader
from odoo.cli.command import main
from odoo.tests.suite import OdooSuite

_make_suite = loader.make_suite
AS_POST = [m for m in os.environ.get("CRM_AT_INSTALL_AS_POST", "").split(",") if m]


def make_suite(module_names, position="at_install"):
    if position == "at_install":
        return _make_suite([], position)
    tests = list(_make_suite(module_names, "post_install"))
    tests += list(_make_suite([m for m in AS_POST if m in module_names], "at_install"))
    return OdooSuite(tests)


loader.make_suite = make_suite

if __name__ == "__main__":
    sys.argv[0] = "odoo"
    main()
