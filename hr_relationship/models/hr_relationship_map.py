# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from collections import Counter, defaultdict, deque

from odoo import api, fields, models
from odoo.exceptions import MissingError, UserError
from odoo.tools import SQL

from .record_check import is_record_id

# Marks of the network refresh a node can carry; the map filters on them.
NETWORK_FLAGS = ("single_threaded", "coverage_gap", "key_person")

NODE_TYPES = ("internal_client", "stakeholder", "project", "department", "employee")
# Without a focus the cap keeps the relationship records before the org chart.
TYPE_PRIORITY = {node_type: rank for rank, node_type in enumerate(NODE_TYPES)}
NODE_MODELS = {
    "employee": "hr.employee",
    "department": "hr.department",
    "internal_client": "hr.internal.client",
    "stakeholder": "hr.stakeholder",
    "project": "project.project",
    "user": "res.users",
}
# Fields shown in the side panel; the private profile fields are never listed.
DETAIL_FIELDS = {
    "hr.employee": [
        "job_title",
        "department_id",
        "parent_id",
        "work_email",
        "company_id",
    ],
    "hr.department": ["manager_id", "parent_id", "company_id"],
    "hr.internal.client": [
        "department_id",
        "client_lead_id",
        "hr_partner_id",
        "last_interaction_date",
        "stakeholder_count",
        "project_count",
        "company_id",
    ],
    "hr.stakeholder": [
        "relation_type",
        "is_external",
        "email",
        "influence",
        "interest",
        "quadrant",
        "attitude",
        "owner_id",
        "last_interaction_date",
        "next_contact_date",
    ],
    "project.project": ["user_id", "internal_client_id", "company_id"],
    "res.users": ["login", "company_id"],
}
# Ranges of get_graph's arguments: the client offers depths 1-4 and 500
# nodes; the benchmark asks for up to 100,000.
MAX_DEPTH = 10
MAX_LIMIT = 100_000
# Filter keys and whether each takes a list of ids, a list of keys or text.
FILTER_KINDS = {
    "types": "keys",
    "relation_types": "keys",
    "health_states": "keys",
    "internal_client_ids": "ids",
    "person_relation_type_ids": "ids",
    "network_flags": "keys",
    "search": "text",
}
# A node key as the client sends it back as a focus: "stakeholder_12".
NODE_KEY = re.compile(r"^(%s)_\d+$" % "|".join(NODE_MODELS))


class HrRelationshipMap(models.AbstractModel):
    """Builds the relationship map: every line between employees,
    departments, internal clients, stakeholders and projects that the current
    user may read, loaded with a fixed number of queries."""

    _name = "hr.relationship.map"
    _description = "HR Relationship Map"

    @api.model
    def get_graph(self, focus=None, depth=2, filters=None, limit=500):
        """Return ``{"nodes", "edges", "truncated", "total", ...}``.

        :param focus: a node id (``"stakeholder_12"``) or ``{"model", "id"}``
        :param depth: steps from the focus (or from the search matches) to keep
        :param filters: dict with optional ``types``, ``relation_types``,
            ``internal_client_ids``, ``health_states``, ``search`` and
            ``person_relation_type_ids`` (which relations between persons
            to draw; all when empty)
            ``internal_client_ids``, ``health_states``, ``network_flags``
            (any of ``NETWORK_FLAGS``) and ``search``

        :param limit: maximum number of nodes returned
        """
        # Model-level gate: the map is for relationship users only.
        self.env["hr.stakeholder"].check_access("read")
        depth = self._check_int_argument("depth", depth, 0, MAX_DEPTH)
        limit = self._check_int_argument("limit", limit, 1, MAX_LIMIT)
        filters = self._check_filters(filters)
        graph = _Graph()
        focus_record = self._focus_record(focus)
        self._load(graph, focus_record)
        graph.apply_filters(filters)
        seeds = graph.seeds(focus, focus_record, filters.get("search"))
        ordered = graph.ordered(seeds, depth)
        kept = ordered[:limit]
        kept_set = set(kept)
        return {
            "nodes": [graph.nodes[key] for key in kept],
            "edges": [
                edge
                for edge in graph.edges
                if edge["source"] in kept_set and edge["target"] in kept_set
            ],
            "truncated": len(ordered) - len(kept),
            "total": len(ordered),
            "focus": [key for key in seeds or [] if key in kept_set],
            "relation_types": graph.relation_types,
            "health_states": graph.health_states,
            "internal_clients": graph.client_choices,
            "person_relation_types": graph.person_relation_types,
            "network_flags": self._network_flag_choices(),
        }

    @api.model
    def _check_int_argument(self, name, value, low, high):
        """``value`` as an int within ``[low, high]``, else a UserError: RPC
        callers send anything, and a bool is an int to Python."""
        if not isinstance(value, int) or isinstance(value, bool):
            raise UserError(
                self.env._(
                    "The relationship map's %(name)s must be a whole number, "
                    "not %(value)r.",
                    name=name,
                    value=value,
                )
            )
        if not low <= value <= high:
            raise UserError(
                self.env._(
                    "The relationship map's %(name)s must be between %(low)s and "
                    "%(high)s, not %(value)s.",
                    name=name,
                    low=low,
                    high=high,
                    value=value,
                )
            )
        return value

    @api.model
    def _check_filters(self, filters):
        """The filters as a dict of known keys with values of the right kind."""
        if not filters:
            return {}
        if not isinstance(filters, dict):
            raise UserError(
                self.env._(
                    "The relationship map's filters must be a dictionary, not "
                    "%(value)r.",
                    value=filters,
                )
            )
        unknown = sorted(str(key) for key in set(filters) - set(FILTER_KINDS))
        if unknown:
            raise UserError(
                self.env._(
                    "The relationship map has no filter %(keys)s; it knows %(known)s.",
                    keys=", ".join(unknown),
                    known=", ".join(FILTER_KINDS),
                )
            )
        for key, value in filters.items():
            kind = FILTER_KINDS[key]
            if not value:
                continue
            if kind == "text":
                valid = isinstance(value, str)
            elif not isinstance(value, list | tuple):
                valid = False
            elif kind == "ids":
                valid = all(is_record_id(item) for item in value)
            else:
                valid = all(
                    isinstance(item, str) and item in self._filter_choices(key)
                    for item in value
                )
            if not valid:
                if kind == "text":
                    expected = self.env._("a text")
                elif kind == "ids":
                    expected = self.env._("a list of record ids")
                else:
                    expected = self.env._(
                        "a list of these values: %(values)s",
                        values=", ".join(self._filter_choices(key)),
                    )
                raise UserError(
                    self.env._(
                        "The relationship map's filter %(key)s must be %(expected)s, "
                        "not %(value)r.",
                        key=key,
                        expected=expected,
                        value=value,
                    )
                )
        return filters

    @api.model
    def _filter_choices(self, key):
        if key == "types":
            return NODE_TYPES
        if key == "network_flags":
            return list(NETWORK_FLAGS)
        fname = {"relation_types": "relation_type", "health_states": "health_state"}
        field = self.env["hr.stakeholder"]._fields.get(fname[key])
        return [value for value, _label in field.selection] if field else []

    @api.model
    def _network_flag_choices(self):
        labels = {
            "single_threaded": self.env._("Single-threaded clients"),
            "coverage_gap": self.env._("Not contacted in time"),
            "key_person": self.env._("Key people"),
        }
        return [[flag, labels[flag]] for flag in NETWORK_FLAGS]

    @api.model
    def _focus_record(self, focus):
        """The record a ``{"model", "id"}`` focus names, None for a node key
        or no focus; anything else is refused."""
        if not focus or (isinstance(focus, str) and NODE_KEY.match(focus)):
            return None
        if not isinstance(focus, dict) or set(focus) != {"model", "id"}:
            raise UserError(
                self.env._(
                    'The relationship map focuses on a node such as "stakeholder_12" '
                    'or on {"model": ..., "id": ...}, not on %(focus)r.',
                    focus=focus,
                )
            )
        model = focus["model"]
        if model not in NODE_MODELS.values() and model != "res.partner":
            raise UserError(
                self.env._(
                    "The relationship map cannot focus on %(model)s.", model=model
                )
            )
        res_id = focus["id"]
        if not is_record_id(res_id):
            raise UserError(
                self.env._(
                    "The relationship map's focus needs a record id, not %(id)r.",
                    id=res_id,
                )
            )
        return self.env[model].browse(res_id)

    def _load(self, graph, focus_record):
        Stakeholder = self.env["hr.stakeholder"]
        Client = self.env["hr.internal.client"]
        Project = self.env["project.project"]
        # Health is read in the same query, so only a stored health field counts.
        stakeholder_health = _stored(Stakeholder, "health_state")
        client_health = _stored(Client, "health_state")
        graph.relation_types = Stakeholder._fields[
            "relation_type"
        ]._description_selection(self.env)
        health_field = Stakeholder._fields.get("health_state") or Client._fields.get(
            "health_state"
        )
        graph.health_states = (
            health_field._description_selection(self.env)
            if (stakeholder_health or client_health)
            and health_field.type == "selection"
            else []
        )

        client_fields = [
            "name",
            "department_id",
            "client_lead_id",
            "hr_partner_id",
            "single_threaded",
            "hr_sole_contact_id",
        ]
        clients = self._rows(
            Client, [], client_fields + (["health_state"] if client_health else [])
        )
        graph.client_choices = [[row["id"], row["name"]] for row in clients]
        stakeholder_fields = [
            "name",
            "relation_type",
            "influence",
            "employee_id",
            "partner_id",
            "former_employee_id",
            "coverage_gap",
            "hr_sole_contact_id",
        ]
        Stakeholder.check_field_access_rights("read", ["project_ids"])
        stakeholders = self._rows(
            Stakeholder,
            [],
            stakeholder_fields + (["health_state"] if stakeholder_health else []),
            many2many=["internal_client_ids"],
            # The projects come through the positions, in the same query.
            extra={
                "project_ids": SQL(
                    "ARRAY(SELECT position.project_id"
                    "        FROM hr_project_stakeholder position"
                    "       WHERE position.stakeholder_id = %s)",
                    SQL.identifier(Stakeholder._table, "id"),
                )
            },
        )
        former_ids = [
            row["former_employee_id"]
            for row in stakeholders
            if row["former_employee_id"]
        ]
        # Alumni point at archived employee records, so those are loaded too.
        employees = self._rows(
            self.env["hr.employee"].with_context(active_test=False),
            ["|", ("active", "=", True), ("id", "in", former_ids)],
            [
                "name",
                "parent_id",
                "department_id",
                "user_id",
                "job_title",
                "work_contact_id",
            ],
        )
        departments = self._rows(self.env["hr.department"], [], ["name"])
        project_domain = [
            "|",
            ("internal_client_id", "!=", False),
            ("hr_project_stakeholder_ids", "!=", False),
        ]
        if focus_record is not None and focus_record._name == "project.project":
            project_domain = ["|", ("id", "=", focus_record.id)] + project_domain
        projects = self._rows(
            Project, project_domain, ["name", "user_id", "internal_client_id"]
        )
        interactions = self._interaction_lines()
        # Relations between persons: their types (for the labels and the
        # filter) and those holding today, between persons the user may read.
        relation_types = self._rows(
            self.env["hr.relationship.type"].with_context(active_test=False),
            [],
            ["name", "name_inverse", "symmetric", "active"],
        )
        relations = self._rows(
            self.env["hr.person.relation"],
            [("is_active", "=", True)],
            ["left_partner_id", "right_partner_id", "type_id"],
        )

        graph.add_organisation(employees, departments)
        graph.add_clients_and_projects(clients, projects)
        graph.add_stakeholders(stakeholders)
        graph.add_interactions(interactions)
        graph.add_person_relations(relations, relation_types)
        if graph.user_nodes:
            users = self._rows(
                self.env["res.users"], [("id", "in", list(graph.user_nodes))], ["name"]
            )
            for row in users:
                graph.add_node(
                    "employee", row["id"], row["name"], influence=2, model="res.users"
                )

    @api.model
    def _interaction_lines(self):
        """``(user id, node key, count, last date)`` for every HR person and
        each stakeholder and internal client they met: one grouped query per
        kind. Plain rows rather than ``_read_group``: turning tens of
        thousands of group keys into recordsets costs more than the query."""
        Interaction = self.env["hr.relationship.interaction"]
        field = Interaction._fields["stakeholder_ids"]
        by_stakeholder = Interaction._search([("stakeholder_ids", "!=", False)])
        rel = by_stakeholder.join(
            Interaction._table, "id", field.relation, field.column1, "stakeholders"
        )
        by_client = Interaction._search([("internal_client_id", "!=", False)])
        lines = []
        for prefix, query, counterpart in (
            ("stakeholder", by_stakeholder, SQL.identifier(rel, field.column2)),
            (
                "internal_client",
                by_client,
                Interaction._field_to_sql(
                    Interaction._table, "internal_client_id", by_client
                ),
            ),
        ):
            user = Interaction._field_to_sql(Interaction._table, "user_id", query)
            last_date = Interaction._field_to_sql(Interaction._table, "date", query)
            query.order = None
            query.groupby = SQL("%s, %s", user, counterpart)
            rows = self.env.execute_query(
                query.select(
                    user, counterpart, SQL("COUNT(*)"), SQL("MAX(%s)::text", last_date)
                )
            )
            lines += [
                (user_id, f"{prefix}_{res_id}", count, last)
                for user_id, res_id, count, last in rows
            ]
        return lines

    @api.model
    def _rows(self, Model, domain, fnames, many2many=(), extra=None):
        """Rows of the records of ``Model`` matching ``domain`` that the user
        may read, as dicts, in one query: ``_search`` applies the access
        rights and record rules, ``_field_to_sql`` the field groups and
        translations. Many2many values come as lists of ids (possibly of
        records the user may not read; such lines are dropped later because
        their end is no node). ``extra`` maps more names to SQL expressions
        on the row."""
        extra = extra or {}
        query = Model._search(domain, order="id")
        columns = [
            Model._field_to_sql(Model._table, fname, query) for fname in ["id", *fnames]
        ]
        Model.check_field_access_rights("read", list(many2many))
        for fname in many2many:
            field = Model._fields[fname]
            columns.append(
                SQL(
                    "ARRAY(SELECT %s FROM %s WHERE %s = %s)",
                    SQL.identifier(field.column2),
                    SQL.identifier(field.relation),
                    SQL.identifier(field.column1),
                    SQL.identifier(Model._table, "id"),
                )
            )
        columns += extra.values()
        names = ["id", *fnames, *many2many, *extra]
        return [
            dict(zip(names, row, strict=True))
            for row in self.env.execute_query(query.select(*columns))
        ]

    @api.model
    def get_node_details(self, res_model, res_id):
        """Key facts of one node for the side panel, read as the current user."""
        self.env["hr.stakeholder"].check_access("read")
        if not isinstance(res_model, str) or res_model not in DETAIL_FIELDS:
            raise UserError(
                self.env._(
                    "The relationship map cannot show %(model)r.", model=res_model
                )
            )
        if not is_record_id(res_id):
            raise UserError(
                self.env._(
                    "The relationship map shows a record by its id, not %(id)r.",
                    id=res_id,
                )
            )
        Model = self.env[res_model]
        fnames = [fname for fname in DETAIL_FIELDS[res_model] if fname in Model._fields]
        if "health_state" in Model._fields:
            fnames.append("health_state")
        record = Model.browse(res_id)
        if not record.exists():
            raise MissingError(
                self.env._(
                    "The relationship map cannot show %(model)s #%(id)s: it does "
                    "not exist or has been deleted.",
                    model=Model._description,
                    id=res_id,
                )
            )
        values = record.read(fnames)[0]
        descriptions = Model.fields_get(fnames, ["string", "type", "selection"])
        facts = []
        for fname in fnames:
            value = values[fname]
            description = descriptions[fname]
            if description["type"] == "many2one":
                value = value and value[1]
            elif description["type"] == "selection":
                value = dict(description["selection"]).get(value, False)
            elif description["type"] == "boolean":
                value = self.env._("Yes") if value else self.env._("No")
            elif description["type"] == "date":
                value = value and fields.Date.to_string(value)
            if value in (False, None, ""):
                continue
            # The client shows dates in the user's format: it needs to know
            # which values are dates.
            facts.append(
                {
                    "label": description["string"],
                    "value": value,
                    "type": description["type"],
                }
            )
        return {
            "res_model": res_model,
            "res_id": record.id,
            "name": record.display_name,
            "facts": facts,
        }


def _stored(Model, fname):
    field = Model._fields.get(fname)
    return bool(field and field.store and field.column_type)


class _Graph:
    """Plain in-memory graph; all filtering and traversal happens here, after
    the fixed set of queries."""

    def __init__(self):
        self.nodes = {}
        self.edges = []
        self.pending_edges = []
        self.stakeholder_partner = {}
        self.employee_of_user = {}
        self.user_nodes = set()
        self.relation_types = []
        self.health_states = []
        self.client_choices = []
        self.person_relation_types = []
        self.employee_of_partner = {}
        # HR people who are the only contact of some stakeholder or client.
        self.key_user_ids = set()

    def add_node(self, node_type, res_id, label, influence=2, model=None, **extra):
        prefix = "user" if model == "res.users" else node_type
        key = f"{prefix}_{res_id}"
        node = {
            "id": key,
            "label": label or "",
            "type": node_type,
            "influence": influence or 1,
            "res_model": model or NODE_MODELS[node_type],
            "res_id": res_id,
        }
        node.update({name: value for name, value in extra.items() if value is not None})
        self.nodes[key] = node

    def person_of_user(self, user_id):
        """The node standing for an HR user: their employee when they have
        one, else a node of their own."""
        if user_id in self.employee_of_user:
            return f"employee_{self.employee_of_user[user_id]}"
        self.user_nodes.add(user_id)
        return f"user_{user_id}"

    def add_organisation(self, employees, departments):
        for row in employees:
            self.add_node(
                "employee",
                row["id"],
                row["name"],
                influence=2,
                subtitle=row["job_title"] or "",
            )
            if row["user_id"]:
                self.employee_of_user.setdefault(row["user_id"], row["id"])
            if row["work_contact_id"]:
                self.employee_of_partner.setdefault(row["work_contact_id"], row["id"])
            key = f"employee_{row['id']}"
            self.add_edge(key, f"employee_{row['parent_id']}", "manager")
            self.add_edge(key, f"department_{row['department_id']}", "department")
        for row in departments:
            self.add_node("department", row["id"], row["name"], influence=3)

    def add_clients_and_projects(self, clients, projects):
        for row in clients:
            key = f"internal_client_{row['id']}"
            self.add_node(
                "internal_client",
                row["id"],
                row["name"],
                influence=4,
                health_state=row.get("health_state"),
                single_threaded=row["single_threaded"] or None,
            )
            self.key_user_ids.add(row["hr_sole_contact_id"])
            self.add_edge(
                key, f"department_{row['department_id']}", "client_department"
            )
            self.add_edge(key, f"employee_{row['client_lead_id']}", "client_lead")
            if row["hr_partner_id"]:
                self.add_edge(
                    key, self.person_of_user(row["hr_partner_id"]), "hr_partner"
                )
        for row in projects:
            key = f"project_{row['id']}"
            self.add_node("project", row["id"], row["name"], influence=3)
            if row["user_id"]:
                self.add_edge(
                    key, self.person_of_user(row["user_id"]), "project_manager"
                )
            self.add_edge(
                key, f"internal_client_{row['internal_client_id']}", "project_client"
            )

    def add_stakeholders(self, stakeholders):
        for row in stakeholders:
            key = f"stakeholder_{row['id']}"
            self.add_node(
                "stakeholder",
                row["id"],
                row["name"],
                influence=row["influence"],
                relation_type=row["relation_type"],
                health_state=row.get("health_state"),
                external=not row["employee_id"],
                coverage_gap=row["coverage_gap"] or None,
            )
            self.key_user_ids.add(row["hr_sole_contact_id"])
            self.stakeholder_partner[row["id"]] = row["partner_id"]
            self.add_edge(key, f"employee_{row['employee_id']}", "stakeholder_employee")
            self.add_edge(
                key, f"employee_{row['former_employee_id']}", "former_employee"
            )
            for client_id in row["internal_client_ids"]:
                self.add_edge(key, f"internal_client_{client_id}", "stakeholder_client")
            for project_id in row["project_ids"]:
                self.add_edge(key, f"project_{project_id}", "stakeholder_project")

    def add_interactions(self, groups):
        """One line per HR person and stakeholder or internal client they
        met: weight is the number of interactions, last_date the most recent."""
        weights = defaultdict(lambda: [0, ""])
        for user_id, target, count, last_date in groups:
            if user_id:
                source = self.person_of_user(user_id)
                pair = weights[(source, target)]
                pair[0] += count
                # ISO dates compare as text.
                pair[1] = max(pair[1], last_date)
        for (source, target), (count, last_date) in weights.items():
            self.add_edge(
                source, target, "interaction", weight=count, last_date=last_date
            )

    def add_person_relations(self, relations, relation_types):
        """One line per relation, even several between the same two people;
        each line carries its type's name as read from either end."""
        types = {row["id"]: row for row in relation_types}
        self.person_relation_types = [
            [row["id"], row["name"]] for row in relation_types if row["active"]
        ]
        # Reverse index, so each relation finds its stakeholder in O(1).
        stakeholder_of_partner = {}
        for stakeholder_id, partner_id in self.stakeholder_partner.items():
            if partner_id:
                stakeholder_of_partner.setdefault(partner_id, stakeholder_id)

        def node_of(partner_id):
            if partner_id in self.employee_of_partner:
                return f"employee_{self.employee_of_partner[partner_id]}"
            return f"stakeholder_{stakeholder_of_partner.get(partner_id)}"

        for row in relations:
            relation_type = types.get(row["type_id"])
            if not relation_type:
                continue
            label = relation_type["name"]
            self.add_edge(
                node_of(row["left_partner_id"]),
                node_of(row["right_partner_id"]),
                "person_relation",
                relation_id=row["id"],
                relation_type_id=row["type_id"],
                label=label,
                inverse_label=label
                if relation_type["symmetric"]
                else relation_type["name_inverse"] or label,
            )

    def add_edge(self, source, target, edge_type, **extra):
        # Empty many2one values give "<type>_None"/"<type>_False" keys; those and
        # lines to records the user may not read are dropped in finish().
        if target.endswith(("_None", "_False")) or source == target:
            return
        self.pending_edges.append(
            dict(source=source, target=target, type=edge_type, **extra)
        )

    def _finish(self):
        # Lines are unique by construction (many2many rows are, interactions
        # are aggregated per pair), so only lines to unknown nodes go.
        nodes = self.nodes
        self.edges = [
            edge
            for edge in self.pending_edges
            if edge["source"] in nodes and edge["target"] in nodes
        ]
        self.pending_edges = []

    def _mark_key_people(self):
        for user_id in self.key_user_ids:
            employee_id = self.employee_of_user.get(user_id)
            key = f"employee_{employee_id}" if employee_id else f"user_{user_id}"
            if key in self.nodes:
                self.nodes[key]["key_person"] = True

    def apply_filters(self, filters):
        self._finish()
        self._mark_key_people()
        network_flags = set(filters.get("network_flags") or [])
        types = set(filters.get("types") or NODE_TYPES)
        relation_types = set(filters.get("relation_types") or [])
        health_states = set(filters.get("health_states") or [])
        person_relation_types = set(filters.get("person_relation_type_ids") or [])
        keep = {}
        for key, node in self.nodes.items():
            if node["type"] not in types:
                continue
            if (
                relation_types
                and node["type"] == "stakeholder"
                and (node.get("relation_type") not in relation_types)
            ):
                continue
            if (
                health_states
                and node["type"] in ("stakeholder", "internal_client")
                and (node.get("health_state") not in health_states)
            ):
                continue
            if (
                network_flags
                and node["type"] in ("stakeholder", "internal_client", "employee")
                and not any(node.get(flag) for flag in network_flags)
            ):
                continue
            keep[key] = node
        client_ids = filters.get("internal_client_ids")
        if client_ids:
            keep = self._around_clients(
                keep, {f"internal_client_{cid}" for cid in client_ids}
            )
        self.nodes = keep
        self.edges = [
            edge
            for edge in self.edges
            if edge["source"] in keep
            and edge["target"] in keep
            and (
                not person_relation_types
                or edge["type"] != "person_relation"
                or edge["relation_type_id"] in person_relation_types
            )
        ]

    def _around_clients(self, nodes, client_keys):
        """Restrict to the chosen internal clients, their stakeholders and
        projects, and the people and departments directly around those."""
        core = {key for key in client_keys if key in nodes}
        for edge in self.edges:
            for here, there in (
                (edge["source"], edge["target"]),
                (edge["target"], edge["source"]),
            ):
                if (
                    there in client_keys
                    and here in nodes
                    and nodes[here]["type"]
                    in (
                        "stakeholder",
                        "project",
                    )
                ):
                    core.add(here)
        kept = set(core)
        for edge in self.edges:
            for here, there in (
                (edge["source"], edge["target"]),
                (edge["target"], edge["source"]),
            ):
                if (
                    here in core
                    and there in nodes
                    and nodes[there]["type"]
                    in (
                        "employee",
                        "department",
                    )
                ):
                    kept.add(there)
        return {key: node for key, node in nodes.items() if key in kept}

    def seeds(self, focus, focus_record, search):
        """Node keys to start from; None when neither a focus nor a search
        was asked, an empty list when what was asked matches nothing."""
        if isinstance(focus, str):
            return [focus] if focus in self.nodes else []
        if focus_record is not None:
            if focus_record._name == "res.partner":
                return [
                    f"stakeholder_{sid}"
                    for sid, partner_id in self.stakeholder_partner.items()
                    if partner_id == focus_record.id
                    and f"stakeholder_{sid}" in self.nodes
                ]
            node_type = next(
                node_type
                for node_type, model in NODE_MODELS.items()
                if model == focus_record._name
            )
            key = f"{node_type}_{focus_record.id}"
            return [key] if key in self.nodes else []
        if search:
            needle = search.casefold()
            return [
                key
                for key, node in self.nodes.items()
                if needle in node["label"].casefold()
            ]
        return None

    def ordered(self, seeds, depth):
        """Node keys in the order the cap keeps them: the focus
        neighbourhood by distance, or the whole graph by importance."""
        if seeds is None:
            degree = Counter()
            for edge in self.edges:
                degree[edge["source"]] += 1
                degree[edge["target"]] += 1
            return sorted(
                self.nodes,
                key=lambda key: (
                    TYPE_PRIORITY[self.nodes[key]["type"]],
                    -degree[key],
                    key,
                ),
            )
        adjacency = defaultdict(list)
        for edge in self.edges:
            adjacency[edge["source"]].append(edge["target"])
            adjacency[edge["target"]].append(edge["source"])
        distance = dict.fromkeys(seeds, 0)
        queue = deque(seeds)
        while queue:
            key = queue.popleft()
            if distance[key] >= depth:
                continue
            for neighbour in adjacency[key]:
                if neighbour not in distance:
                    distance[neighbour] = distance[key] + 1
                    queue.append(neighbour)
        for key, dist in distance.items():
            self.nodes[key]["distance"] = dist
        return list(distance)
