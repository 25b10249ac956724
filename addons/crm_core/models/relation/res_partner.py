from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain


class ResPartner(models.Model):
    _inherit = "res.partner"

    # A contact's place in its company: the org chart follows superior_id.
    department = fields.Char(help="The department of the contact within its company.")
    birthday = fields.Date()
    superior_id = fields.Many2one(
        "res.partner",
        string="Superior",
        index="btree_not_null",
        ondelete="set null",
        help="Another contact of the same company this contact reports to.",
    )
    subordinate_ids = fields.One2many("res.partner", "superior_id", string="Subordinates")
    relation_count = fields.Integer(string="Relations", compute="_compute_relation_count")

    @api.constrains("superior_id", "parent_id", "is_company")
    def _check_superior_id(self):
        for partner in self | self.subordinate_ids:
            superior = partner.superior_id
            if not superior:
                continue
            if superior == partner:
                raise ValidationError(
                    self.env._(
                        "%(contact)s cannot be their own superior.", contact=partner.display_name
                    )
                )
            commercial = partner.commercial_partner_id
            if superior.commercial_partner_id != commercial or superior == commercial:
                raise ValidationError(
                    self.env._(
                        "The superior of %(contact)s must be another contact of %(company)s;"
                        " %(superior)s is not.",
                        contact=partner.display_name,
                        company=commercial.display_name,
                        superior=superior.display_name,
                    )
                )
        for partner in self:
            if partner.superior_id and partner._has_cycle("superior_id"):
                raise ValidationError(
                    self.env._(
                        "%(contact)s cannot report to %(superior)s: %(superior)s already"
                        " reports to %(contact)s.",
                        contact=partner.display_name,
                        superior=partner.superior_id.display_name,
                    )
                )

    def _compute_relation_count(self):
        Relation = self.env["crm.partner.relation"]
        counts = dict.fromkeys(self.ids, 0)
        for side in ("left_partner_id", "right_partner_id"):
            for partner, count in Relation._read_group(
                Domain(side, "in", self.ids), [side], ["__count"]
            ):
                counts[partner.id] += count
        for partner in self:
            partner.relation_count = counts.get(partner.id, 0)

    def action_view_relations(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Relations of %(partner)s", partner=self.display_name),
            "res_model": "crm.partner.relation",
            "view_mode": "list,form",
            "views": [
                (self.env.ref("crm_core.crm_partner_relation_view_list_partner").id, "list"),
                (False, "form"),
            ],
            "domain": list(self._get_relation_domain()),
            "context": {
                "crm_relation_partner_id": self.id,
                "default_left_partner_id": self.id,
            },
        }

    @api.model
    def _get_relation_domain(self):
        return Domain("left_partner_id", "in", self.ids) | Domain(
            "right_partner_id", "in", self.ids
        )

    def _get_graph_node(self, partner, center=False):
        return {
            "id": partner.id,
            "name": partner.name or partner.display_name,
            "function": partner.function or "",
            "is_company": partner.is_company,
            "center": center,
        }

    def get_relation_graph(self, mode="relations"):
        """The nodes and edges the relationship graph widget draws, limited to the
        partners the current user may read.

        ``relations``: this partner in the centre, its related partners, its
        superior and its subordinates; each edge is labelled from this partner's
        point of view. ``org``: the company of this partner and its contacts,
        linked from each superior to their subordinates.
        """
        self.ensure_one()
        self.check_access("read")
        nodes, edges = {}, []

        def add_edge(source, target, label, strength, kind, relation_id=False):
            for partner in (source, target):
                if partner.id not in nodes:
                    nodes[partner.id] = self._get_graph_node(partner)
            edges.append(
                {
                    "source": source.id,
                    "target": target.id,
                    "label": label,
                    "strength": strength,
                    "kind": kind,
                    "relation_id": relation_id,
                }
            )

        if mode == "org":
            company = self.commercial_partner_id
            company.check_access("read")
            nodes[company.id] = self._get_graph_node(company, center=True)
            contacts = self.search(
                [
                    ("commercial_partner_id", "=", company.id),
                    ("id", "!=", company.id),
                    ("type", "=", "contact"),
                ],
                order="id",
            )
            for contact in contacts:
                superior = contact.superior_id
                if superior in contacts:
                    add_edge(superior, contact, "", False, "hierarchy")
                else:
                    add_edge(company, contact, "", False, "member")
            return {"nodes": list(nodes.values()), "edges": edges}

        nodes[self.id] = self._get_graph_node(self, center=True)
        readable = self.superior_id | self.subordinate_ids
        relations = self.env["crm.partner.relation"].search(self._get_relation_domain(), order="id")
        readable = (
            readable | relations.left_partner_id | relations.right_partner_id
        )._filtered_access("read")
        if self.superior_id and self.superior_id in readable:
            add_edge(self, self.superior_id, self.env._("Superior"), False, "superior")
        for subordinate in self.subordinate_ids.sorted("id"):
            if subordinate in readable:
                add_edge(self, subordinate, self.env._("Subordinate"), False, "subordinate")
        for relation in relations:
            other = relation._get_other_partner(self.id)
            if other in readable:
                add_edge(
                    self,
                    other,
                    relation._get_label(self.id),
                    relation.strength,
                    "relation",
                    relation.id,
                )
        return {"nodes": list(nodes.values()), "edges": edges}
