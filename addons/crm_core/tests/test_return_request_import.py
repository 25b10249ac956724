from odoo import Command
from odoo.tests import tagged

from .return_common import CrmReturnCommon


@tagged("post_install", "-at_install")
class TestReturnRequestImport(CrmReturnCommon):
    def _import(self, model, header, rows):
        content = "\n".join([",".join(header)] + [",".join(row) for row in rows])
        wizard = self.env["base_import.import"].create(
            {"res_model": model, "file": content.encode(), "file_type": "text/csv"}
        )
        return wizard.execute_import(
            header,
            header,
            {"quoting": '"', "separator": ",", "has_headers": True},
        )

    def test_import_request_with_lines(self):
        header = [
            "type",
            "sale_order_id",
            "reason",
            "line_ids/sale_line_id/.id",
            "line_ids/requested_qty",
            "line_ids/reason",
        ]
        rows = [
            [
                "exchange",
                self.order.name,
                "Scratched",
                str(self.widget_line.id),
                "2",
                "Scratch",
            ],
            ["", "", "", str(self.gadget_line.id), "1", "Dent"],
        ]
        result = self._import("crm.return.request", header, rows)
        self.assertEqual(result["messages"], [])
        request = self.env["crm.return.request"].browse(result["ids"])
        self.assertRecordValues(
            request,
            [
                {
                    "type": "exchange",
                    "sale_order_id": self.order.id,
                    "reason": "Scratched",
                    "state": "draft",
                    "user_id": self.salesman_a.id,
                }
            ],
        )
        self.assertRecordValues(
            request.line_ids,
            [
                {
                    "sale_line_id": self.widget_line.id,
                    "requested_qty": 2.0,
                    "reason": "Scratch",
                    "returnable_qty": 5.0,
                },
                {
                    "sale_line_id": self.gadget_line.id,
                    "requested_qty": 1.0,
                    "reason": "Dent",
                    "returnable_qty": 2.0,
                },
            ],
        )

    def test_import_refuses_too_much(self):
        header = ["sale_order_id", "line_ids/sale_line_id/.id", "line_ids/requested_qty"]
        rows = [[self.order.name, str(self.gadget_line.id), "3"]]
        result = self._import("crm.return.request", header, rows)
        self.assertFalse(result["ids"])
        self.assertEqual(len(result["messages"]), 1)
        self.assertRegex(result["messages"][0]["message"], r"at most 2.0 can be returned")
        self.assertFalse(
            self.env["crm.return.request"].search([("sale_order_id", "=", self.order.id)])
        )

    def test_import_sale_order_with_lines(self):
        header = [
            "partner_id",
            "client_order_ref",
            "order_line/product_id",
            "order_line/product_uom_qty",
            "order_line/price_unit",
        ]
        rows = [
            ["Matrix Customer b", "IMP-1", "Return Widget", "4", "90"],
            ["", "", "Return Gadget", "1", "35"],
        ]
        result = self._import("sale.order", header, rows)
        self.assertEqual(result["messages"], [])
        order = self.env["sale.order"].browse(result["ids"])
        self.assertRecordValues(
            order, [{"partner_id": self.customers["b"].id, "client_order_ref": "IMP-1"}]
        )
        self.assertRecordValues(
            order.order_line,
            [
                {"product_id": self.widget.id, "product_uom_qty": 4.0, "price_unit": 90.0},
                {"product_id": self.gadget.id, "product_uom_qty": 1.0, "price_unit": 35.0},
            ],
        )

    def test_export_request_with_lines(self):
        request = self.env["crm.return.request"].create(
            {
                "sale_order_id": self.order.id,
                "line_ids": [
                    Command.create({"sale_line_id": self.widget_line.id, "requested_qty": 2}),
                    Command.create({"sale_line_id": self.gadget_line.id, "requested_qty": 1}),
                ],
            }
        )
        rows = request.export_data(
            ["name", "type", "line_ids/product_id", "line_ids/requested_qty"]
        )["datas"]
        self.assertEqual(
            rows,
            [
                [request.name, "Return", "Return Widget", 2.0],
                ["", "", "Return Gadget", 1.0],
            ],
        )
