# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from .common import MAP_USER_GROUPS as USER_GROUP
from .common import make_fixture


def add_relations(env, data):
    """Two relations between the same two people (the boss, an employee,
    and the supplier, a contact), one that has ended and one with a
    contact of another company."""
    Relation = env["hr.person.relation"]
    boss = data["boss"].work_contact_id
    supplier = data["supplier_partner"]
    mentor = env.ref("hr_relationship.relationship_type_mentor")
    introduced = env.ref("hr_relationship.relationship_type_introduced")
    colleague = env.ref("hr_relationship.relationship_type_former_colleague")
    company_b = env["res.company"].search([("name", "=", "Map Relations B")])
    company_b = company_b or env["res.company"].create({"name": "Map Relations B"})
    hidden = env["res.partner"].create(
        {"name": "Hidden contact", "company_id": company_b.id}
    )
    env["hr.stakeholder"].sudo().create(
        {"partner_id": hidden.id, "company_id": company_b.id, "relation_type": "other"}
    )
    return {
        "mentor": Relation.create(
            {
                "left_partner_id": boss.id,
                "type_id": mentor.id,
                "right_partner_id": supplier.id,
            }
        ),
        "introduced": Relation.create(
            {
                "left_partner_id": supplier.id,
                "type_id": introduced.id,
                "right_partner_id": boss.id,
            }
        ),
        "ended": Relation.create(
            {
                "left_partner_id": boss.id,
                "type_id": colleague.id,
                "right_partner_id": supplier.id,
                "date_start": date(2020, 1, 1),
                "date_end": date(2021, 1, 1),
            }
        ),
        "hidden": Relation.create(
            {
                "left_partner_id": boss.id,
                "type_id": introduced.id,
                "right_partner_id": hidden.id,
            }
        ),
    }


@tagged("post_install", "-at_install")
class TestRelationshipMapRelations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.hr_user = new_test_user(cls.env, "map_rel_user", groups=USER_GROUP)
        cls.data = make_fixture(cls.env, "R", cls.hr_user)
        cls.relations = add_relations(cls.env, cls.data)
        cls.Map = cls.env["hr.relationship.map"].with_user(cls.hr_user)
        # The boss is also a stakeholder: one node, the stakeholder's.
        cls.boss_key = f"stakeholder_{cls.data['boss_stakeholder'].id}"
        cls.supplier_key = f"stakeholder_{cls.data['supplier'].id}"

    def relation_edges(self, graph):
        return {
            edge["relation_id"]: edge
            for edge in graph["edges"]
            if edge["type"] == "person_relation"
        }

    def test_each_relation_is_its_own_line(self):
        graph = self.Map.get_graph(limit=10000, choices=True)
        edges = self.relation_edges(graph)
        mentor = edges[self.relations["mentor"].id]
        introduced = edges[self.relations["introduced"].id]
        self.assertEqual(
            (mentor["source"], mentor["target"]), (self.boss_key, self.supplier_key)
        )
        self.assertEqual(
            (mentor["label"], mentor["inverse_label"]), ("Mentor of", "Mentee of")
        )
        self.assertEqual(
            (introduced["source"], introduced["target"]),
            (self.supplier_key, self.boss_key),
        )
        self.assertEqual(introduced["inverse_label"], "Introduced by")
        # The ended relation is not drawn, nor the one to a person of a
        # company the user is not in.
        self.assertNotIn(self.relations["ended"].id, edges)
        self.assertNotIn(self.relations["hidden"].id, edges)
        types = dict(graph["person_relation_types"])
        self.assertEqual(types[self.relations["mentor"].type_id.id], "Mentor of")

    def test_filter_per_relation_type(self):
        mentor_type = self.relations["mentor"].type_id
        graph = self.Map.get_graph(
            filters={"person_relation_type_ids": [mentor_type.id]}, limit=10000
        )
        edges = self.relation_edges(graph)
        ours = {relation.id for relation in self.relations.values()}
        self.assertEqual(set(edges) & ours, {self.relations["mentor"].id})
        self.assertEqual(
            {edge["relation_type_id"] for edge in edges.values()}, {mentor_type.id}
        )
        # Other lines stay.
        self.assertTrue(
            any(edge["type"] == "stakeholder_project" for edge in graph["edges"])
        )
        # A focus on the supplier reaches the boss through the relations.
        graph = self.Map.get_graph(focus=self.supplier_key, depth=1)
        self.assertIn(self.boss_key, {node["id"] for node in graph["nodes"]})

    def test_query_count_is_constant(self):
        self.Map.get_graph()  # warm the rule and access caches
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        small = self.Map.get_graph(limit=10000)
        count = self.env.cr.sql_log_count - before
        for suffix in ("S", "T"):
            add_relations(self.env, make_fixture(self.env, suffix, self.hr_user))
        self.env.invalidate_all()
        with self.assertQueryCount(count):
            large = self.Map.get_graph(limit=10000)
        self.assertGreater(
            len(self.relation_edges(large)), len(self.relation_edges(small))
        )


@tagged("post_install", "-at_install")
class TestRelationshipMapRelationsTour(HttpCase):
    def test_relations_tour(self):
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        data = make_fixture(env, "RelTour", env.ref("base.user_admin"))
        data["supplier_partner"].name = "Relations Tour Supplier"
        add_relations(env, data)
        self.start_tour(
            "/odoo/action-hr_relationship.action_relationship_map",
            "hr_relationship_map_relations_tour",
            login="admin",
        )
