from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command


class CrmQuotationCompare(models.TransientModel):
    _name = "crm.quotation.compare"
    _description = "Compare Quotation Versions"

    old_order_id = fields.Many2one("sale.order", string="Old Version", required=True)
    new_order_id = fields.Many2one(
        "sale.order",
        string="New Version",
        required=True,
        domain="[('version_root_id', '=', version_root_id), ('id', '!=', old_order_id)]",
    )
    version_root_id = fields.Many2one(related="old_order_id.version_root_id")
    line_ids = fields.One2many(
        "crm.quotation.compare.line", "compare_id", string="Differences", readonly=True
    )
    has_differences = fields.Boolean(compute="_compute_has_differences")

    @api.depends("line_ids")
    def _compute_has_differences(self):
        for wizard in self:
            wizard.has_differences = bool(wizard.line_ids)

    def action_compare(self):
        self.ensure_one()
        self._ensure_comparable()
        self.line_ids = [Command.clear()] + [
            Command.create(vals) for vals in self._diff_lines(self.old_order_id, self.new_order_id)
        ]
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _ensure_comparable(self):
        old, new = self.old_order_id, self.new_order_id
        if old == new:
            raise UserError(self.env._("Choose two different versions of %(name)s.", name=old.name))
        if not old.version_root_id or old.version_root_id != new.version_root_id:
            raise UserError(
                self.env._(
                    "%(old)s and %(new)s are not versions of the same quotation.",
                    old=old.name,
                    new=new.name,
                )
            )

    @api.model
    def _diff_lines(self, old, new):
        """Values of the compare lines: products added, removed and changed
        (quantity, unit price, discount) from `old` to `new`. Lines match by
        product; a product on several lines matches by description, then in
        the order of the lines."""
        old_by_product, new_by_product = defaultdict(list), defaultdict(list)
        for line in old.order_line.filtered(lambda sol: sol.product_id and not sol.is_downpayment):
            old_by_product[line.product_id].append(line)
        for line in new.order_line.filtered(lambda sol: sol.product_id and not sol.is_downpayment):
            new_by_product[line.product_id].append(line)
        pairs = []
        for product in list(old_by_product) + [
            p for p in new_by_product if p not in old_by_product
        ]:
            olds, news = old_by_product.get(product, []), new_by_product.get(product, [])
            if len(olds) > 1 or len(news) > 1:
                for old_line in list(olds):
                    match = next((n for n in news if n.name == old_line.name), None)
                    if match:
                        pairs.append((old_line, match))
                        olds.remove(old_line)
                        news.remove(match)
            for index in range(max(len(olds), len(news))):
                pairs.append(
                    (
                        olds[index] if index < len(olds) else None,
                        news[index] if index < len(news) else None,
                    )
                )
        result = []
        for old_line, new_line in pairs:
            vals = self._diff_values(old_line, new_line)
            if vals:
                result.append(vals)
        order = {"changed": 0, "added": 1, "removed": 2}
        result.sort(key=lambda vals: order[vals["change"]])
        return result

    @api.model
    def _diff_values(self, old_line, new_line):
        line = new_line or old_line
        vals = {
            "product_id": line.product_id.id,
            "name": line.name,
            "old_qty": old_line.product_uom_qty if old_line else 0.0,
            "new_qty": new_line.product_uom_qty if new_line else 0.0,
            "old_price_unit": old_line.price_unit if old_line else 0.0,
            "new_price_unit": new_line.price_unit if new_line else 0.0,
            "old_discount": old_line.discount if old_line else 0.0,
            "new_discount": new_line.discount if new_line else 0.0,
        }
        if not old_line:
            vals["change"] = "added"
        elif not new_line:
            vals["change"] = "removed"
        elif (
            line.product_uom_id.compare(old_line.product_uom_qty, new_line.product_uom_qty)
            or line.currency_id.compare_amounts(old_line.price_unit, new_line.price_unit)
            or old_line.discount != new_line.discount
        ):
            vals["change"] = "changed"
        else:
            return {}
        return vals
