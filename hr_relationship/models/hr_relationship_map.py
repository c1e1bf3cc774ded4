# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import gc
import re
from collections import defaultdict
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.exceptions import MissingError, UserError
from odoo.tools import SQL

from ..tools.record_check import is_record_id
from ..tools.relationship_map_reader import NODE_TYPE_OF_RAW, MapReader

# Marks of the network refresh a node can carry; the map filters on them.
NETWORK_FLAGS = ("single_threaded", "coverage_gap", "key_person")

NODE_TYPES = ("internal_client", "stakeholder", "project", "department", "employee")
# Steps the overview walks from its first internal clients.
OVERVIEW_DEPTH = 2
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
# A read of more than this many nodes is large: its queries pass PostgreSQL's
# JIT thresholds (see ``_jit_off``) and its Python sets off full garbage
# collections (see ``_collector_paused``); smaller reads need neither remedy.
LARGE_READ = 2000
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
    def get_graph(self, focus=None, depth=2, filters=None, limit=500, choices=False):
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
        :param choices: also return what the filters offer (``relation_types``,
            ``health_states``, ``internal_clients``, ``person_relation_types``,
            ``network_flags``): the map asks once, as it opens, since the list
            of internal clients grows with the book
        """
        # Model-level gate: the map is for relationship users only.
        self.env["hr.stakeholder"].check_access("read")
        depth = self._check_int_argument("depth", depth, 0, MAX_DEPTH)
        limit = self._check_int_argument("limit", limit, 1, MAX_LIMIT)
        if not isinstance(choices, bool):
            raise UserError(
                self.env._(
                    "The relationship map's choices must be true or false, not "
                    "%(value)r.",
                    value=choices,
                )
            )
        filters = self._check_filters(filters)
        focus_record = self._focus_record(focus)
        focus_project = (
            focus_record.id
            if focus_record is not None and focus_record._name == "project.project"
            else None
        )
        large = limit > LARGE_READ
        jit = _jit_off(self.env) if large else None
        with _collector_paused(large):
            reader = MapReader(self.env, filters, focus_project)
            walk = _Walk(reader, limit)
            search = (filters.get("search") or "").strip()
            if focus or search:
                if focus:
                    walk.add_seeds(reader.seeds_of_focus(focus, focus_record))
                else:
                    walk.add(*reader.seeds_of_search(search, limit), distance=0)
                walk.expand(depth)
                # Each kind of line stops at the cap: what is left out is a
                # lower bound.
                walk.total_capped = bool(walk.overflow)
            else:
                # The overview: the most important internal clients and what
                # surrounds them, then (when the cap leaves room) the rest.
                seeds, _total = reader.seeds_of_overview(max(1, limit // 10))
                walk.add(seeds, len(seeds), distance=0)
                walk.expand(OVERVIEW_DEPTH)
                walk.add(*reader.fill(walk.seen, limit - len(walk.keys)), distance=0)
                if not reader.leaf_types:
                    walk.total, walk.total_capped = reader.count()
            nodes, edges = walk.answer(
                self._relation_types, with_distance=bool(focus or search)
            )
        total = max(walk.total, len(nodes))
        graph = {
            "nodes": nodes,
            "edges": edges,
            "truncated": total - len(nodes),
            "total": total,
            # The total is a lower bound: the map says "more than".
            "total_capped": walk.total_capped,
            # What the user asked to see; the overview's starting points are
            # no focus.
            "focus": [key for key in walk.seed_keys if key in walk.nodes]
            if focus or search
            else [],
        }
        if choices:
            graph.update(self._filter_choice_lists())
        if jit is not None:
            # Only on success: after an error the request's transaction, and
            # the setting with it, is rolled back.
            _set_jit(self.env, jit)
        return graph

    @api.model
    def _relation_types(self):
        """Every type of relation between persons, archived ones included
        (a relation keeps its type)."""
        return self._rows(
            self.env["hr.relationship.type"].with_context(active_test=False),
            [],
            ["name", "name_inverse", "symmetric", "active"],
        )

    @api.model
    def _filter_choice_lists(self):
        clients = self._rows(self.env["hr.internal.client"], [], ["name"])
        return {
            "relation_types": self._relation_type_choices(),
            "health_states": self._health_state_choices(),
            "internal_clients": [[row["id"], row["name"]] for row in clients],
            "person_relation_types": [
                [row["id"], row["name"]]
                for row in self._relation_types()
                if row["active"]
            ],
            "network_flags": self._network_flag_choices(),
        }

    @api.model
    def _relation_type_choices(self):
        field = self.env["hr.stakeholder"]._fields["relation_type"]
        return field._description_selection(self.env)

    @api.model
    def _health_state_choices(self):
        Stakeholder = self.env["hr.stakeholder"]
        Client = self.env["hr.internal.client"]
        if not (
            _stored(Stakeholder, "health_state") or _stored(Client, "health_state")
        ):
            return []
        field = Stakeholder._fields.get("health_state") or Client._fields.get(
            "health_state"
        )
        if field.type != "selection":
            return []
        return field._description_selection(self.env)

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


def _jit_off(env):
    """Turn PostgreSQL's JIT compilation off for the rest of the map's read
    and return the setting as it was.

    The map's queries name the records they look up by id (``= ANY(array)``,
    one array per kind of record). With thousands of ids the planner's cost
    estimate, made of index lookups, passes ``jit_above_cost`` (and the
    inlining and optimisation thresholds), and PostgreSQL compiles the
    query's expressions with LLVM first: at 20,000 nodes on 100,000
    stakeholders the query of the lines took 1.6 to 4 s of compilation for
    1.2 to 1.8 s of execution (EXPLAIN ANALYZE). Index lookups gain nothing
    from compiled expressions, so the large reads (more than
    ``LARGE_READ`` nodes) go without JIT. ``set_config``
    with ``is_local`` is ``SET LOCAL``: it never outlives the transaction,
    and ``_set_jit`` restores it as soon as the map is read."""
    return env.execute_query(
        SQL(
            "SELECT old.jit, set_config('jit', 'off', true)"
            " FROM (SELECT current_setting('jit') AS jit OFFSET 0) AS old"
        )
    )[0][0]


@contextmanager
def _collector_paused(pause):
    """Pause Python's cyclic garbage collector while a large map is read.

    Reading 20,000 nodes makes hundreds of thousands of dicts, sets and
    tuples; each full collection they set off walks all of them, which cost
    100 to 250 ms of a 1.3 s read. What the read makes holds no reference
    cycles: reference counting frees it. The collector runs again as soon as
    the read is over (the pause is process-wide: a read that finds it paused
    by another leaves it to that one)."""
    paused = pause and gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _set_jit(env, value):
    env.execute_query(SQL("SELECT set_config('jit', %s, true)", value))


def _stored(Model, fname):
    field = Model._fields.get(fname)
    return bool(field and field.store and field.column_type)


class _Walk:
    """The nodes reached so far, in the order the cap keeps them: by
    distance from the seeds, then by importance."""

    def __init__(self, reader, limit):
        self.reader = reader
        self.limit = limit
        # key -> members ({raw type: ids}); the order of insertion is kept.
        self.nodes = {}
        self.keys = []
        self.distance = {}
        self.alias = {}
        self.seen = defaultdict(set)
        self.seed_keys = []
        self.overflow = 0
        self.total = 0
        self.total_capped = False
        self.frontier = {}

    def add_seeds(self, raw):
        rows = [(raw_type, res_id) for raw_type, ids in raw.items() for res_id in ids]
        self.add(rows, len(rows), distance=0)

    def add(self, rows, found, distance):
        """Resolve raw ``rows`` (best first) into nodes and keep them while
        the cap allows; ``found`` is how many rows there were before the
        query's limit."""
        position = {row: index for index, row in enumerate(rows)}
        raw = defaultdict(set)
        for raw_type, res_id in rows:
            raw[raw_type].add(res_id)
        groups = self.reader.resolve(raw)

        last = len(rows)

        def rank(group):
            best = last
            for raw_type, ids in group[1].items():
                for res_id in ids:
                    found = position.get((raw_type, res_id), last)
                    if found < best:
                        best = found
            return best

        frontier = defaultdict(set)
        kept = 0
        for key, members in sorted(groups, key=rank):
            if key in self.nodes:
                # Another way to the same person: remember the new aliases.
                for raw_type, ids in members.items():
                    self.nodes[key].setdefault(raw_type, set()).update(ids)
                    self.seen[raw_type] |= ids
                continue
            if len(self.keys) >= self.limit:
                self.overflow += 1
                continue
            kept += 1
            self.nodes[key] = members
            self.keys.append(key)
            self.distance[key] = distance
            if distance == 0:
                self.seed_keys.append(key)
            for raw_type, ids in members.items():
                self.seen[raw_type] |= ids
                for res_id in ids:
                    self.alias[(raw_type, res_id)] = key
                if raw_type not in self.reader.leaf_types:
                    frontier[raw_type] |= ids
        frontier["stakeholder"] -= self.reader.identity_only
        # What the limit of the query left out counts as left out too.
        self.overflow += max(found - len(rows), 0)
        self.frontier = frontier
        self.total = len(self.keys) + self.overflow
        return kept

    def expand(self, depth):
        """Walk ``depth`` steps from the seeds: two queries a step."""
        for step in range(1, depth + 1):
            rows, found = self.reader.neighbours(
                self.frontier, self.seen, self.limit - len(self.keys)
            )
            self.add(rows, found, distance=step)

    def answer(self, read_relation_types, with_distance):
        """Nodes and lines of the walk; ``read_relation_types`` is called
        only when a relation between persons is drawn."""
        raw = defaultdict(set)
        for members in self.nodes.values():
            for raw_type, ids in members.items():
                raw[raw_type] |= ids
        facts = self.reader.node_rows(raw)
        nodes = [self._node(key, with_distance, facts) for key in self.keys]
        rows = self.reader.edges(raw)
        relation_types = (
            read_relation_types()
            if any(row[0] == "person_relation" for row in rows)
            else []
        )
        return nodes, self._edges(rows, relation_types)

    def _node(self, key, with_distance, facts):
        members = self.nodes[key]
        prefix, res_id = key.rsplit("_", 1)
        res_id = int(res_id)
        row = facts.get((prefix, res_id)) or (None,) * 9
        node_type = NODE_TYPE_OF_RAW[prefix]
        node = {
            "id": key,
            "label": row[2] or "",
            "type": node_type,
            "influence": {"internal_client": 4, "project": 3, "department": 3}.get(
                node_type, 2
            ),
            "res_model": NODE_MODELS[prefix],
            "res_id": res_id,
        }
        roles = [
            role for role in ("stakeholder", "employee", "user") if members.get(role)
        ]
        if len(roles) > 1:
            node["roles"] = roles
        people = [
            facts[(role, member_id)]
            for role in ("employee", "user")
            for member_id in sorted(members.get(role, ()))
            if (role, member_id) in facts
        ]
        if prefix == "stakeholder":
            node.update(
                influence=row[4] or 1,
                relation_type=row[5],
                external=not members.get("employee") and not row[8],
            )
            if row[7]:
                node["coverage_gap"] = True
        elif prefix == "internal_client" and row[7]:
            node["single_threaded"] = True
        if row[6] and prefix in ("stakeholder", "internal_client"):
            node["health_state"] = row[6]
        subtitle = next((person[3] for person in people if person[3]), None)
        if subtitle or prefix == "employee":
            node["subtitle"] = subtitle or ""
        if any(person[7] for person in people):
            node["key_person"] = True
        if members.get("employee"):
            node["employee_id"] = min(members["employee"])
        if with_distance:
            node["distance"] = self.distance[key]
        return node

    def _edges(self, rows, relation_types):
        types = {row["id"]: row for row in relation_types}
        alias = self.alias.get
        edges = {}
        # Tens of thousands of rows on a large map: each line's dict is made
        # once, when it is first met.
        for (
            kind,
            a_type,
            a_id,
            b_type,
            b_id,
            weight,
            last_date,
            rel_id,
            type_id,
        ) in rows:
            source = alias((a_type, a_id))
            target = alias((b_type, b_id))
            if not source or not target or source == target:
                continue
            if kind == "interaction":
                key = (source, target, kind)
                edge = edges.get(key)
                if edge is None:
                    edges[key] = {
                        "source": source,
                        "target": target,
                        "type": kind,
                        "weight": weight,
                        "last_date": last_date or "",
                    }
                else:
                    edge["weight"] += weight
                    # ISO dates compare as text.
                    edge["last_date"] = max(edge["last_date"], last_date or "")
            elif kind == "person_relation":
                relation_type = types.get(type_id)
                if not relation_type:
                    continue
                label = relation_type["name"]
                edges[(source, target, rel_id)] = {
                    "source": source,
                    "target": target,
                    "type": kind,
                    "relation_id": rel_id,
                    "relation_type_id": type_id,
                    "label": label,
                    "inverse_label": label
                    if relation_type["symmetric"]
                    else relation_type["name_inverse"] or label,
                }
            elif (source, target, kind) not in edges:
                edges[(source, target, kind)] = {
                    "source": source,
                    "target": target,
                    "type": kind,
                }
        return list(edges.values())
