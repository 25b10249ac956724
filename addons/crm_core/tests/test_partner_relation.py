from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged, users

from .common import LEADER, SALESMAN


@tagged("post_install", "-at_install")
class TestPartnerRelation(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Partner = cls.env["res.partner"]
        Type = cls.env["crm.partner.relation.type"]
        cls.type_superior = cls.env.ref("crm_core.relation_type_superior")
        cls.type_relative = cls.env.ref("crm_core.relation_type_relative")
        cls.type_classmate = cls.env.ref("crm_core.relation_type_classmate")
        cls.type_mentor = Type.create({"name": "Mentor of", "name_inverse": "Mentee of"})
        cls.acme = Partner.create({"name": "Acme", "is_company": True, "customer_rank": 1})
        cls.globex = Partner.create({"name": "Globex", "is_company": True, "customer_rank": 1})
        cls.alice, cls.bob, cls.carol = Partner.create(
            [{"name": name, "parent_id": cls.acme.id} for name in ("Alice", "Bob", "Carol")]
        )
        cls.gina = Partner.create({"name": "Gina", "parent_id": cls.globex.id})
        cls.Relation = cls.env["crm.partner.relation"]

    def relate(self, left, relation_type, right, **vals):
        return self.Relation.create(
            {
                "left_partner_id": left.id,
                "type_id": relation_type.id,
                "right_partner_id": right.id,
                **vals,
            }
        )

    def seen_from(self, relation, partner):
        relation = relation.with_context(crm_relation_partner_id=partner.id)
        return relation.display_label, relation.other_partner_id

    def test_seeded_types(self):
        names = [
            self.env.ref(f"crm_core.relation_type_{key}").name_inverse
            for key in ("superior", "relative", "classmate", "former_colleague", "partner_company")
        ]
        self.assertEqual(
            names,
            [
                "Subordinate of",
                "Relative of",
                "Classmate of",
                "Former colleague of",
                "Partner company of",
            ],
        )

    def test_label_from_each_side(self):
        relation = self.relate(self.alice, self.type_mentor, self.gina, strength="strong")
        self.assertEqual(relation.display_name, "Acme, Alice Mentor of Globex, Gina")
        self.assertEqual(self.seen_from(relation, self.alice), ("Mentor of", self.gina))
        self.assertEqual(self.seen_from(relation, self.gina), ("Mentee of", self.alice))
        self.assertEqual(relation.strength, "strong")

    def test_symmetric_type(self):
        relation = self.relate(self.bob, self.type_relative, self.gina)
        self.assertEqual(self.seen_from(relation, self.bob), ("Relative of", self.gina))
        self.assertEqual(self.seen_from(relation, self.gina), ("Relative of", self.bob))
        self.assertEqual(relation.strength, "medium")
        # a symmetric type's inverse name is its name
        new_type = self.env["crm.partner.relation.type"].create(
            {"name": "Neighbour of", "is_symmetric": True}
        )
        self.assertEqual(new_type.name_inverse, "Neighbour of")

    def test_relation_count_and_action(self):
        first = self.relate(self.alice, self.type_mentor, self.gina)
        second = self.relate(self.bob, self.type_classmate, self.alice)
        self.relate(self.bob, self.type_classmate, self.carol)
        self.assertEqual(
            (self.alice | self.bob | self.carol | self.gina).mapped("relation_count"), [2, 2, 1, 1]
        )
        action = self.alice.action_view_relations()
        self.assertEqual(action["context"]["crm_relation_partner_id"], self.alice.id)
        relations = self.Relation.with_context(action["context"]).search(action["domain"])
        self.assertEqual(relations, first | second)
        self.assertEqual(
            [(r.display_label, r.other_partner_id) for r in relations.sorted("id")],
            [("Mentor of", self.gina), ("Classmate of", self.bob)],
        )

    def test_no_relation_to_itself(self):
        with self.assertRaisesRegex(ValidationError, r"Acme, Alice cannot be related to itself\."):
            self.relate(self.alice, self.type_relative, self.alice)

    def test_end_before_start(self):
        with self.assertRaisesRegex(
            ValidationError,
            r"The relation between Acme, Alice and Globex, Gina cannot end before it starts\.",
        ):
            self.relate(
                self.alice,
                self.type_classmate,
                self.gina,
                date_start="2024-05-02",
                date_end="2024-05-01",
            )
        relation = self.relate(
            self.alice,
            self.type_classmate,
            self.gina,
            date_start="2024-05-02",
            date_end="2024-05-02",
        )
        with self.assertRaisesRegex(ValidationError, "cannot end before it starts"):
            relation.date_start = "2024-06-01"

    def test_superior(self):
        self.bob.superior_id = self.alice
        self.carol.superior_id = self.bob
        self.assertEqual(self.alice.subordinate_ids, self.bob)
        self.assertEqual(self.bob.subordinate_ids, self.carol)

    def test_superior_from_another_company(self):
        with self.assertRaisesRegex(
            ValidationError,
            r"The superior of Acme, Bob must be another contact of Acme; Globex, Gina is not\.",
        ):
            self.bob.superior_id = self.gina
        with self.assertRaisesRegex(
            ValidationError,
            r"The superior of Acme, Bob must be another contact of Acme; Acme is not",
        ):
            self.bob.superior_id = self.acme

    def test_superior_moves_to_another_company(self):
        self.bob.superior_id = self.alice
        with self.assertRaisesRegex(
            ValidationError,
            r"The superior of Acme, Bob must be another contact of Acme; Globex, Alice is not\.",
        ):
            self.alice.parent_id = self.globex

    def test_superior_cycle(self):
        with self.assertRaisesRegex(ValidationError, r"Acme, Alice cannot be their own superior\."):
            self.alice.superior_id = self.alice
        self.bob.superior_id = self.alice
        self.carol.superior_id = self.bob
        with self.assertRaisesRegex(
            ValidationError,
            r"Acme, Alice cannot report to Acme, Carol: "
            r"Acme, Carol already reports to Acme, Alice\.",
        ):
            self.alice.superior_id = self.carol

    def test_relation_graph(self):
        self.alice.superior_id = self.carol
        self.bob.superior_id = self.alice
        mentor = self.relate(self.gina, self.type_mentor, self.alice, strength="strong")
        classmate = self.relate(self.alice, self.type_classmate, self.globex, strength="weak")
        graph = self.alice.get_relation_graph()

        def node(partner, center=False):
            return {
                "id": partner.id,
                "name": partner.name,
                "function": "",
                "is_company": partner.is_company,
                "center": center,
            }

        def edge(target, label, strength, kind, relation=None):
            return {
                "source": self.alice.id,
                "target": target.id,
                "label": label,
                "strength": strength,
                "kind": kind,
                "relation_id": relation.id if relation else False,
            }

        self.assertEqual(
            graph["nodes"],
            [
                node(self.alice, center=True),
                node(self.carol),
                node(self.bob),
                node(self.gina),
                node(self.globex),
            ],
        )
        self.assertEqual(
            graph["edges"],
            [
                edge(self.carol, "Superior", False, "superior"),
                edge(self.bob, "Subordinate", False, "subordinate"),
                edge(self.gina, "Mentee of", "strong", "relation", mentor),
                edge(self.globex, "Classmate of", "weak", "relation", classmate),
            ],
        )
        # archived relations are not drawn
        mentor.active = False
        self.assertEqual(
            [e["target"] for e in self.alice.get_relation_graph()["edges"]],
            [self.carol.id, self.bob.id, self.globex.id],
        )

    def test_org_graph(self):
        self.bob.superior_id = self.alice
        self.carol.superior_id = self.bob
        self.alice.function = "CEO"
        graph = self.bob.get_relation_graph(mode="org")
        self.assertEqual(
            [(n["id"], n["center"], n["function"]) for n in graph["nodes"]],
            [
                (self.acme.id, True, ""),
                (self.alice.id, False, "CEO"),
                (self.bob.id, False, ""),
                (self.carol.id, False, ""),
            ],
        )
        self.assertEqual(
            [(e["source"], e["target"], e["kind"]) for e in graph["edges"]],
            [
                (self.acme.id, self.alice.id, "member"),
                (self.alice.id, self.bob.id, "hierarchy"),
                (self.bob.id, self.carol.id, "hierarchy"),
            ],
        )


@tagged("post_install", "-at_install")
class TestPartnerRelationAccess(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.salesman_a = new_test_user(cls.env, login="rel_salesman_a", groups=SALESMAN)
        cls.salesman_b = new_test_user(cls.env, login="rel_salesman_b", groups=SALESMAN)
        cls.leader = new_test_user(cls.env, login="rel_leader", groups=LEADER)
        team = cls.env["crm.team"].create({"name": "Relation Team", "user_id": cls.leader.id})
        cls.env["crm.team.member"].create({"crm_team_id": team.id, "user_id": cls.salesman_b.id})
        Partner = cls.env["res.partner"]
        vals = {"is_company": True, "customer_rank": 1}
        cls.cust_a = Partner.create({**vals, "name": "Rel A", "user_id": cls.salesman_a.id})
        cls.cust_b = Partner.create({**vals, "name": "Rel B", "user_id": cls.salesman_b.id})
        cls.pool = Partner.create({**vals, "name": "Rel Pool"})
        cls.vendor = Partner.create({"name": "Rel Vendor", "supplier_rank": 1})
        cls.contact_a = Partner.create({"name": "Rel A Contact", "parent_id": cls.cust_a.id})
        relation_type = cls.env.ref("crm_core.relation_type_partner_company")
        Relation = cls.env["crm.partner.relation"]
        cls.rel_ab, cls.rel_a_pool, cls.rel_b_vendor, cls.rel_contact_vendor = Relation.create(
            [
                {
                    "left_partner_id": left.id,
                    "type_id": relation_type.id,
                    "right_partner_id": right.id,
                }
                for left, right in (
                    (cls.cust_a, cls.cust_b),
                    (cls.pool, cls.cust_a),
                    (cls.cust_b, cls.vendor),
                    (cls.contact_a, cls.vendor),
                )
            ]
        )
        cls.all_relations = cls.rel_ab | cls.rel_a_pool | cls.rel_b_vendor | cls.rel_contact_vendor

    def visible(self):
        return self.env["crm.partner.relation"].search([("id", "in", self.all_relations.ids)])

    @users("rel_salesman_a")
    def test_salesman_sees_relations_of_readable_partners(self):
        self.assertEqual(self.visible(), self.rel_a_pool | self.rel_contact_vendor)
        graph = self.cust_a.with_env(self.env).get_relation_graph()
        self.assertEqual([n["id"] for n in graph["nodes"]], [self.cust_a.id, self.pool.id])
        self.assertEqual(
            [(e["target"], e["label"]) for e in graph["edges"]],
            [(self.pool.id, "Partner company of")],
        )
        self.assertEqual(self.cust_a.with_env(self.env).relation_count, 1)

    @users("rel_salesman_b")
    def test_other_salesman(self):
        self.assertEqual(self.visible(), self.rel_b_vendor)

    @users("rel_leader")
    def test_team_leader(self):
        # the leader reads B's customer (their team), the pool and the vendor, not A's
        self.assertEqual(self.visible(), self.rel_b_vendor)
        self.cust_a.sudo().user_id = self.leader
        self.assertEqual(self.visible(), self.all_relations)
