# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

import networkx as nx

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.sql_names import m2m_table
from .hr_stakeholder import HIGH_SCORE

# Days back an interaction counts as a live contact (setting) and its default.
NETWORK_WINDOW_PARAM = "hr_relationship.network_window_days"
NETWORK_WINDOW_DEFAULT = 90
# Relationship strength: every interaction up to today counts 0.5 ** (age in
# days / half-life), so a contact of today counts 1 and one of 90 days ago 0.5.
STRENGTH_HALF_LIFE_DAYS = 90.0
# Betweenness is exact up to this many nodes and sampled from this many
# sources above it (networkx's approximation, with a fixed seed so that the
# figures do not move between two runs on the same data).
BETWEENNESS_SAMPLES = 64
BETWEENNESS_SEED = 42
# Records whose network the "who knows" question can be asked about, and how
# each maps onto stakeholders: ("stakeholder column", or None for clients).
WHO_KNOWS_TARGETS = {
    "hr.stakeholder": "id",
    "hr.employee": "employee_id",
    "res.partner": "partner_id",
    "hr.internal.client": None,
}
WHO_KNOWS_LIMIT = 20
# Acquaintances of the target looked at for a warm path.
WARM_NEIGHBOUR_LIMIT = 500


class HrRelationshipNetwork(models.AbstractModel):
    """Reads the relationship network that the interactions, the stakeholder
    links and the org chart draw: who in HR reaches whom, which clients hang
    on one HR person, which powerful stakeholders nobody spoke to in time,
    who brokers between parts of the organisation, and who knows a person."""

    _name = "hr.relationship.network"
    _description = "HR Relationship Network"

    @api.model
    def _window_days(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(NETWORK_WINDOW_PARAM, NETWORK_WINDOW_DEFAULT)
        )
        try:
            return max(int(value), 1)
        except (TypeError, ValueError):
            return NETWORK_WINDOW_DEFAULT

    @api.model
    def _strength_sql(self, date_column, today):
        return SQL(
            "SUM(POWER(0.5, (%s - %s) / %s))",
            today,
            date_column,
            STRENGTH_HALF_LIFE_DAYS,
        )

    # ------------------------------------------------------------------
    # The daily refresh
    # ------------------------------------------------------------------
    @api.model
    def _cron_refresh_network(self):
        """Daily job: recompute every stored network figure."""
        self._refresh_network()

    @api.model
    def _refresh_network(self):
        """Recompute the network figures of every stakeholder, internal
        client and portfolio with a fixed number of statements: the number
        of queries does not grow with the data. Interactions dated after
        today are plans, not contacts, and are left out everywhere."""
        today, since = self._network_prepare()
        self._refresh_stakeholders(today, since)
        self._refresh_clients(today, since)
        brokerage = self._brokerage(today, since)
        self.env["hr.relationship.portfolio"]._refresh_portfolios(
            today, since, brokerage
        )
        self._network_invalidate()
        return True

    @api.model
    def _refresh_network_of(self, stakeholder_ids, client_ids):
        """The figures of these stakeholders and internal clients, now, with
        the statements of the daily refresh restricted to them; the
        portfolios, whose brokerage needs the whole network, follow when the
        daily job, triggered here, has run (within minutes)."""
        today, since = self._network_prepare()
        if stakeholder_ids:
            self._refresh_stakeholders(today, since, stakeholder_ids)
        if client_ids:
            self._refresh_clients(today, since, client_ids)
        self._network_invalidate()
        cron = self.env.ref(
            "hr_relationship.ir_cron_refresh_relationship_network",
            raise_if_not_found=False,
        )
        if cron:
            cron.sudo()._trigger()

    def _network_prepare(self):
        for model_name in (
            "hr.relationship.interaction",
            "hr.stakeholder",
            "hr.internal.client",
            "hr.relationship.portfolio",
            "hr.employee",
        ):
            self.env[model_name].flush_model()
        today = fields.Date.context_today(self)
        return today, today - timedelta(days=self._window_days() - 1)

    def _network_invalidate(self):
        self.env["hr.stakeholder"].invalidate_model(
            [
                "hr_contact_count",
                "hr_sole_contact_id",
                "hr_strongest_contact_id",
                "hr_relationship_strength",
                "coverage_gap",
            ],
            flush=False,
        )
        self.env["hr.internal.client"].invalidate_model(
            [
                "hr_contact_count",
                "single_threaded",
                "hr_sole_contact_id",
                "high_influence_count",
                "coverage_gap_count",
                "coverage",
            ],
            flush=False,
        )

    def _refresh_stakeholders(self, today, since, stakeholder_ids=None):
        """The figures of all stakeholders, or of ``stakeholder_ids``."""
        if stakeholder_ids is None:
            pair_scope = stakeholder_scope = SQL("TRUE")
        else:
            pair_scope = SQL("rel.stakeholder_id = ANY(%s)", list(stakeholder_ids))
            stakeholder_scope = SQL("stakeholder.id = ANY(%s)", list(stakeholder_ids))
        self.env.cr.execute(
            SQL(
                """
                WITH pairs AS (
                    SELECT rel.stakeholder_id, interaction.user_id,
                           COUNT(*) FILTER (WHERE interaction.date >= %(since)s)
                               AS recent,
                           %(strength)s AS strength,
                           MAX(interaction.date) AS last_date
                      FROM %(interaction_rel)s rel
                      JOIN hr_relationship_interaction interaction
                        ON interaction.id = rel.interaction_id
                     WHERE interaction.date <= %(today)s AND %(pair_scope)s
                     GROUP BY rel.stakeholder_id, interaction.user_id
                ), per_stakeholder AS (
                    SELECT stakeholder_id,
                           COUNT(*) FILTER (WHERE recent > 0) AS contact_count,
                           MIN(user_id) FILTER (WHERE recent > 0) AS any_user,
                           MAX(last_date) AS last_date
                      FROM pairs
                     GROUP BY stakeholder_id
                ), strongest AS (
                    SELECT DISTINCT ON (stakeholder_id) stakeholder_id, user_id,
                           ROUND(strength::numeric, 2) AS strength
                      FROM pairs
                     ORDER BY stakeholder_id, strength DESC, user_id
                ), fresh AS (
                    SELECT stakeholder.id,
                           COALESCE(per.contact_count, 0) AS contact_count,
                           CASE WHEN per.contact_count = 1 THEN per.any_user
                           END AS sole_user,
                           strongest.user_id AS strongest_user,
                           strongest.strength,
                           COALESCE(stakeholder.active
                               AND stakeholder.influence >= %(high)s
                               AND stakeholder.contact_cadence_days > 0
                               AND (per.last_date IS NULL
                                    OR per.last_date < %(today)s
                                        - stakeholder.contact_cadence_days),
                               FALSE) AS gap
                      FROM hr_stakeholder stakeholder
                 LEFT JOIN per_stakeholder per
                        ON per.stakeholder_id = stakeholder.id
                 LEFT JOIN strongest ON strongest.stakeholder_id = stakeholder.id
                     WHERE %(stakeholder_scope)s
                )
                UPDATE hr_stakeholder stakeholder
                   SET hr_contact_count = fresh.contact_count,
                       hr_sole_contact_id = fresh.sole_user,
                       hr_strongest_contact_id = fresh.strongest_user,
                       hr_relationship_strength = fresh.strength,
                       coverage_gap = fresh.gap
                  FROM fresh
                 WHERE stakeholder.id = fresh.id
                   AND (stakeholder.hr_contact_count
                            IS DISTINCT FROM fresh.contact_count
                        OR stakeholder.hr_sole_contact_id
                            IS DISTINCT FROM fresh.sole_user
                        OR stakeholder.hr_strongest_contact_id
                            IS DISTINCT FROM fresh.strongest_user
                        OR stakeholder.hr_relationship_strength
                            IS DISTINCT FROM fresh.strength
                        OR stakeholder.coverage_gap IS DISTINCT FROM fresh.gap)
                """,
                interaction_rel=m2m_table(
                    self.env, "hr.stakeholder", "interaction_ids"
                ),
                since=since,
                today=today,
                high=HIGH_SCORE,
                strength=self._strength_sql(SQL("interaction.date"), today),
                pair_scope=pair_scope,
                stakeholder_scope=stakeholder_scope,
            )
        )

    def _refresh_clients(self, today, since, client_ids=None):
        """The figures of all internal clients, or of ``client_ids``. Reads
        the coverage gaps the stakeholder step has written."""
        if client_ids is None:
            direct_scope = link_scope = client_scope = SQL("TRUE")
        else:
            ids = list(client_ids)
            direct_scope = SQL("internal_client_id = ANY(%s)", ids)
            link_scope = SQL("link.internal_client_id = ANY(%s)", ids)
            client_scope = SQL("client.id = ANY(%s)", ids)
        self.env.cr.execute(
            SQL(
                """
                WITH contacts AS (
                    SELECT internal_client_id AS client_id, user_id
                      FROM hr_relationship_interaction
                     WHERE internal_client_id IS NOT NULL
                       AND date BETWEEN %(since)s AND %(today)s
                       AND %(direct_scope)s
                     UNION
                    SELECT link.internal_client_id, interaction.user_id
                      FROM %(client_rel)s link
                      JOIN %(interaction_rel)s rel
                        ON rel.stakeholder_id = link.stakeholder_id
                      JOIN hr_relationship_interaction interaction
                        ON interaction.id = rel.interaction_id
                     WHERE interaction.date BETWEEN %(since)s AND %(today)s
                       AND %(link_scope)s
                ), per_client AS (
                    SELECT client_id, COUNT(*) AS contact_count,
                           MIN(user_id) AS any_user
                      FROM contacts
                     GROUP BY client_id
                ), coverage AS (
                    SELECT link.internal_client_id AS client_id,
                           COUNT(*) FILTER (
                               WHERE stakeholder.influence >= %(high)s
                                 AND stakeholder.contact_cadence_days > 0
                           ) AS high_count,
                           COUNT(*) FILTER (WHERE stakeholder.coverage_gap)
                               AS gap_count
                      FROM %(client_rel)s link
                      JOIN hr_stakeholder stakeholder
                        ON stakeholder.id = link.stakeholder_id
                     WHERE stakeholder.active AND %(link_scope)s
                     GROUP BY link.internal_client_id
                ), fresh AS (
                    SELECT client.id,
                           COALESCE(per.contact_count, 0) AS contact_count,
                           CASE WHEN per.contact_count = 1 THEN per.any_user
                           END AS sole_user,
                           COALESCE(coverage.high_count, 0) AS high_count,
                           COALESCE(coverage.gap_count, 0) AS gap_count,
                           CASE WHEN coverage.high_count > 0
                                THEN ROUND(100.0 * (coverage.high_count
                                                    - coverage.gap_count)
                                           / coverage.high_count, 1)
                           END AS coverage
                      FROM hr_internal_client client
                 LEFT JOIN per_client per ON per.client_id = client.id
                 LEFT JOIN coverage ON coverage.client_id = client.id
                     WHERE %(client_scope)s
                )
                UPDATE hr_internal_client client
                   SET hr_contact_count = fresh.contact_count,
                       single_threaded = fresh.contact_count = 1,
                       hr_sole_contact_id = fresh.sole_user,
                       high_influence_count = fresh.high_count,
                       coverage_gap_count = fresh.gap_count,
                       coverage = fresh.coverage
                  FROM fresh
                 WHERE client.id = fresh.id
                   AND (client.hr_contact_count IS DISTINCT FROM fresh.contact_count
                        OR client.hr_sole_contact_id IS DISTINCT FROM fresh.sole_user
                        OR client.high_influence_count
                            IS DISTINCT FROM fresh.high_count
                        OR client.coverage_gap_count IS DISTINCT FROM fresh.gap_count
                        OR client.coverage IS DISTINCT FROM fresh.coverage)
                """,
                interaction_rel=m2m_table(
                    self.env, "hr.stakeholder", "interaction_ids"
                ),
                client_rel=m2m_table(self.env, "hr.stakeholder", "internal_client_ids"),
                since=since,
                today=today,
                high=HIGH_SCORE,
                direct_scope=direct_scope,
                link_scope=link_scope,
                client_scope=client_scope,
            )
        )

    @api.model
    def _graph_edges(self, today, since):
        """``(company id, node, node)`` rows of the live network, with the
        stakeholders folded into their internal clients: an HR colleague is
        linked to a client they or one of its stakeholders met in the window,
        and to a stakeholder of no client they met. Nodes are ``u<id>``,
        ``c<id>`` and ``s<id>``. On the unfolded graph (one node per
        stakeholder) even networkx's sampled betweenness takes minutes at
        100,000 stakeholders; folded, it keeps who bridges which parts of the
        organisation."""
        self.env.cr.execute(
            SQL(
                """
                SELECT company_id, 'u' || user_id, 'c' || internal_client_id
                  FROM hr_relationship_interaction
                 WHERE internal_client_id IS NOT NULL
                   AND date BETWEEN %(since)s AND %(today)s
                 UNION
                SELECT client.company_id, 'u' || interaction.user_id,
                       'c' || link.internal_client_id
                  FROM %(client_rel)s link
                  JOIN hr_internal_client client
                    ON client.id = link.internal_client_id AND client.active
                  JOIN %(interaction_rel)s rel
                    ON rel.stakeholder_id = link.stakeholder_id
                  JOIN hr_relationship_interaction interaction
                    ON interaction.id = rel.interaction_id
                 WHERE interaction.date BETWEEN %(since)s AND %(today)s
                 UNION
                SELECT interaction.company_id, 'u' || interaction.user_id,
                       's' || rel.stakeholder_id
                  FROM hr_relationship_interaction interaction
                  JOIN %(interaction_rel)s rel
                    ON rel.interaction_id = interaction.id
                 WHERE interaction.date BETWEEN %(since)s AND %(today)s
                   AND NOT EXISTS (
                       SELECT 1 FROM %(client_rel)s link
                         JOIN hr_internal_client client
                           ON client.id = link.internal_client_id
                        WHERE link.stakeholder_id = rel.stakeholder_id
                          AND client.active)
                """,
                interaction_rel=m2m_table(
                    self.env, "hr.stakeholder", "interaction_ids"
                ),
                client_rel=m2m_table(self.env, "hr.stakeholder", "internal_client_ids"),
                since=since,
                today=today,
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _build_graphs(self, edges):
        """One undirected networkx graph per company."""
        graphs = {}
        for company_id, source, target in edges:
            graph = graphs.get(company_id)
            if graph is None:
                graph = graphs[company_id] = nx.Graph()
            graph.add_edge(source, target)
        return graphs

    @api.model
    def _brokerage(self, today, since):
        """``{(user id, company id): betweenness}`` of every HR person in the
        live network of each company (normalised, 0-1). Only the parts of a
        graph that an HR person reaches can put anyone on a shortest path
        between others, so the rest is dropped before measuring."""
        result = {}
        for company_id, graph in self._build_graphs(
            self._graph_edges(today, since)
        ).items():
            users = [node for node in graph if node[0] == "u"]
            reached = set()
            for user in users:
                if user not in reached:
                    reached |= nx.node_connected_component(graph, user)
            if len(reached) < len(graph):
                # A copy: networkx's subgraph views filter on every step.
                graph = graph.subgraph(reached).copy()
            if len(graph) <= BETWEENNESS_SAMPLES:
                centrality = nx.betweenness_centrality(graph, normalized=True)
            else:
                centrality = nx.betweenness_centrality(
                    graph,
                    k=BETWEENNESS_SAMPLES,
                    normalized=True,
                    seed=BETWEENNESS_SEED,
                )
            for user in users:
                result[(int(user[1:]), company_id)] = round(centrality[user], 4)
        return result

    # ------------------------------------------------------------------
    # Who knows this person?
    # ------------------------------------------------------------------
    @api.readonly
    @api.model
    def who_knows(self, res_model, res_id):
        """The HR colleagues who know a stakeholder, internal client,
        employee or contact, strongest relationship first, and when nobody
        does, the warm paths through someone they know.

        Returns ``{"direct": [...], "warm": [...]}``: direct lines have
        ``user_id``, ``interaction_count``, ``last_date`` and ``strength``;
        warm lines also the acquaintance (``via_model``, ``via_id``) and how
        they know the target (``link``). A record the current user may not
        read, or that does not exist, gets the answer of a record nobody
        knows: both lists empty."""
        if res_model not in WHO_KNOWS_TARGETS:
            raise UserError(
                self.env._(
                    "Who knows whom can be asked about stakeholders, internal "
                    "clients, employees and contacts, not about %(model)s.",
                    model=res_model,
                )
            )
        if isinstance(res_id, bool) or not isinstance(res_id, int) or res_id <= 0:
            raise UserError(
                self.env._(
                    "Who knows whom needs the id of one record, not %(value)r.",
                    value=res_id,
                )
            )
        # The answer is made of interactions: only relationship users may ask.
        self.env["hr.relationship.interaction"].check_access("read")
        answer = {"direct": [], "warm": []}
        record = self.env[res_model].browse(res_id).exists()
        if not record or not record.has_access("read"):
            return answer
        today = fields.Date.context_today(self)
        stakeholder_ids, client_ids = self._who_knows_nodes(record)
        answer["direct"] = self._knowers(stakeholder_ids, client_ids, today)
        if not answer["direct"]:
            answer["warm"] = self._warm_paths(record, stakeholder_ids, today)
        return answer

    def _who_knows_nodes(self, record):
        """Stakeholder and internal client ids that stand for ``record``."""
        if record._name == "hr.internal.client":
            return record.sudo().stakeholder_ids.ids, record.ids
        column = WHO_KNOWS_TARGETS[record._name]
        domain = [(column, "=", record.id)]
        if record._name == "hr.employee":
            # An alumnus is known through the record they left behind too.
            domain = ["|", *domain, ("former_employee_id", "=", record.id)]
        Stakeholder = self.env["hr.stakeholder"].sudo().with_context(active_test=False)
        stakeholders = Stakeholder.search(
            domain + [("company_id", "in", self.env.companies.ids)]
        )
        return stakeholders.ids, []

    def _knowers(self, stakeholder_ids, client_ids, today):
        if not stakeholder_ids and not client_ids:
            return []
        self.env["hr.relationship.interaction"].flush_model()
        self.env.cr.execute(
            SQL(
                """
                WITH known AS (
                    SELECT interaction.id, interaction.user_id, interaction.date
                      FROM hr_relationship_interaction interaction
                      JOIN %(interaction_rel)s rel
                        ON rel.interaction_id = interaction.id
                     WHERE rel.stakeholder_id = ANY(%(stakeholders)s)
                       AND interaction.date <= %(today)s
                       AND interaction.company_id = ANY(%(companies)s)
                     UNION
                    SELECT id, user_id, date
                      FROM hr_relationship_interaction
                     WHERE internal_client_id = ANY(%(clients)s)
                       AND date <= %(today)s
                       AND company_id = ANY(%(companies)s)
                )
                SELECT user_id, COUNT(*), MAX(date),
                       ROUND(%(strength)s::numeric, 2) AS strength
                  FROM known
                 GROUP BY user_id
                 ORDER BY strength DESC, MAX(date) DESC, user_id
                 LIMIT %(limit)s
                """,
                interaction_rel=m2m_table(
                    self.env, "hr.stakeholder", "interaction_ids"
                ),
                stakeholders=list(stakeholder_ids),
                clients=list(client_ids),
                today=today,
                companies=self.env.companies.ids,
                strength=self._strength_sql(SQL("date"), today),
                limit=WHO_KNOWS_LIMIT,
            )
        )
        return [
            {
                "user_id": user_id,
                "interaction_count": count,
                "last_date": last_date,
                "strength": float(strength),
            }
            for user_id, count, last_date, strength in self.env.cr.fetchall()
        ]

    def _acquaintances(self, record, stakeholder_ids):
        """``(stakeholder id, link)`` of the people who know the target: met
        in the same interaction, stakeholders of the same internal client,
        or the target's manager and direct reports."""
        employee_ids = []
        if record._name == "hr.employee":
            employee_ids = [record.id]
        elif stakeholder_ids:
            employee_ids = (
                self.env["hr.stakeholder"]
                .sudo()
                .browse(stakeholder_ids)
                .employee_id.ids
            )
        self.env.cr.execute(
            SQL(
                """
                SELECT other.stakeholder_id, 'meeting'
                  FROM %(interaction_rel)s mine
                  JOIN %(interaction_rel)s other
                    ON other.interaction_id = mine.interaction_id
                 WHERE mine.stakeholder_id = ANY(%(stakeholders)s)
                   AND other.stakeholder_id != ALL(%(stakeholders)s)
                 UNION
                SELECT other.stakeholder_id, 'client'
                  FROM %(client_rel)s mine
                  JOIN %(client_rel)s other
                    ON other.internal_client_id = mine.internal_client_id
                 WHERE mine.stakeholder_id = ANY(%(stakeholders)s)
                   AND other.stakeholder_id != ALL(%(stakeholders)s)
                 UNION
                SELECT stakeholder.id, 'manager'
                  FROM hr_employee employee
                  JOIN hr_stakeholder stakeholder
                    ON stakeholder.employee_id = employee.parent_id
                 WHERE employee.id = ANY(%(employees)s)
                 UNION
                SELECT stakeholder.id, 'report'
                  FROM hr_employee employee
                  JOIN hr_stakeholder stakeholder
                    ON stakeholder.employee_id = employee.id
                 WHERE employee.parent_id = ANY(%(employees)s)
                 LIMIT %(limit)s
                """,
                interaction_rel=m2m_table(
                    self.env, "hr.stakeholder", "interaction_ids"
                ),
                client_rel=m2m_table(self.env, "hr.stakeholder", "internal_client_ids"),
                stakeholders=list(stakeholder_ids),
                employees=employee_ids,
                limit=WARM_NEIGHBOUR_LIMIT,
            )
        )
        return self.env.cr.fetchall()

    def _warm_paths(self, record, stakeholder_ids, today):
        """Shortest warm paths HR colleague, acquaintance, target, found by
        networkx on the small graph around the target."""
        links = self._acquaintances(record, stakeholder_ids)
        if not links:
            return []
        # Only acquaintances the current user may read can be named.
        readable = set(
            self.env["hr.stakeholder"]
            .browse({stakeholder_id for stakeholder_id, _link in links})
            ._filtered_access("read")
            .ids
        )
        graph = nx.Graph()
        target = "target"
        link_of = {}
        for stakeholder_id, link in links:
            if stakeholder_id in readable:
                graph.add_edge(target, f"s{stakeholder_id}")
                link_of.setdefault(stakeholder_id, link)
        facts = {}
        for line in self._knowers_of_each(list(link_of), today):
            facts[(line["user_id"], line["via_id"])] = line
            graph.add_edge(f"s{line['via_id']}", f"u{line['user_id']}")
        if len(graph) <= 1:
            return []
        paths = nx.single_source_shortest_path(graph, target, cutoff=2)
        warm = []
        for (user_id, stakeholder_id), line in facts.items():
            path = paths.get(f"u{user_id}")
            if not path:
                continue
            warm.append(
                dict(line, via_model="hr.stakeholder", link=link_of[stakeholder_id])
            )
        # Per colleague, their strongest acquaintance of the target.
        warm.sort(key=lambda line: (-line["strength"], line["user_id"]))
        best = {}
        for line in warm:
            best.setdefault(line["user_id"], line)
        return list(best.values())[:WHO_KNOWS_LIMIT]

    def _knowers_of_each(self, stakeholder_ids, today):
        """Direct facts per HR colleague and stakeholder, in one query."""
        if not stakeholder_ids:
            return []
        self.env.cr.execute(
            SQL(
                """
                SELECT rel.stakeholder_id, interaction.user_id, COUNT(*),
                       MAX(interaction.date),
                       ROUND(%(strength)s::numeric, 2)
                  FROM hr_relationship_interaction interaction
                  JOIN %(interaction_rel)s rel
                    ON rel.interaction_id = interaction.id
                 WHERE rel.stakeholder_id = ANY(%(stakeholders)s)
                   AND interaction.date <= %(today)s
                   AND interaction.company_id = ANY(%(companies)s)
                 GROUP BY rel.stakeholder_id, interaction.user_id
                """,
                interaction_rel=m2m_table(
                    self.env, "hr.stakeholder", "interaction_ids"
                ),
                stakeholders=stakeholder_ids,
                today=today,
                companies=self.env.companies.ids,
                strength=self._strength_sql(SQL("interaction.date"), today),
            )
        )
        return [
            {
                "via_id": stakeholder_id,
                "user_id": user_id,
                "interaction_count": count,
                "last_date": last_date,
                "strength": float(strength),
            }
            for stakeholder_id, user_id, count, last_date, strength in (
                self.env.cr.fetchall()
            )
        ]

    def _knowers_of_clients(self, client_ids, today):
        """Direct facts per HR colleague and internal client, counting the
        interactions with the client and with its stakeholders, in one query
        (the batch form of ``_knowers`` for many clients at once)."""
        if not client_ids:
            return []
        self.env["hr.relationship.interaction"].flush_model()
        self.env["hr.stakeholder"].flush_model(["internal_client_ids"])
        self.env.cr.execute(
            SQL(
                """
                WITH known AS (
                    SELECT client_rel.internal_client_id AS client_id,
                           interaction.id, interaction.user_id, interaction.date
                      FROM hr_relationship_interaction interaction
                      JOIN %(interaction_rel)s rel
                        ON rel.interaction_id = interaction.id
                      JOIN %(client_rel)s client_rel
                        ON client_rel.stakeholder_id = rel.stakeholder_id
                     WHERE client_rel.internal_client_id = ANY(%(clients)s)
                       AND interaction.date <= %(today)s
                       AND interaction.company_id = ANY(%(companies)s)
                     UNION
                    SELECT internal_client_id, id, user_id, date
                      FROM hr_relationship_interaction
                     WHERE internal_client_id = ANY(%(clients)s)
                       AND date <= %(today)s
                       AND company_id = ANY(%(companies)s)
                )
                SELECT client_id, user_id, COUNT(*), MAX(date),
                       ROUND(%(strength)s::numeric, 2)
                  FROM known
                 GROUP BY client_id, user_id
                """,
                interaction_rel=m2m_table(
                    self.env, "hr.stakeholder", "interaction_ids"
                ),
                client_rel=m2m_table(self.env, "hr.stakeholder", "internal_client_ids"),
                clients=list(client_ids),
                today=today,
                companies=self.env.companies.ids,
                strength=self._strength_sql(SQL("date"), today),
            )
        )
        return [
            {
                "via_id": client_id,
                "user_id": user_id,
                "interaction_count": count,
                "last_date": last_date,
                "strength": float(strength),
            }
            for client_id, user_id, count, last_date, strength in (
                self.env.cr.fetchall()
            )
        ]
