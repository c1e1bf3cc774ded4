# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import api, fields, models
from odoo.exceptions import MissingError, UserError
from odoo.tools import SQL

from ..tools.large_read import collector_paused, jit_off, restore_jit
from ..tools.record_check import is_record_id
from ..tools.relationship_map_reader import RAW_MODELS, ColumnEdge, MapReader
from ..tools.relationship_map_walk import MapWalk
from ..tools.sql_names import is_stored_column

# Marks of the network refresh a node can carry; the map filters on them.
NETWORK_FLAGS = ("single_threaded", "coverage_gap", "key_person")

NODE_TYPES = ("internal_client", "stakeholder", "project", "department", "employee")
# Steps the overview walks from its first internal clients.
OVERVIEW_DEPTH = 2
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
        "drift_state",
        "drift_reasons",
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
        "drift_state",
        "drift_reasons",
    ],
    "project.project": ["user_id", "internal_client_id", "company_id"],
    "res.users": ["login", "company_id"],
}
# Ranges of get_graph's arguments: the client offers depths 1-4 and 500
# nodes; the benchmark asks for up to 100,000.
MAX_DEPTH = 10
MAX_LIMIT = 100_000
# A read of more than this many nodes is large: its queries pass PostgreSQL's
# JIT thresholds (see ``jit_off``) and its Python sets off full garbage
# collections (see ``collector_paused``); smaller reads need neither remedy.
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
NODE_KEY = re.compile(r"^(%s)_\d+$" % "|".join(RAW_MODELS))


class HrRelationshipMap(models.AbstractModel):
    """Builds the relationship map: every line between employees,
    departments, internal clients, stakeholders and projects that the current
    user may read, loaded with a fixed number of queries."""

    _name = "hr.relationship.map"
    _description = "HR Relationship Map"

    @api.readonly
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
        jit = jit_off(self.env) if large else None
        with collector_paused(large):
            reader = MapReader(
                self.env, filters, self._map_column_edges(), focus_project
            )
            walk = MapWalk(reader, limit)
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
            restore_jit(self.env, jit)
        return graph

    @api.model
    def _map_column_edges(self):
        """The lines stored as two columns of one table (see ``ColumnEdge``);
        a module that links the map's records by another column adds its
        own."""
        env = self.env
        edge = ColumnEdge.of_field
        return [
            edge(env, "manager", "employee", "employee", "hr.employee", "parent_id"),
            edge(
                env,
                "department",
                "employee",
                "department",
                "hr.employee",
                "department_id",
            ),
            edge(
                env,
                "client_department",
                "internal_client",
                "department",
                "hr.internal.client",
                "department_id",
            ),
            edge(
                env,
                "client_lead",
                "internal_client",
                "employee",
                "hr.internal.client",
                "client_lead_id",
            ),
            edge(
                env,
                "hr_partner",
                "internal_client",
                "user",
                "hr.internal.client",
                "hr_partner_id",
            ),
            edge(
                env, "project_manager", "project", "user", "project.project", "user_id"
            ),
            edge(
                env,
                "project_client",
                "project",
                "internal_client",
                "project.project",
                "internal_client_id",
            ),
            edge(
                env,
                "former_employee",
                "stakeholder",
                "employee",
                "hr.stakeholder",
                "former_employee_id",
            ),
            edge(
                env,
                "stakeholder_client",
                "stakeholder",
                "internal_client",
                "hr.stakeholder",
                "internal_client_ids",
            ),
            edge(
                env,
                "stakeholder_project",
                "stakeholder",
                "project",
                "hr.stakeholder",
                "project_position_ids",
                target="project_id",
                shown="project_ids",
            ),
        ]

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
            is_stored_column(Stakeholder, "health_state")
            or is_stored_column(Client, "health_state")
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
        if model not in RAW_MODELS.values() and model != "res.partner":
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
        for fname in many2many:
            Model._check_field_access(Model._fields[fname], "read")
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

    @api.readonly
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
