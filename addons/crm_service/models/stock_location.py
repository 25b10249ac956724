from odoo import fields, models


class StockLocation(models.Model):
    """The technicians' own stock (their van or bag), the defective parts taken
    off at customers and the units returned for factory repair: internal
    locations made on demand under the parts warehouse's view location, beside
    (not under) its stock location, so that the warehouse's deliveries never
    reserve a technician's parts."""

    _inherit = "stock.location"

    service_technician_id = fields.Many2one(
        "res.users",
        string="Technician",
        index="btree_not_null",
        ondelete="restrict",
        help="The technician whose parts this location holds.",
    )
    service_defective = fields.Boolean(
        string="Defective Parts",
        help="Where the parts taken off at customers are received.",
    )
    service_repair = fields.Boolean(
        string="Factory Repair",
        help="Where the customers' units returned to the factory wait and are repaired.",
    )

    _service_technician_unique = models.UniqueIndex(
        "(service_technician_id, company_id) WHERE service_technician_id IS NOT NULL",
        "A technician has one stock location per company.",
    )
    _service_defective_unique = models.UniqueIndex(
        "(company_id) WHERE service_defective AND active",
        "A company has one defective-parts location.",
    )
    _service_repair_unique = models.UniqueIndex(
        "(company_id) WHERE service_repair AND active",
        "A company has one factory-repair location.",
    )

    def _service_parts_warehouse(self, company):
        warehouse = (
            self.env["stock.warehouse"]
            .sudo()
            .search([("company_id", "=", company.id)], order="sequence, id", limit=1)
        )
        return warehouse

    def _service_technician_location(self, user, company):
        """The technician's location in the company, made the first time."""
        Location = self.sudo().with_context(active_test=False)
        location = Location.search(
            [("service_technician_id", "=", user.id), ("company_id", "=", company.id)], limit=1
        )
        if not location:
            warehouse = self._service_parts_warehouse(company)
            location = Location.create(
                {
                    "name": user.name,
                    "usage": "internal",
                    "location_id": warehouse.view_location_id.id,
                    "company_id": company.id,
                    "service_technician_id": user.id,
                }
            )
        return location.with_env(self.env)

    def _service_defective_location(self, company):
        return self._service_flagged_location(
            company, "service_defective", self.env._("Defective Parts")
        )

    def _service_repair_location(self, company):
        return self._service_flagged_location(
            company, "service_repair", self.env._("Factory Repair")
        )

    def _service_flagged_location(self, company, flag, name):
        """The company's location of this flag, made the first time."""
        Location = self.sudo()
        location = Location.search([(flag, "=", True), ("company_id", "=", company.id)], limit=1)
        if not location:
            warehouse = self._service_parts_warehouse(company)
            location = Location.create(
                {
                    "name": name,
                    "usage": "internal",
                    "location_id": warehouse.view_location_id.id,
                    "company_id": company.id,
                    flag: True,
                }
            )
        return location.with_env(self.env)
