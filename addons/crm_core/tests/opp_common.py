from odoo import Command

from .common import CrmCoreCommon


class CrmOpportunityCommon(CrmCoreCommon):
    """Pricelists for the price policy and a stage pipeline with exit requirements."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.group_ids += cls.env.ref("product.group_product_pricelist")
        Pricelist = cls.env["product.pricelist"]
        # Odoo's fallback for a customer without a list is the first list of the company.
        Pricelist.search([]).active = False
        cls.default_list = Pricelist.create(
            {
                "name": "Company Default",
                "sequence": 1,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "percent_price": 5,
                        }
                    )
                ],
            }
        )
        cls.customer_list = Pricelist.create(
            {
                "name": "Key Accounts",
                "sequence": 20,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "percent_price": 20,
                        }
                    ),
                    # volume discount: from 10 units
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "percent_price": 30,
                            "min_quantity": 10,
                        }
                    ),
                ],
            }
        )
        cls.salesman_list = Pricelist.create(
            {
                "name": "Salesperson A",
                "sequence": 30,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "percent_price": 10,
                        }
                    )
                ],
            }
        )
        cls.salesman_a.crm_pricelist_id = cls.salesman_list
        cls.gadget = cls.env["product.product"].create(
            {"name": "Opp Gadget", "list_price": 100.0, "sale_ok": True}
        )
        cls.service = cls.env["product.product"].create(
            {"name": "Opp Service", "list_price": 40.0, "sale_ok": True, "type": "service"}
        )
        Stage = cls.env["crm.stage"]
        cls.stage_qualify = Stage.create({"name": "Opp Qualify", "sequence": 101})
        cls.stage_proposal = Stage.create({"name": "Opp Proposal", "sequence": 102})
        cls.stage_negotiation = Stage.create({"name": "Opp Negotiation", "sequence": 103})
        cls.stage_won = Stage.create({"name": "Opp Won", "sequence": 90, "is_won": True})
        cls.req_needs = cls.env["crm.stage.requirement"].create(
            {"stage_id": cls.stage_qualify.id, "name": "Needs confirmed", "sequence": 1}
        )
        cls.req_demo = cls.env["crm.stage.requirement"].create(
            {"stage_id": cls.stage_proposal.id, "name": "Demo done", "sequence": 1}
        )
        cls.req_quote = cls.env["crm.stage.requirement"].create(
            {
                "stage_id": cls.stage_proposal.id,
                "name": "Quotation sent",
                "kind": "document",
                "sequence": 2,
            }
        )
