"""Start Odoo with the at_install tests of the selected modules run post-install.

Odoo runs a module's at_install tests while it installs that module, before the
modules that depend on it exist. To check that our record rules do not break
Odoo's own crm and sale tests, those tests must also run with our addons
installed. On a database where everything is installed, this wrapper runs an
ordinary `--test-enable` server whose post-install phase takes the selected
modules' at_install tests (their post_install tests already ran with our
addons installed).
"""

import sys

import odoo.tests.loader as loader
from odoo.cli.command import main

_make_suite = loader.make_suite


def make_suite(module_names, position="at_install"):
    if position == "at_install":
        return _make_suite([], position)
    return _make_suite(module_names, "at_install")


loader.make_suite = make_suite

if __name__ == "__main__":
    sys.argv[0] = "odoo"
    main()
