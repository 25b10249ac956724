from odoo import api, fields, models


class CrmServiceNumbered(models.AbstractModel):
    """A service document numbered from the sequence whose code is its model name
    (work orders, settlements, return visits)."""

    _name = "crm.service.numbered"
    _description = "Numbered Service Document"

    name = fields.Char(default="New", copy=False, readonly=True, index="trigram")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "New") == "New":
                vals["name"] = self.env["ir.sequence"].next_by_code(self._name) or "New"
        return super().create(vals_list)
