# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import gc
import json
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools import SQL, config

from ..tools.large_read import collector_paused
from ..tools.relationship_map_reader import IdSets
from .common import MAP_USER_GROUPS as USER_GROUP
from .common import SECRET, canvas_map_url, make_fixture


@tagged("post_install", "-at_install")
class TestRelationshipMap(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.hr_user = new_test_user(cls.env, "map_hr_user", groups=USER_GROUP)
        cls.hr_employee = cls.env["hr.employee"].create(
            {"name": "Map HR Partner", "user_id": cls.hr_user.id}
        )
        cls.data = make_fixture(cls.env, "A", cls.hr_user)
        cls.Map = cls.env["hr.relationship.map"].with_user(cls.hr_user)

    def key(self, name):
        record = self.data[name]
        prefix = {
            "hr.employee": "employee",
            "hr.department": "department",
            "hr.internal.client": "internal_client",
            "hr.stakeholder": "stakeholder",
            "project.project": "project",
        }[record._name]
        return f"{prefix}_{record.id}"

    @staticmethod
    def edge_set(graph):
        return {
            (edge["source"], edge["target"], edge["type"]) for edge in graph["edges"]
        }

    def test_graph_content(self):
        graph = self.Map.get_graph(limit=10000)
        # The overview starts from the most important records: no focus.
        self.assertEqual(graph["focus"], [])
        nodes = {node["id"]: node for node in graph["nodes"]}
        for name, node_type in [
            ("boss_stakeholder", "stakeholder"),
            ("worker", "employee"),
            ("department", "department"),
            ("client", "internal_client"),
            ("supplier", "stakeholder"),
            ("project", "project"),
        ]:
            self.assertEqual(nodes[self.key(name)]["type"], node_type)
        supplier = nodes[self.key("supplier")]
        self.assertEqual(supplier["relation_type"], "supplier")
        self.assertEqual(supplier["influence"], 3)
        self.assertTrue(supplier["external"])
        self.assertEqual(
            (supplier["res_model"], supplier["res_id"]),
            ("hr.stakeholder", self.data["supplier"].id),
        )
        hr_key = f"employee_{self.hr_employee.id}"
        edges = self.edge_set(graph)
        # The boss is one node: the stakeholder, with the employee's lines.
        boss = self.key("boss_stakeholder")
        expected = {
            (self.key("worker"), boss, "manager"),
            (self.key("worker"), self.key("department"), "department"),
            (self.key("client"), self.key("department"), "client_department"),
            (self.key("client"), boss, "client_lead"),
            (self.key("client"), hr_key, "hr_partner"),
            (boss, self.key("client"), "stakeholder_client"),
            (self.key("supplier"), self.key("project"), "stakeholder_project"),
            (self.key("project"), hr_key, "project_manager"),
            (self.key("project"), self.key("client"), "project_client"),
            (hr_key, self.key("boss_stakeholder"), "interaction"),
            (hr_key, self.key("supplier"), "interaction"),
            (hr_key, self.key("client"), "interaction"),
        }
        self.assertLessEqual(expected, edges)
        interaction = next(
            edge
            for edge in graph["edges"]
            if edge["type"] == "interaction"
            and edge["target"] == self.key("boss_stakeholder")
        )
        self.assertEqual(interaction["weight"], 3)
        self.assertEqual(interaction["last_date"], "2026-01-03")
        client_line = next(
            edge
            for edge in graph["edges"]
            if edge["type"] == "interaction" and edge["target"] == self.key("client")
        )
        self.assertEqual(client_line["weight"], 1)
        self.assertEqual(client_line["last_date"], "2026-03-01")
        self.assertEqual(graph["truncated"], 0)
        self.assertEqual(graph["total"], len(graph["nodes"]))

    def test_one_person_one_node(self):
        """An employee who is also a stakeholder is drawn once, as the
        stakeholder carrying the employee's role and lines; a focus on
        either record opens that one node."""
        graph = self.Map.get_graph(limit=10000)
        ids = [node["id"] for node in graph["nodes"]]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertNotIn(self.key("boss"), ids)
        boss = next(
            n for n in graph["nodes"] if n["id"] == self.key("boss_stakeholder")
        )
        self.assertEqual(boss["roles"], ["stakeholder", "employee"])
        self.assertEqual(boss["employee_id"], self.data["boss"].id)
        self.assertFalse(boss["external"])
        self.assertNotIn("stakeholder_employee", {e["type"] for e in graph["edges"]})
        # The HR user is their employee: one node for both.
        self.assertFalse([key for key in ids if key.startswith("user_")])
        for focus in (
            self.key("boss"),
            {"model": "hr.employee", "id": self.data["boss"].id},
            {"model": "res.users", "id": self.hr_user.id},
        ):
            graph = self.Map.get_graph(focus=focus, depth=0)
            self.assertEqual(len(graph["nodes"]), 1, focus)
        graph = self.Map.get_graph(focus=self.key("boss"), depth=1)
        self.assertEqual(graph["focus"], [self.key("boss_stakeholder")])
        ids = {node["id"] for node in graph["nodes"]}
        self.assertLessEqual(
            {
                self.key("worker"),
                self.key("client"),
                f"employee_{self.hr_employee.id}",
            },
            ids,
        )

    def test_alumnus_is_one_node(self):
        """An alumnus is one person: the archived employee record they left
        behind is part of the alumnus stakeholder's node, whichever record
        the map reaches first, and is counted once."""
        graph = self.Map.get_graph(limit=10000)
        ids = [node["id"] for node in graph["nodes"]]
        self.assertNotIn(self.key("leaver"), ids)
        alumnus = next(n for n in graph["nodes"] if n["id"] == self.key("alumnus"))
        self.assertEqual(alumnus["roles"], ["stakeholder", "employee"])
        self.assertEqual(alumnus["employee_id"], self.data["leaver"].id)
        self.assertEqual(graph["total"], len(ids))
        for focus in (
            self.key("leaver"),
            {"model": "hr.employee", "id": self.data["leaver"].id},
            self.key("alumnus"),
        ):
            graph = self.Map.get_graph(focus=focus, depth=1)
            self.assertEqual(graph["focus"], [self.key("alumnus")], focus)
            self.assertNotIn(
                self.key("leaver"), [node["id"] for node in graph["nodes"]]
            )

    def test_health_filter_shows_only_records_with_a_health(self):
        """Employees, projects and departments have no health: a health
        filter does not show them."""
        self.data["supplier"].sudo().health_state = "attention"
        graph = self.Map.get_graph(
            filters={"health_states": ["attention"]}, limit=10000
        )
        self.assertIn(self.key("supplier"), [node["id"] for node in graph["nodes"]])
        for node in graph["nodes"]:
            self.assertIn(node["type"], ("stakeholder", "internal_client"))
            self.assertEqual(node["health_state"], "attention")
        self.assertEqual(graph["total"], len(graph["nodes"]))

    def test_one_person_one_identity_in_every_view(self):
        """The client's HR partner is also a stakeholder: the map filtered
        by that client draws them as the same stakeholder (ring, influence)
        as the whole map, and goes no further from them than from any
        person bordering the client."""
        hr_stakeholder = self.env["hr.stakeholder"].create(
            {
                "employee_id": self.hr_employee.id,
                "relation_type": "other",
                "influence": 4,
            }
        )
        colleague = new_test_user(self.env, "map_hr_colleague", groups=USER_GROUP)
        colleague_employee = self.env["hr.employee"].create(
            {"name": "Map Colleague", "user_id": colleague.id}
        )
        self.env["hr.relationship.interaction"].create(
            {
                "name": "Peer talk",
                "user_id": colleague.id,
                "date": "2026-02-02",
                "stakeholder_ids": [Command.link(hr_stakeholder.id)],
            }
        )
        key = f"stakeholder_{hr_stakeholder.id}"
        facts = ("type", "influence", "relation_type", "external", "roles")
        whole = {n["id"]: n for n in self.Map.get_graph(limit=10000)["nodes"]}
        self.assertEqual(whole[key]["influence"], 4)
        graph = self.Map.get_graph(
            filters={"internal_client_ids": [self.data["client"].id]}, limit=10000
        )
        filtered = {n["id"]: n for n in graph["nodes"]}
        self.assertNotIn(f"employee_{self.hr_employee.id}", filtered)
        self.assertEqual(
            {fact: filtered[key].get(fact) for fact in facts},
            {fact: whole[key].get(fact) for fact in facts},
        )
        self.assertEqual(filtered[key]["employee_id"], self.hr_employee.id)
        self.assertIn((self.key("client"), key, "hr_partner"), self.edge_set(graph))
        # The colleague met the HR partner, not the client.
        self.assertIn(f"employee_{colleague_employee.id}", whole)
        self.assertNotIn(f"employee_{colleague_employee.id}", filtered)

    def test_focus_on_unreadable_record_is_empty(self):
        """A record of a company the user is not in: an empty map, as for a
        record that does not exist, so the answer tells nothing."""
        company_b = self.env["res.company"].create({"name": "Map Hidden Co"})
        partner = self.env["res.partner"].create(
            {"name": "Hidden Person", "company_id": company_b.id}
        )
        hidden = (
            self.env["hr.stakeholder"]
            .sudo()
            .create({"partner_id": partner.id, "company_id": company_b.id})
        )
        for focus in (
            f"stakeholder_{hidden.id}",
            {"model": "hr.stakeholder", "id": hidden.id},
            {"model": "res.partner", "id": partner.id},
        ):
            graph = self.Map.get_graph(focus=focus, depth=2)
            self.assertEqual((graph["nodes"], graph["edges"]), ([], []), focus)
            self.assertEqual((graph["total"], graph["focus"]), (0, []))
        missing = self.Map.get_graph(focus="stakeholder_2147483000", depth=2)
        self.assertEqual(missing, graph)

    def test_walk_stops_at_depth_and_cap(self):
        """Depth counts steps from the focus; the cap keeps the nearest."""
        supplier = self.key("supplier")
        graph = self.Map.get_graph(focus=supplier, depth=3)
        distance = {node["id"]: node["distance"] for node in graph["nodes"]}
        self.assertEqual(distance[supplier], 0)
        self.assertEqual(distance[self.key("project")], 1)
        self.assertEqual(distance[self.key("client")], 2)
        self.assertEqual(distance[self.key("department")], 3)
        self.assertEqual(max(distance.values()), 3)
        self.assertNotIn(self.key("alumnus"), distance)

    def test_filters(self):
        graph = self.Map.get_graph(
            filters={"types": ["stakeholder", "project"]}, limit=10000
        )
        self.assertEqual(
            {node["type"] for node in graph["nodes"]}, {"stakeholder", "project"}
        )
        self.assertIn(
            (self.key("supplier"), self.key("project"), "stakeholder_project"),
            self.edge_set(graph),
        )
        graph = self.Map.get_graph(
            filters={"relation_types": ["supplier"]}, limit=10000
        )
        stakeholders = {n["id"] for n in graph["nodes"] if n["type"] == "stakeholder"}
        self.assertIn(self.key("supplier"), stakeholders)
        self.assertNotIn(self.key("boss_stakeholder"), stakeholders)
        self.assertNotIn(self.key("alumnus"), stakeholders)

        other_client = self.env["hr.internal.client"].create(
            {"name": "Unrelated Client"}
        )
        graph = self.Map.get_graph(
            filters={"internal_client_ids": [self.data["client"].id]}, limit=10000
        )
        ids = {node["id"] for node in graph["nodes"]}
        self.assertIn(self.key("boss_stakeholder"), ids)
        self.assertIn(self.key("project"), ids)
        self.assertNotIn(f"internal_client_{other_client.id}", ids)
        # The alumnus has no tie to the client, so it is out.
        self.assertNotIn(self.key("alumnus"), ids)

        graph = self.Map.get_graph(filters={"search": "supplier a"}, depth=0)
        self.assertEqual(
            [node["id"] for node in graph["nodes"]], [self.key("supplier")]
        )

    def test_focus_and_depth(self):
        supplier = self.key("supplier")
        graph = self.Map.get_graph(focus=supplier, depth=1)
        ids = {node["id"] for node in graph["nodes"]}
        self.assertEqual(
            ids, {supplier, self.key("project"), f"employee_{self.hr_employee.id}"}
        )
        self.assertEqual(graph["focus"], [supplier])
        self.assertEqual(graph["nodes"][0]["id"], supplier)
        graph = self.Map.get_graph(focus=supplier, depth=2)
        ids = {node["id"] for node in graph["nodes"]}
        self.assertIn(self.key("client"), ids)
        self.assertNotIn(self.key("worker"), ids)
        # Edges only join nodes that are in the answer.
        for edge in graph["edges"]:
            self.assertIn(edge["source"], ids)
            self.assertIn(edge["target"], ids)
        # A partner's form opens the map on the partner's stakeholder roles.
        graph = self.Map.get_graph(
            focus={"model": "res.partner", "id": self.data["supplier_partner"].id},
            depth=0,
        )
        self.assertEqual([node["id"] for node in graph["nodes"]], [supplier])
        # Asking for what is not there gives an empty map, not everything.
        graph = self.Map.get_graph(filters={"search": "nobody by this name"})
        self.assertEqual((graph["nodes"], graph["total"]), ([], 0))
        graph = self.Map.get_graph(focus="stakeholder_0")
        self.assertEqual((graph["nodes"], graph["total"]), ([], 0))
        project = self.env["project.project"].create({"name": "Not an HR project"})
        graph = self.Map.get_graph(focus={"model": "project.project", "id": project.id})
        self.assertEqual(graph["focus"], [f"project_{project.id}"])

    def test_cap(self):
        full = self.Map.get_graph(limit=10000)
        graph = self.Map.get_graph(limit=3)
        self.assertEqual(len(graph["nodes"]), 3)
        self.assertEqual(graph["total"], full["total"])
        self.assertEqual(graph["truncated"], full["total"] - 3)
        kept = {node["id"] for node in graph["nodes"]}
        for edge in graph["edges"]:
            self.assertIn(edge["source"], kept)
            self.assertIn(edge["target"], kept)
        # With a focus the cap keeps the focus and its nearest neighbours.
        graph = self.Map.get_graph(focus=self.key("worker"), depth=3, limit=2)
        self.assertEqual(graph["nodes"][0]["id"], self.key("worker"))
        self.assertEqual(graph["nodes"][1]["distance"], 1)
        self.assertGreater(graph["truncated"], 0)

    def test_other_company_sees_nothing_of_ours(self):
        company_b = self.env["res.company"].create({"name": "Map Company B"})
        outsider = new_test_user(
            self.env,
            "map_outsider",
            groups=USER_GROUP,
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        graph = (
            self.env["hr.relationship.map"]
            .with_user(outsider)
            .get_graph(limit=10000, choices=True)
        )
        ids = {node["id"] for node in graph["nodes"]}
        ours = {self.key(name) for name in self.data if name != "supplier_partner"}
        self.assertFalse(ids & ours)
        self.assertFalse(graph["internal_clients"])

    def test_id_sets_are_written_once_per_statement(self):
        ids = IdSets()
        frontier = {3, 1, 2}
        first = ids("frontier", frontier)
        self.assertEqual(ids("frontier", frontier), first)
        statement = ids.wrap(SQL("SELECT * FROM %s AS f", first))
        self.assertEqual(statement.code.count("unnest"), 1)
        self.assertEqual(
            self.env.execute_query(
                SQL("SELECT id FROM (%s) AS s ORDER BY id", statement)
            ),
            [(1,), (2,), (3,)],
        )
        # Another set under the same name would read the first one's ids.
        with self.assertRaises(AssertionError):
            ids("frontier", {4})

    def test_large_read_leaves_the_garbage_collector_running(self):
        """A large read may pause Python's cyclic garbage collector (see
        ``collector_paused``); it runs again afterwards."""
        self.assertTrue(gc.isenabled())
        graph = self.Map.get_graph(limit=10000)
        self.assertTrue(graph["nodes"])
        self.assertTrue(gc.isenabled())

    def test_collector_paused_only_where_one_request_is_served(self):
        """The collector is the process's: a threaded server, which serves
        requests side by side, keeps it running through a large read; a
        prefork worker, which serves one request at a time, pauses it."""
        with patch.dict(config.options, workers=0):
            with collector_paused(True) as paused:
                self.assertFalse(paused)
                self.assertTrue(gc.isenabled())
        with patch.dict(config.options, workers=2):
            with collector_paused(False) as paused:
                self.assertFalse(paused)
                self.assertTrue(gc.isenabled())
            with collector_paused(True) as paused:
                self.assertTrue(paused)
                self.assertFalse(gc.isenabled())
        self.assertTrue(gc.isenabled())

    def test_column_edges_name_existing_columns(self):
        """Each line stored as two columns reads columns of the database,
        taken from the fields' metadata: an employee's department, which
        lives on the employee's current version, included."""
        edges = self.env["hr.relationship.map"]._map_column_edges()
        self.assertEqual(len({edge.kind for edge in edges}), len(edges))
        employee = self.env["hr.employee"].create(
            {"name": "Lined Up", "department_id": self.data["department"].id}
        )
        for edge in edges:
            with self.subTest(edge=edge.kind):
                self.assertIn(edge.field, self.env[edge.model]._fields)
                rows = self.env.execute_query(
                    SQL(
                        "SELECT %s, %s FROM %s x",
                        SQL.identifier("x", edge.a_column),
                        SQL.identifier("x", edge.b_column),
                        edge.source,
                    )
                )
                if edge.kind == "department":
                    self.assertIn((employee.id, self.data["department"].id), rows)

    def test_filter_choices_only_when_asked(self):
        """The lists the filters offer come once, when the map opens: the
        list of internal clients grows with the book, a walk does not."""
        graph = self.Map.get_graph(focus=self.key("supplier"), depth=1)
        self.assertNotIn("internal_clients", graph)
        self.assertNotIn("relation_types", graph)
        graph = self.Map.get_graph(focus=self.key("supplier"), depth=1, choices=True)
        self.assertIn(
            [self.data["client"].id, self.data["client"].name],
            graph["internal_clients"],
        )
        self.assertIn("supplier", dict(graph["relation_types"]))
        self.assertEqual(
            [flag for flag, _label in graph["network_flags"]],
            ["single_threaded", "coverage_gap", "key_person"],
        )

    def test_requires_relationship_group(self):
        plain = new_test_user(self.env, "map_plain", groups="base.group_user")
        Map = self.env["hr.relationship.map"].with_user(plain)
        with self.assertRaises(AccessError):
            Map.get_graph()
        with self.assertRaises(AccessError):
            Map.get_node_details("hr.stakeholder", self.data["supplier"].id)

    def test_no_profile_fields(self):
        # The user does not own the stakeholder, so may not read its profile.
        graph = self.Map.get_graph(limit=10000)
        payload = json.dumps(graph, default=str)
        self.assertNotIn(SECRET, payload)
        for fname in ("approach_notes", "personal_interests", "motivators"):
            self.assertNotIn(fname, payload)
        details = self.Map.get_node_details(
            "hr.stakeholder", self.data["boss_stakeholder"].id
        )
        self.assertNotIn(SECRET, json.dumps(details, default=str))
        labels = {fact["label"] for fact in details["facts"]}
        self.assertIn("Relation Type", labels)
        self.assertNotIn("Approach Notes", labels)

    def test_query_count_is_constant_in_each_mode(self):
        """Focus, depth, search, filters: the number of queries depends on
        the mode and the depth, never on the size of the book."""
        modes = [
            {"focus": self.key("supplier"), "depth": 1},
            {"focus": self.key("supplier"), "depth": 3},
            {"focus": {"model": "res.partner", "id": self.data["supplier_partner"].id}},
            {"filters": {"search": "Supplier"}, "depth": 2},
            {"filters": {"internal_client_ids": [self.data["client"].id]}},
            {"filters": {"types": ["stakeholder", "project"]}},
            {"filters": {"relation_types": ["supplier"]}, "limit": 3},
            {"limit": 3},
        ]
        counts = []
        for kwargs in modes:
            self.Map.get_graph(**kwargs)  # warm the rule and access caches
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Map.get_graph(**kwargs)
            counts.append(self.env.cr.sql_log_count - before)
        for suffix in ("QB", "QC", "QD"):
            make_fixture(self.env, suffix, self.hr_user)
        self.env.flush_all()
        for kwargs, count in zip(modes, counts, strict=True):
            self.env.invalidate_all()
            with self.subTest(**kwargs), self.assertQueryCount(count):
                self.Map.get_graph(**kwargs)
        # Two queries a step.
        self.assertEqual(counts[1] - counts[0], 4)

    def test_query_count_is_constant(self):
        self.Map.get_graph()  # warm the rule and access caches
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        small = self.Map.get_graph(limit=10000)
        count = self.env.cr.sql_log_count - before
        make_fixture(self.env, "B", self.hr_user)
        make_fixture(self.env, "C", self.hr_user)
        self.env.invalidate_all()
        with self.assertQueryCount(count):
            large = self.Map.get_graph(limit=10000)
        self.assertGreater(len(large["nodes"]), len(small["nodes"]))
        self.assertGreater(len(large["edges"]), len(small["edges"]))


@tagged("post_install", "-at_install")
class TestRelationshipMapTour(HttpCase):
    def test_relationship_map_tour(self):
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        admin = env.ref("base.user_admin")
        data = make_fixture(env, "Tour", admin)
        data["supplier_partner"].name = "Map Tour Supplier"
        data["client"].name = "Map Tour Client"
        self.start_tour("/odoo", "hr_relationship_map_tour", login="admin")

    def test_relationship_map_canvas_tour(self):
        """The map forced onto the canvas is drawn; a search that finds one
        person opens their side panel, and a focus draws again."""
        env = self.env(context=dict(self.env.context, tracking_disable=True))
        self.start_tour(
            canvas_map_url(env, "Canvas"),
            "hr_relationship_map_canvas_tour",
            login="admin",
        )
