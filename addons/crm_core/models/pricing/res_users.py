from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    # Price policy: the list a salesperson quotes from when the customer has none.
    crm_pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Salesperson Pricelist",
        ondelete="set null",
        help="Used for opportunity product lines and new quotations when the customer has"
        " no pricelist of their own.",
    )

    def _crm_get_pricelist(self, partner, company):
        """The customer's own pricelist, else this salesperson's, else the company
        default Odoo computes for the customer (country group, then first list)."""
        partner = partner.with_company(company)
        pricelists_enabled = self.env["res.groups"]._is_feature_enabled(
            "product.group_product_pricelist"
        )
        own = partner.specific_property_product_pricelist
        if pricelists_enabled and own and own.active:
            return own
        salesperson_list = self.sudo().crm_pricelist_id
        if salesperson_list and salesperson_list.company_id in (company, company.browse()):
            return salesperson_list.sudo(False)
        return partner.property_product_pricelist
