# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The relationship map's walk: from its seeds outwards, step by step, until
the cap."""

from collections import defaultdict

from .relationship_map_reader import NO_FACTS, NODE_TYPE_OF_RAW, RAW_MODELS


class MapWalk:
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
            if any(row.kind == "person_relation" for row in rows)
            else []
        )
        return nodes, self._edges(rows, relation_types)

    def _node(self, key, with_distance, facts):
        members = self.nodes[key]
        prefix, res_id = key.rsplit("_", 1)
        res_id = int(res_id)
        row = facts.get((prefix, res_id)) or NO_FACTS
        node_type = NODE_TYPE_OF_RAW[prefix]
        node = {
            "id": key,
            "label": row.label or "",
            "type": node_type,
            "influence": {"internal_client": 4, "project": 3, "department": 3}.get(
                node_type, 2
            ),
            "res_model": RAW_MODELS[prefix],
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
        # ``flag`` is the network mark of the record's kind: a stakeholder's
        # coverage gap, a client's single thread, a person's key role.
        if prefix == "stakeholder":
            node.update(
                influence=row.influence or 1,
                relation_type=row.relation_type,
                external=not members.get("employee") and not row.employee_id,
            )
            if row.flag:
                node["coverage_gap"] = True
        elif prefix == "internal_client" and row.flag:
            node["single_threaded"] = True
        if row.health_state and prefix in ("stakeholder", "internal_client"):
            node["health_state"] = row.health_state
        if row.drift_state and row.drift_state != "steady":
            node["drifting"] = True
        subtitle = next((person.subtitle for person in people if person.subtitle), None)
        if subtitle or prefix == "employee":
            node["subtitle"] = subtitle or ""
        if any(person.flag for person in people):
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
