from odoo import api, models


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _load_module_terms(self, modules, langs, overwrite=False):
        result = super()._load_module_terms(modules, langs, overwrite=overwrite)
        if "crm_core" in modules:
            # Name the pools the system made in the languages just installed (a pool
            # per company and per team: a few dozen records).
            pools = (
                self.env["crm.pool"]
                .sudo()
                .with_context(active_test=False)
                .search([("company_id", "!=", False)])
            )
            pools._refresh_system_names()
        return result
