from odoo.tests import tagged

from .common_parts import CrmServicePartsCommon


@tagged("post_install", "-at_install")
class TestServiceTechnicianReport(CrmServicePartsCommon):
    """Technician load, satisfaction and parts cost on tech 1's order in
    progress (2 planned hours), two return visits and two parts consumed."""

    def test_load_satisfaction_parts_cost(self):
        self.belt.standard_price = 5.0
        self.roller.standard_price = 20.0
        self._requisition(
            self.tech_1,
            {"product_id": self.belt.id, "quantity": 3},
            {"product_id": self.roller.id, "lot_id": self.r1.id},
        )
        consumed = self._moves(
            self.tech_1,
            {
                "move_type": "consumption",
                "order_id": self.order.id,
                "product_id": self.belt.id,
                "quantity": 2,
                "return_old": False,
            },
            {
                "move_type": "consumption",
                "order_id": self.order.id,
                "product_id": self.roller.id,
                "lot_id": self.r1.id,
                "old_lot_name": "OLD-1",
            },
        )
        consumed.action_validate()
        # two scored visits of tech 1 (4 and 1), on two requests; tech 2 has one (5)
        other = self._new_request(name="Second")
        third = self._new_request(name="Third", team=self.team_b, user=self.agent_b)
        Visit = self.env["crm.service.visit"]
        for ticket, technicians, score in (
            (self.ticket, self.tech_1, 4),
            (other, self.tech_1, 1),
            (third, self.tech_2, 5),
        ):
            Visit.create(
                {
                    "ticket_id": ticket.id,
                    "planned_date": "2026-03-05",
                    "state": "done",
                    "score": score,
                    "technician_ids": technicians.ids,
                }
            )
        Report = self.env["crm.service.technician.report"]
        rows = Report._read_group(
            [("user_id", "in", (self.tech_1 | self.tech_2).ids)],
            ["user_id"],
            ["order_count:sum", "order_hours:sum", "satisfaction:avg", "part_cost:sum"],
        )
        self.assertEqual(
            [(user.name, *values) for user, *values in rows],
            [("Tech 1", 1, 2.0, 2.5, 30.0), ("Tech 2", 0, 0.0, 5.0, 0.0)],
        )
        # parts cost per product: 2 belts at 5, a roller at 20
        parts = Report._read_group(
            [("kind", "=", "part"), ("user_id", "=", self.tech_1.id)],
            ["product_id"],
            ["part_qty:sum", "part_cost:sum"],
        )
        self.assertEqual(
            sorted((product.name, qty, cost) for product, qty, cost in parts),
            [("Drive Belt", 2.0, 10.0), ("Feed Roller", 1.0, 20.0)],
        )
        # the satisfaction over all technicians: (4 + 1 + 5) / 3, not (2.5 + 5) / 2
        [[overall]] = Report._read_group(
            [("user_id", "in", (self.tech_1 | self.tech_2).ids)], [], ["satisfaction:avg"]
        )
        self.assertAlmostEqual(overall, 10 / 3)
