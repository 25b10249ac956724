"""pytest-odoo runs these against the all-addons database that `make test` builds."""
