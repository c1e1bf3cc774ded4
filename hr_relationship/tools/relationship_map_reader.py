# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Reads the relationship map from the database one step at a time.

The map's records ("raw" records) are employees, users, stakeholders,
internal clients, projects and departments, plus the contacts (partners)
that relations between people point at. A person is one node however many
raw records stand for them: the stakeholders sharing a person contact
(``person_partner_id``: an employee's work contact, or the contact itself),
the employees with that work contact and the users of those employees. The
node's key is its first stakeholder's (``stakeholder_12``), else its first
employee's, else the user's.

Every set of records is a ``_search`` subquery, so that access rights,
record rules and the active flag apply as they do elsewhere; the columns
read go through ``_field_to_sql`` or ``_check_field_access``, so that
field groups apply. Each walking step costs two queries whatever the size
of the book: one for the raw neighbours (with a limit), one to resolve them
into persons.
"""

from collections import namedtuple

from odoo.tools import SQL

from .sql_names import is_stored_column, m2m_table

# Raw record types, their tables and models.
RAW_MODELS = {
    "employee": "hr.employee",
    "user": "res.users",
    "stakeholder": "hr.stakeholder",
    "internal_client": "hr.internal.client",
    "project": "project.project",
    "department": "hr.department",
}
PERSON_TYPES = ("employee", "user", "stakeholder")
# Which raw type a node type stands on (a user is drawn as an employee).
NODE_TYPE_OF_RAW = {
    "employee": "employee",
    "user": "employee",
    "stakeholder": "stakeholder",
    "internal_client": "internal_client",
    "project": "project",
    "department": "department",
}
# Order of what a step keeps when it cannot keep everything: the structure
# (clients, departments, people of HR, projects) before the stakeholders,
# these by influence.
STEP_RANK = {
    "internal_client": 0,
    "department": 1,
    "user": 2,
    "employee": 2,
    "partner": 2,
    "project": 3,
    "stakeholder": 4,
}


class ColumnEdge(
    namedtuple("ColumnEdge", "kind a_type b_type model source a_column b_column field")
):
    """A line stored as two columns of one table: its type, the types of the
    row's end and of the other end, the model whose ``field`` (the one whose
    read access the line needs) it is, the rows (``source``: the table, or
    a subquery when the field lives in another table, as an employee's
    department does on its current version) and the column of each end.
    The map model lists them (``hr.relationship.map._map_column_edges``),
    so that a module can add its own; the table and columns come from the
    fields' metadata."""

    __slots__ = ()

    @classmethod
    def of_field(
        cls, env, kind, a_type, b_type, model_name, field_name, target=None, shown=None
    ):
        """The lines a relational field of ``model_name`` draws: to the
        record a many2one names, to those a stored many2many names or,
        through the rows of a one2many, to the records their many2one
        ``target`` names (``shown``: the field that shows those records on
        the form, whose read access the lines need)."""
        model = env[model_name]
        field = model._fields[field_name]
        if field.type == "many2one" and field.inherited:
            # Every record, as the walk reads lines of records it already
            # chose: the model's own join to the table the field lives in.
            query = model.sudo().with_context(active_test=False)._search([])
            columns = SQL(
                "%s AS id, %s AS %s",
                SQL.identifier(query.table, "id"),
                model._field_to_sql(query.table, field_name, query),
                SQL.identifier(field_name),
            )
            source = SQL("(%s)", query.select(columns))
            a_column, b_column = "id", field_name
        elif field.type == "many2one":
            source, a_column, b_column = model._table, "id", field_name
        elif field.type == "many2many":
            source, a_column, b_column = field.relation, field.column1, field.column2
        else:
            source = env[field.comodel_name]._table
            a_column, b_column, field_name = field.inverse_name, target, shown
        if isinstance(source, str):
            source = SQL.identifier(source)
        return cls(
            kind, a_type, b_type, model_name, source, a_column, b_column, field_name
        )


# What a node shows of one raw record (``MapReader.node_rows``).
NodeFacts = namedtuple(
    "NodeFacts",
    "raw_type res_id label subtitle influence relation_type health_state"
    " flag employee_id drift_state",
)
NO_FACTS = NodeFacts(*(None,) * len(NodeFacts._fields))
# One line between two raw records (``MapReader.edges``): ``weight`` and
# ``last_date`` for interactions, ``relation_id`` and ``type_id`` for
# relations between persons.
EdgeRow = namedtuple(
    "EdgeRow", "kind a_type a_id b_type b_id weight last_date relation_id type_id"
)
# The overview counts at most this many records of each kind: beyond, the
# map says "more than".
COUNT_CAP = 2000
# Internal clients first in the overview by these stored network figures.
CLIENT_IMPORTANCE = ("high_influence_count", "hr_contact_count")


def _ids(values):
    return SQL("%s::int[]", sorted(values))


class IdSets:
    """The sets of ids one statement names, each written once as a
    ``WITH`` table and used as a subquery wherever it is needed.

    The walk's statements name the records reached so far (thousands of ids
    on a large map) in many places; an array literal repeated in each would
    make PostgreSQL estimate each element of each copy while planning, which
    at 15,000 nodes cost more than running the statement."""

    def __init__(self):
        self.values = {}
        self.sources = {}

    def __call__(self, name, values):
        """``(SELECT id FROM ids_<name>)``: the ids of ``values``, which
        every use of ``name`` in the statement must name."""
        if name in self.sources:
            # One table per name: another set under the same name would
            # silently read the first one's ids.
            known = self.sources[name]
            assert values is known or set(values) == set(known), (
                f"ids_{name} names two sets"
            )
        else:
            self.sources[name] = values
            self.values[name] = sorted(values)
        return SQL("(SELECT id FROM %s)", SQL.identifier(f"ids_{name}"))

    def wrap(self, statement):
        """``statement`` preceded by the ``WITH`` tables it uses."""
        if not self.values:
            return statement
        return SQL(
            "WITH %s %s",
            SQL(", ").join(
                SQL(
                    "%s(id) AS MATERIALIZED (SELECT unnest(%s::int[]))",
                    SQL.identifier(f"ids_{name}"),
                    values,
                )
                for name, values in self.values.items()
            ),
            statement,
        )


class MapReader:
    """One reading of the map for the current user and the given filters."""

    def __init__(self, env, filters, column_edges, focus_project_id=None):
        self.env = env
        self.filters = filters
        self.column_edges = column_edges
        self.types = set(filters.get("types") or NODE_TYPE_OF_RAW.values())
        client_ids = filters.get("internal_client_ids") or []
        # Around chosen internal clients, people and departments only
        # border the clients, their stakeholders and projects.
        self.leaf_types = (
            {"employee", "user", "department", "partner"} if client_ids else set()
        )
        for model_name, fname in self._read_fields():
            Model = env[model_name]
            Model._check_field_access(Model._fields[fname], "read")
        self.domains = self._domains(filters, client_ids, focus_project_id)
        self._bases = {}
        self._base_queries = {}
        self._key_users_sql = None
        self.allowed = {
            raw_type: self._select(
                raw_type, [SQL.identifier(self._base(raw_type)[0], "id")]
            )
            for raw_type, domain in self.domains.items()
            if domain is not None
        }
        # A person is the stakeholder they are in every view: when the map
        # around chosen internal clients draws them (a client's HR partner)
        # but their stakeholder stands apart from those clients, the node is
        # still that stakeholder, with its facts. Such stakeholders border
        # the map: the walk does not go on from them (``identity_only``).
        self.persons_filtered = bool(client_ids)
        self.persons = self.allowed.get("stakeholder")
        if self.persons is not None and self.persons_filtered:
            self.persons = (
                self.env["hr.stakeholder"]._search(self.person_domain).subselect()
            )
        self.identity_only = set()

    # ------------------------------------------------------------------
    # Record sets
    # ------------------------------------------------------------------

    def _read_fields(self):
        fields = [(edge.model, edge.field) for edge in self.column_edges]
        return fields + [
            ("hr.stakeholder", "person_partner_id"),
            ("hr.employee", "work_contact_id"),
            ("hr.employee", "user_id"),
            ("hr.relationship.interaction", "user_id"),
            ("hr.relationship.interaction", "stakeholder_ids"),
            ("hr.relationship.interaction", "internal_client_id"),
        ]

    def _stored(self, model_name, fname):
        return is_stored_column(self.env[model_name], fname)

    def _domains(self, filters, client_ids, focus_project_id):
        """The domain of each raw type, None for a type left out."""
        domains = {raw_type: [] for raw_type in RAW_MODELS}
        domains["project"] = [
            "|",
            ("internal_client_id", "!=", False),
            ("hr_project_stakeholder_ids", "!=", False),
        ]
        if focus_project_id:
            # A project opened from its form is shown even if HR has no part in it.
            domains["project"] = ["|", ("id", "=", focus_project_id)] + domains[
                "project"
            ]
        relation_types = filters.get("relation_types")
        if relation_types:
            domains["stakeholder"].append(("relation_type", "in", relation_types))
        health_states = filters.get("health_states")
        if health_states:
            for raw_type in RAW_MODELS:
                if self._stored(RAW_MODELS[raw_type], "health_state"):
                    domains[raw_type].append(("health_state", "in", health_states))
                else:
                    # No health to match: a health filter leaves them out.
                    domains[raw_type] = None
        flags = set(filters.get("network_flags") or [])
        if flags:
            domains["stakeholder"] = (
                domains["stakeholder"] + [("coverage_gap", "=", True)]
                if "coverage_gap" in flags
                else None
            )
            domains["internal_client"] = (
                domains["internal_client"] + [("single_threaded", "=", True)]
                if "single_threaded" in flags
                else None
            )
            if "key_person" not in flags:
                domains["employee"] = domains["user"] = None
        # The stakeholders a person drawn on the map is: those the filters on
        # stakeholders keep, wherever they stand from the chosen clients.
        kept = domains["stakeholder"]
        self.person_domain = None if kept is None else list(kept)
        if client_ids:
            domains["internal_client"] = domains["internal_client"] is not None and (
                domains["internal_client"] + [("id", "in", client_ids)]
            )
            domains["project"].append(("internal_client_id", "in", client_ids))
            if domains["stakeholder"] is not None:
                domains["stakeholder"].append(("internal_client_ids", "in", client_ids))
        for raw_type in RAW_MODELS:
            if NODE_TYPE_OF_RAW[raw_type] not in self.types:
                domains[raw_type] = None
            elif domains[raw_type] is False:
                domains[raw_type] = None
        self.key_persons_only = "key_person" in flags
        return domains

    def _query(self, raw_type, domain=(), order=None, limit=None):
        """The records of ``raw_type`` the user may see on the map, as a
        ``Query`` (access rules applied)."""
        Model = self.env[RAW_MODELS[raw_type]]
        if raw_type == "employee":
            Model = Model.with_context(active_test=False)
        query = Model._search(
            list(self.domains[raw_type]) + list(domain), order=order, limit=limit
        )
        if raw_type == "employee":
            # Archived employees only as the record an alumnus left behind.
            former = self.env["hr.stakeholder"]._search(
                [("former_employee_id", "!=", False)]
            )
            query.add_where(
                SQL(
                    "(%s OR %s IN %s)",
                    SQL.identifier(query.table, "active"),
                    SQL.identifier(query.table, "id"),
                    former.subselect(
                        SQL.identifier(former.table, "former_employee_id")
                    ),
                )
            )
        if raw_type in ("employee", "user") and self.key_persons_only:
            query.add_where(
                SQL(
                    "%s IN %s",
                    SQL.identifier(
                        query.table, "user_id" if raw_type == "employee" else "id"
                    ),
                    self._key_users(),
                )
            )
        return query

    def _base(self, name):
        """``(alias, from clause, where clause)`` of the records of ``name``
        (a raw type, "interaction" or "relation") the user may see; each is
        built once per reading, with its access rules."""
        if name not in self._bases:
            if name == "interaction":
                query = self.env["hr.relationship.interaction"]._search([])
            elif name == "relation":
                domain = [("is_active", "=", True)]
                type_ids = self.filters.get("person_relation_type_ids")
                if type_ids:
                    domain.append(("type_id", "in", type_ids))
                query = self.env["hr.person.relation"]._search(domain)
            else:
                query = self._query(name)
            where = query.where_clause if query._where_clauses else SQL("TRUE")
            self._base_queries[name] = query
            self._bases[name] = (
                query.table,
                query.from_clause,
                where,
                bool(query._joins),
            )
        return self._bases[name]

    def _select(self, name, columns, where=None, order=None, limit=None, join=None):
        """SELECT ``columns`` of the records of ``name`` the user may see
        (see ``_base``), in parentheses, as a subquery."""
        alias, from_clause, base_where, _joined = self._base(name)
        return SQL(
            "(SELECT %s FROM %s%s WHERE %s%s%s%s)",
            SQL(", ").join(columns),
            from_clause,
            join or SQL(),
            base_where,
            SQL(" AND %s", where) if where else SQL(),
            SQL(" ORDER BY %s", order) if order else SQL(),
            SQL(" LIMIT %s", limit) if limit is not None else SQL(),
        )

    def _key_users(self):
        """The HR users who are the only HR contact of a stakeholder or an
        internal client the user may read."""
        if self._key_users_sql is not None:
            return self._key_users_sql
        parts = []
        for model_name in ("hr.stakeholder", "hr.internal.client"):
            Model = self.env[model_name]
            query = Model._search([("hr_sole_contact_id", "!=", False)])
            parts.append(
                query.subselect(
                    Model._field_to_sql(query.table, "hr_sole_contact_id", query)
                )
            )
        self._key_users_sql = SQL(
            "(SELECT * FROM %s AS a UNION SELECT * FROM %s AS b)", *parts
        )
        return self._key_users_sql

    # ------------------------------------------------------------------
    # Seeds
    # ------------------------------------------------------------------

    def seeds_of_focus(self, focus, focus_record):
        """Raw keys a focus names."""
        if isinstance(focus, str):
            prefix, res_id = focus.rsplit("_", 1)
            return {prefix: [int(res_id)]}
        if focus_record._name == "res.partner":
            # A contact's roles: the people it stands for.
            return {"partner": [focus_record.id]}
        raw_type = next(
            raw_type
            for raw_type, model in RAW_MODELS.items()
            if model == focus_record._name
        )
        return {raw_type: [focus_record.id]}

    def seeds_of_search(self, needle, limit):
        """Raw keys of the records whose name holds ``needle``, the most
        important first."""
        branches = []
        for raw_type in RAW_MODELS:
            if raw_type not in self.allowed or raw_type == "user":
                continue
            query = self._query(raw_type, [("name", "ilike", needle)])
            query.order = None
            base = (query.table, query.from_clause, query.where_clause)
            branches.append(self._ranked_branch(raw_type, limit, base=base))
        return self._ranked_rows(branches, limit)

    def seeds_of_overview(self, limit):
        """The most important records of the first type shown: the internal
        clients by their stored network figures, else stakeholders by
        influence, else the rest."""
        for raw_type in ("internal_client", "stakeholder", "project", "department"):
            if raw_type in self.allowed:
                break
        else:
            raw_type = "employee" if "employee" in self.allowed else None
        if raw_type is None:
            return self._ranked_rows([], 0)
        return self._ranked_rows([self._ranked_branch(raw_type, limit)], limit)

    def _importance(self, raw_type, alias):
        if raw_type == "stakeholder":
            return SQL("COALESCE(%s, 0)", SQL.identifier(alias, "influence"))
        if raw_type == "internal_client":
            columns = [
                SQL("COALESCE(%s, 0)", SQL.identifier(alias, fname))
                for fname in CLIENT_IMPORTANCE
                if self._stored("hr.internal.client", fname)
            ]
            if columns:
                return SQL("(%s)", SQL(" * 1000 + ").join(columns))
        return SQL("0::int")

    def _ranked_branch(
        self, raw_type, limit, exclude=None, base=None, where=None, ids=None
    ):
        """``(type, id, importance)`` of the best ``limit`` records of a
        type (of ``base``, see ``_base``, when given), but those in
        ``exclude`` (ids, named through ``ids``, see ``IdSets``)."""
        alias, from_clause, base_where = (base or self._base(raw_type))[:3]
        importance = self._importance(raw_type, alias)
        id_column = SQL.identifier(alias, "id")
        conditions = [base_where]
        if exclude:
            conditions.append(
                SQL("%s NOT IN %s", id_column, ids(f"seen_{raw_type}", exclude))
            )
        if where:
            conditions.append(where)
        return SQL(
            "(SELECT %s, %s, %s FROM %s WHERE %s ORDER BY %s DESC, %s LIMIT %s)",
            raw_type,
            id_column,
            importance,
            from_clause,
            SQL(" AND ").join(conditions),
            importance,
            id_column,
            limit,
        )

    def _ranked_rows(self, branches, limit, ids=None):
        """Run the branches as one query (with the id sets they name, see
        ``IdSets``): ``[(type, id)]`` best first, and how many there were
        before the limit."""
        if not branches:
            branches = [SQL("(SELECT NULL::text, NULL::int, 0 WHERE FALSE)")]
        rank = SQL(
            "CASE c.t %s END",
            SQL(" ").join(
                SQL("WHEN %s THEN %s", raw_type, rank)
                for raw_type, rank in STEP_RANK.items()
            ),
        )
        statement = SQL(
            "SELECT c.t, c.id, COUNT(*) OVER () FROM (%s) AS c(t, id, importance)"
            " ORDER BY %s, c.importance DESC, c.id LIMIT %s",
            SQL(" UNION ALL ").join(branches),
            rank,
            max(limit, 0),
        )
        rows = self.env.execute_query(ids.wrap(statement) if ids else statement)
        total = rows[0][2] if rows else 0
        return [(row[0], row[1]) for row in rows], total

    # ------------------------------------------------------------------
    # Walking
    # ------------------------------------------------------------------

    def _allowed_join(self, there, column):
        """JOIN of the records of ``there`` the user may see on ``column``,
        and its condition: a join (rather than ``IN (subquery)``) lets the
        planner look the few candidates up by id."""
        alias, from_clause, where, joined = self._base(there)
        return (
            SQL(
                " JOIN %s ON %s = %s",
                SQL("(%s)", from_clause) if joined else from_clause,
                SQL.identifier(alias, "id"),
                column,
            ),
            where,
        )

    def neighbours(self, frontier, seen, limit):
        """Raw neighbours of the raw records in ``frontier`` not in ``seen``
        (both ``{type: ids}``), the most important ``limit`` first, and how
        many were found (each kind of line stops at ``limit``, so that a hub
        costs no more than the answer: beyond it, a lower bound)."""
        if limit <= 0:
            return self._ranked_rows([], 0)
        ids = IdSets()
        branches = []
        for edge in self.column_edges:
            for here, h_col, there, t_col in (
                (edge.a_type, edge.a_column, edge.b_type, edge.b_column),
                (edge.b_type, edge.b_column, edge.a_type, edge.a_column),
            ):
                if not frontier.get(here) or there not in self.allowed:
                    continue
                column = SQL.identifier("x", t_col)
                join, where = self._allowed_join(there, column)
                branches.append(
                    SQL(
                        "(SELECT %s, %s FROM %s x%s WHERE %s IN %s"
                        " AND %s AND %s NOT IN %s LIMIT %s)",
                        there,
                        column,
                        edge.source,
                        join,
                        SQL.identifier("x", h_col),
                        ids(f"frontier_{here}", frontier[here]),
                        where,
                        column,
                        ids(f"seen_{there}", seen.get(there, ())),
                        limit,
                    )
                )
        branches += self._interaction_branches(frontier, seen, limit, ids)
        branches += self._relation_branches(frontier, seen, limit, ids)
        if not branches:
            return self._ranked_rows([], 0)
        candidates = SQL(
            "SELECT t, id FROM (%s) AS n(t, id) WHERE id IS NOT NULL GROUP BY t, id",
            SQL(" UNION ALL ").join(branches),
        )
        ranked = SQL(
            "(SELECT c.t, c.id, CASE WHEN c.t = 'stakeholder' THEN"
            " COALESCE(s.influence, 0) ELSE 0 END"
            "   FROM (%s) AS c LEFT JOIN hr_stakeholder s"
            "     ON c.t = 'stakeholder' AND s.id = c.id)",
            candidates,
        )
        return self._ranked_rows([ranked], limit, ids)

    def _interaction_columns(self, there_type):
        """Join and columns of the interactions for lines to ``there_type``."""
        alias = self._base("interaction")[0]
        if there_type == "stakeholder":
            join = SQL(
                " JOIN %s who ON who.interaction_id = %s",
                m2m_table(self.env, "hr.relationship.interaction", "stakeholder_ids"),
                SQL.identifier(alias, "id"),
            )
            counterpart = SQL("who.stakeholder_id")
        else:
            join = None
            counterpart = SQL.identifier(alias, "internal_client_id")
        return join, SQL.identifier(alias, "user_id"), counterpart

    def _stakeholder_interactions(self):
        """FROM clause of the stakeholders' interactions the user may read,
        from the link table. The planner sees how many stakeholders a
        statement names (``IdSets``) and looks a few interactions up by id or
        joins thousands at once. Columns: ``who.stakeholder_id``,
        ``i.user_id``, ``i.date``."""
        alias, from_clause, where = self._base("interaction")[:3]
        return SQL(
            "%s who JOIN"
            " (SELECT %s AS id, %s AS user_id, %s AS date FROM %s WHERE %s) AS i"
            " ON i.id = who.interaction_id",
            m2m_table(self.env, "hr.relationship.interaction", "stakeholder_ids"),
            SQL.identifier(alias, "id"),
            SQL.identifier(alias, "user_id"),
            SQL.identifier(alias, "date"),
            from_clause,
            where,
        )

    def _interaction_branches(self, frontier, seen, limit, ids):
        branches = []
        if frontier.get("stakeholder") and "user" in self.allowed:
            join, where = self._allowed_join("user", SQL("i.user_id"))
            branches.append(
                SQL(
                    "(SELECT 'user', i.user_id FROM %s%s WHERE who.stakeholder_id"
                    " IN %s AND %s AND i.user_id NOT IN %s LIMIT %s)",
                    self._stakeholder_interactions(),
                    join,
                    ids("frontier_stakeholder", frontier["stakeholder"]),
                    where,
                    ids("seen_user", seen.get("user", ())),
                    limit,
                )
            )
        for there_type in ("stakeholder", "internal_client"):
            for here, there in (("user", there_type), (there_type, "user")):
                if (
                    not frontier.get(here)
                    or there not in self.allowed
                    or here == "stakeholder"
                ):
                    continue
                join, user, counterpart = self._interaction_columns(there_type)
                columns = {"user": user, there_type: counterpart}
                allowed_join, allowed_where = self._allowed_join(there, columns[there])
                branches.append(
                    self._select(
                        "interaction",
                        [SQL("%s", there), columns[there]],
                        where=SQL(
                            "%s IN %s AND %s AND %s NOT IN %s",
                            columns[here],
                            ids(f"frontier_{here}", frontier[here]),
                            allowed_where,
                            columns[there],
                            ids(f"seen_{there}", seen.get(there, ())),
                        ),
                        join=SQL("%s%s", join or SQL(), allowed_join),
                        limit=limit,
                    )
                )
        return branches

    def _relation_columns(self):
        alias = self._base("relation")[0]
        return [
            SQL.identifier(alias, fname)
            for fname in ("left_partner_id", "right_partner_id", "id", "type_id")
        ]

    def _relation_branches(self, frontier, seen, limit, ids):
        if not frontier.get("partner"):
            return []
        left, right, _id, _type = self._relation_columns()
        partners = ids("frontier_partner", frontier["partner"])
        seen_partners = ids("seen_partner", seen.get("partner", ()))
        return [
            self._select(
                "relation",
                [
                    SQL("'partner'"),
                    SQL(
                        "CASE WHEN %s IN %s THEN %s ELSE %s END",
                        left,
                        partners,
                        right,
                        left,
                    ),
                ],
                where=SQL(
                    "((%s IN %s AND %s NOT IN %s) OR (%s IN %s AND %s NOT IN %s))",
                    left,
                    partners,
                    right,
                    seen_partners,
                    right,
                    partners,
                    left,
                    seen_partners,
                ),
                limit=limit,
            )
        ]

    # ------------------------------------------------------------------
    # Persons
    # ------------------------------------------------------------------

    def _alumnus_partner(self, employee_id):
        """The contact of the alumnus stakeholder (one the user may see)
        whose former employee record is ``employee_id``, else NULL: that
        archived record is the same person as the alumnus, whose contact is
        a new private one rather than the old work contact."""
        return SQL(
            "(SELECT MIN(a.person_partner_id) FROM hr_stakeholder a"
            " WHERE a.former_employee_id = %s AND a.id IN %s)",
            employee_id,
            self.allowed.get("stakeholder", SQL("(SELECT NULL::int WHERE FALSE)")),
        )

    def resolve(self, raw):
        """Group raw records (``{type: ids}``) into nodes: ``[(key, roles,
        aliases)]`` where ``aliases`` maps each raw type to the ids the
        node stands for. Records the user may not see are left out."""
        allowed = self.allowed
        nothing = SQL("(SELECT NULL::int WHERE FALSE)")
        stakeholders = allowed.get("stakeholder", nothing)
        persons = self.persons or nothing
        person_type = SQL("'stakeholder'")
        if self.persons_filtered:
            person_type = SQL(
                "CASE WHEN s.id IN %s THEN 'stakeholder' ELSE 'person' END",
                stakeholders,
            )
        employees = allowed.get("employee", nothing)
        params = {
            "s": _ids(raw.get("stakeholder", ())),
            "e": _ids(raw.get("employee", ())),
            "u": _ids(raw.get("user", ())),
            "p": _ids(raw.get("partner", ())),
        }
        branches = [
            SQL(
                "SELECT 'partner', p.pid, %s, s.id, NULL::int"
                "  FROM pids p JOIN hr_stakeholder s ON s.person_partner_id = p.pid"
                " WHERE s.id IN %s",
                person_type,
                persons,
            ),
            SQL(
                "SELECT 'partner', p.pid, 'employee', e.id, e.user_id"
                "  FROM pids p JOIN hr_employee e ON e.work_contact_id = p.pid"
                " WHERE e.id IN %s AND %s IS NULL",
                employees,
                self._alumnus_partner(SQL("e.id")),
            ),
            # An alumnus's archived employee record: the alumnus's person.
            SQL(
                "SELECT 'partner', p.pid, 'employee', e.id, e.user_id"
                "  FROM pids p JOIN hr_stakeholder s ON s.person_partner_id = p.pid"
                "  JOIN hr_employee e ON e.id = s.former_employee_id"
                " WHERE s.id IN %s AND e.id IN %s",
                stakeholders,
                employees,
            ),
            SQL(
                "SELECT 'stakeholder', id, 'stakeholder', id, NULL"
                "  FROM in_s WHERE pid IS NULL"
            ),
            SQL(
                "SELECT 'employee', id, 'employee', id, uid FROM in_e WHERE pid IS NULL"
            ),
        ]
        if "user" in allowed:
            branches.append(
                SQL(
                    "SELECT 'user', u.id, 'user', u.id, u.id FROM res_users u"
                    " WHERE u.id = ANY(%s) AND u.id IN %s"
                    "   AND NOT EXISTS (SELECT 1 FROM in_e WHERE in_e.uid = u.id)",
                    params["u"],
                    allowed["user"],
                )
            )
        for raw_type, table in (
            ("internal_client", "hr_internal_client"),
            ("project", "project_project"),
            ("department", "hr_department"),
        ):
            if raw_type in allowed and raw.get(raw_type):
                branches.append(
                    SQL(
                        "SELECT %s, x.id, %s, x.id, NULL FROM %s x"
                        " WHERE x.id = ANY(%s) AND x.id IN %s",
                        raw_type,
                        raw_type,
                        SQL.identifier(table),
                        _ids(raw[raw_type]),
                        allowed[raw_type],
                    )
                )
        rows = self.env.execute_query(
            SQL(
                """
                WITH in_s AS (
                    SELECT s.id, s.person_partner_id AS pid FROM hr_stakeholder s
                     WHERE s.id = ANY(%(s)s) AND s.id IN %(stakeholders)s
                ), in_e AS (
                    SELECT e.id, COALESCE(%(alumnus)s, e.work_contact_id) AS pid,
                           e.user_id AS uid
                      FROM hr_employee e
                     WHERE (e.id = ANY(%(e)s) OR e.user_id = ANY(%(u)s))
                       AND e.id IN %(employees)s
                ), pids AS (
                    SELECT pid FROM in_s WHERE pid IS NOT NULL
                     UNION SELECT pid FROM in_e WHERE pid IS NOT NULL
                     UNION SELECT unnest(%(p)s)
                )
                %(branches)s
                """,
                stakeholders=stakeholders,
                employees=employees,
                alumnus=self._alumnus_partner(SQL("e.id")),
                branches=SQL(" UNION ALL ").join(branches),
                **params,
            )
        )
        # Plain dicts and sets: tens of thousands of groups on a large map,
        # most of them of one record.
        with_users = "user" in allowed
        groups = {}
        for group_type, group_id, member_type, member_id, user_id in rows:
            if member_type == "person":
                # The person's stakeholder, outside the filters.
                member_type = "stakeholder"
                self.identity_only.add(member_id)
            members = groups.get((group_type, group_id))
            if members is None:
                members = groups[(group_type, group_id)] = {}
                if group_type == "partner":
                    members["partner"] = {group_id}
            ids = members.get(member_type)
            if ids is None:
                members[member_type] = {member_id}
            else:
                ids.add(member_id)
            if user_id and with_users:
                members.setdefault("user", set()).add(user_id)
        nodes = []
        for members in groups.values():
            for role in ("stakeholder", "employee", "user"):
                if members.get(role):
                    key = f"{role}_{min(members[role])}"
                    break
            else:
                key = next(
                    f"{raw_type}_{min(ids)}" for raw_type, ids in members.items() if ids
                )
            nodes.append((key, members))
        return nodes

    # ------------------------------------------------------------------
    # Overview fill and count
    # ------------------------------------------------------------------

    def _referenced_users(self, alias):
        """Users drawn as people of their own: the HR partner of a client or
        the manager of a project, with no employee the user may see. (Those
        met only through interactions are reached by walking, not listed:
        telling them apart would read every interaction of the book.)"""
        user_id = SQL.identifier(alias, "id")
        nothing = SQL("(SELECT NULL::int WHERE FALSE)")
        return SQL(
            "(%(user)s IN (SELECT c.hr_partner_id FROM hr_internal_client c"
            "              WHERE c.id IN %(clients)s"
            "              UNION SELECT p.user_id FROM project_project p"
            "              WHERE p.id IN %(projects)s)"
            " AND NOT EXISTS (SELECT 1 FROM hr_employee e WHERE e.user_id = %(user)s"
            "                 AND e.id IN %(employees)s))",
            user=user_id,
            employees=self.allowed.get("employee", nothing),
            clients=self.allowed.get("internal_client", nothing),
            projects=self.allowed.get("project", nothing),
        )

    def fill(self, seen, limit):
        """The most important records not reached yet: the overview shows
        them when the cap leaves room (a small book shows whole)."""
        ids = IdSets()
        branches = []
        for raw_type in RAW_MODELS:
            if (
                limit <= 0
                or raw_type not in self.allowed
                or raw_type in self.leaf_types
            ):
                continue
            where = None
            if raw_type == "user":
                where = self._referenced_users(self._base("user")[0])
            branches.append(
                self._ranked_branch(
                    raw_type, limit, seen.get(raw_type), where=where, ids=ids
                )
            )
        return self._ranked_rows(branches, limit, ids)

    def count(self):
        """How many nodes the user may see (persons once), counting at most
        ``COUNT_CAP`` records of each kind so that the cost does not follow
        the book: ``(count, capped)``, ``capped`` when the count is a lower
        bound."""
        parts = []
        persons = []
        for raw_type in RAW_MODELS:
            if raw_type not in self.allowed:
                continue
            alias = self._base(raw_type)[0]
            if raw_type in ("stakeholder", "employee"):
                partner = (
                    SQL.identifier(alias, "person_partner_id")
                    if raw_type == "stakeholder"
                    else SQL(
                        "COALESCE(%s, %s)",
                        self._alumnus_partner(SQL.identifier(alias, "id")),
                        SQL.identifier(alias, "work_contact_id"),
                    )
                )
                persons.append(
                    self._select(
                        raw_type,
                        [
                            SQL(
                                "COALESCE(%s * 4, %s * 4 + %s)",
                                partner,
                                SQL.identifier(alias, "id"),
                                1 if raw_type == "stakeholder" else 2,
                            )
                        ],
                        limit=COUNT_CAP + 1,
                    )
                )
                continue
            where = self._referenced_users(alias) if raw_type == "user" else None
            parts.append(
                SQL(
                    "(SELECT COUNT(*) FROM %s AS r)",
                    self._select(
                        raw_type, [SQL("1")], where=where, limit=COUNT_CAP + 1
                    ),
                )
            )
        counts = [SQL("0")] + [SQL("LEAST(%s, %s)", part, COUNT_CAP) for part in parts]
        capped = [SQL("FALSE")] + [SQL("%s > %s", part, COUNT_CAP) for part in parts]
        for branch in persons:
            # Each kind on its own, so that reaching the cap shows.
            capped.append(SQL("(SELECT COUNT(*) FROM %s AS r) > %s", branch, COUNT_CAP))
        if persons:
            counts.append(
                SQL(
                    "(SELECT COUNT(DISTINCT k) FROM (%s) AS p(k))",
                    SQL(" UNION ALL ").join(persons),
                )
            )
        total, is_capped = self.env.execute_query(
            SQL("SELECT %s, %s", SQL(" + ").join(counts), SQL(" OR ").join(capped))
        )[0]
        return total, is_capped

    # ------------------------------------------------------------------
    # Nodes and lines of the answer
    # ------------------------------------------------------------------

    def node_rows(self, raw):
        """Facts of the raw records (``{type: ids}``) for their nodes, in one
        query: ``{(type, id): NodeFacts}``."""
        env = self.env
        key_users = self._key_users()
        branches = []
        for raw_type, model_name in RAW_MODELS.items():
            ids = raw.get(raw_type)
            if not ids:
                continue
            Model = env[model_name]
            if raw_type == "stakeholder" and self.persons_filtered:
                # The persons' stakeholders, those outside the filters too.
                query = Model._search(self.person_domain)
            else:
                # The records were found through the type's query: reuse it
                # (its access rules included) rather than search again;
                # nothing uses it after this.
                self._base(raw_type)
                query = self._base_queries[raw_type]
            query.add_where(
                SQL("%s = ANY(%s)", SQL.identifier(query.table, "id"), _ids(ids))
            )
            query.order = None
            alias = query.table

            def col(fname, Model=Model, alias=alias, query=query):
                return Model._field_to_sql(alias, fname, query)

            null_text, null_int = SQL("NULL::text"), SQL("NULL::int")
            label = col("name")
            subtitle = null_text
            influence = null_int
            relation = null_text
            health = null_text
            flag = SQL("FALSE")
            employee = null_int
            drift = null_text
            if raw_type == "stakeholder":
                influence = col("influence")
                relation = SQL("%s::text", col("relation_type"))
                employee = col("employee_id")
                if self._stored(model_name, "health_state"):
                    health = SQL("%s::text", col("health_state"))
                flag = SQL("COALESCE(%s, FALSE)", col("coverage_gap"))
            elif raw_type == "internal_client":
                if self._stored(model_name, "health_state"):
                    health = SQL("%s::text", col("health_state"))
                flag = SQL("COALESCE(%s, FALSE)", col("single_threaded"))
            elif raw_type == "employee":
                subtitle = SQL("%s::text", col("job_title"))
                flag = SQL("COALESCE(%s IN %s, FALSE)", col("user_id"), key_users)
            elif raw_type == "user":
                flag = SQL("COALESCE(%s IN %s, FALSE)", col("id"), key_users)
            if raw_type in ("stakeholder", "internal_client") and self._stored(
                model_name, "drift_state"
            ):
                drift = SQL("%s::text", col("drift_state"))
            branches.append(
                query.select(
                    SQL("%s", raw_type),
                    col("id"),
                    SQL("%s::text", label),
                    subtitle,
                    influence,
                    relation,
                    health,
                    flag,
                    employee,
                    drift,
                )
            )
        if not branches:
            branches = [SQL("SELECT NULL::text, NULL::int WHERE FALSE")]
        rows = env.execute_query(
            SQL(" UNION ALL ").join(SQL("(%s)", b) for b in branches)
        )
        make = NodeFacts._make
        return {(row[0], row[1]): make(row) for row in rows}

    def edges(self, raw):
        """Every line between the raw records (``{type: ids}``), as
        ``EdgeRow``."""
        ids = IdSets()
        branches = []
        null = SQL("NULL::int, NULL::text, NULL::int, NULL::int")
        for edge in self.column_edges:
            if not raw.get(edge.a_type) or not raw.get(edge.b_type):
                continue
            a_column = SQL.identifier("x", edge.a_column)
            b_column = SQL.identifier("x", edge.b_column)
            branches.append(
                SQL(
                    "SELECT %s, %s, %s, %s, %s, %s FROM %s x"
                    " WHERE %s IN %s AND %s IN %s",
                    edge.kind,
                    edge.a_type,
                    a_column,
                    edge.b_type,
                    b_column,
                    null,
                    edge.source,
                    a_column,
                    ids(edge.a_type, raw[edge.a_type]),
                    b_column,
                    ids(edge.b_type, raw[edge.b_type]),
                )
            )
        if raw.get("user") and raw.get("stakeholder"):
            branches.append(
                SQL(
                    "SELECT 'interaction', 'user', i.user_id, 'stakeholder',"
                    " who.stakeholder_id, COUNT(*)::int, MAX(i.date)::text, NULL::int,"
                    " NULL::int FROM %s WHERE who.stakeholder_id IN %s"
                    " AND i.user_id IN %s GROUP BY i.user_id, who.stakeholder_id",
                    self._stakeholder_interactions(),
                    ids("stakeholder", raw["stakeholder"]),
                    ids("user", raw["user"]),
                )
            )
        if raw.get("user") and raw.get("internal_client"):
            _join, user, counterpart = self._interaction_columns("internal_client")
            alias = self._base("interaction")[0]
            branches.append(
                SQL(
                    "SELECT 'interaction', 'user', i.u, 'internal_client', i.c, i.n,"
                    " i.d, NULL::int, NULL::int FROM %s AS i(u, c, n, d)",
                    self._select(
                        "interaction",
                        [
                            user,
                            counterpart,
                            SQL("COUNT(*)::int"),
                            SQL("MAX(%s)::text", SQL.identifier(alias, "date")),
                        ],
                        where=SQL(
                            "%s IN %s AND %s IN %s GROUP BY %s, %s",
                            user,
                            ids("user", raw["user"]),
                            counterpart,
                            ids("internal_client", raw["internal_client"]),
                            user,
                            counterpart,
                        ),
                    ),
                )
            )
        if raw.get("partner"):
            partners = ids("partner", raw["partner"])
            left, right, rel_id, type_id = self._relation_columns()
            branches.append(
                self._select(
                    "relation",
                    [
                        SQL("'person_relation', 'partner'"),
                        left,
                        SQL("'partner'"),
                        right,
                        SQL("NULL::int, NULL::text"),
                        rel_id,
                        type_id,
                    ],
                    where=SQL("%s IN %s AND %s IN %s", left, partners, right, partners),
                )
            )
        if not branches:
            branches = [SQL("SELECT NULL::text WHERE FALSE")]
        rows = self.env.execute_query(
            ids.wrap(
                SQL(" UNION ALL ").join(SQL("(%s)", branch) for branch in branches)
            )
        )
        return list(map(EdgeRow._make, rows))
