#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: the daily relationship network refresh and "who knows this person".

Run by hand, not by CI:

    python3 bench/bench_network.py [--db NAME] [--stakeholders 100000]
                                   [--interactions 1000000] [--users 2000]
                                   [--clients 2000] [--runs 5] [--reset]

Generates, with SQL (the generator is not what is measured), a tenth of the
book first: HR users, internal clients (each stakeholder linked to one),
stakeholders owned by the HR users, and interactions spread over a year
between them, a tenth of them with an internal client too. It measures, then
grows the book to its full size and measures again:

* the graph library's baseline: fetching the edges of the live network and
  loading them into networkx graphs (``_graph_edges`` + ``_build_graphs``);
* the daily network refresh (``_refresh_network``): time and SQL query
  count, which must be the same at a tenth and at all of the book;
* "who knows this person?" (``who_knows``) as an HR user, median of
  ``--runs``, for a stakeholder known directly and one known only through an
  acquaintance (the warm path).

Every measured refresh is rolled back; the generated data stays.
"""

import argparse
import statistics
import time
from datetime import timedelta

from benchlib import environment, measure, prepare, run_counted, vacuum

from odoo import fields
from odoo.tools import SQL

TAG = "bench_network"


def generate(env, stakeholders, interactions, users, clients):
    """Bring the generated book to the given sizes (only adds what is missing)."""
    cr = env.cr
    company_id = env.company.id
    now = fields.Datetime.now()

    def count(query):
        cr.execute(query)
        return cr.fetchone()[0]

    have_users = count(
        SQL("SELECT count(*) FROM res_users WHERE login LIKE %s", f"{TAG}_%")
    )
    if have_users < users:
        cr.execute(
            SQL(
                """
                WITH partners AS (
                    INSERT INTO res_partner (name, comment, active, type,
                                             company_id, create_date, write_date)
                    SELECT 'Bench HR ' || n, %(tag)s, TRUE, 'contact',
                           %(company)s, %(now)s, %(now)s
                      FROM generate_series(%(first)s, %(last)s) n
                    RETURNING id, name
                )
                INSERT INTO res_users (login, partner_id, company_id,
                                       notification_type, active, share,
                                       create_date, write_date)
                SELECT %(tag)s || '_' || id, id, %(company)s, 'email', TRUE,
                       FALSE, %(now)s, %(now)s
                  FROM partners
                """,
                tag=TAG,
                company=company_id,
                now=now,
                first=have_users + 1,
                last=users,
            )
        )
    have_clients = count(
        SQL("SELECT count(*) FROM hr_internal_client WHERE name LIKE %s", f"{TAG} %")
    )
    if have_clients < clients:
        cr.execute(
            SQL(
                """
                WITH hr AS (
                    SELECT id, row_number() OVER (ORDER BY id) - 1 AS rank
                      FROM res_users WHERE login LIKE %(pattern)s
                )
                INSERT INTO hr_internal_client (name, company_id, hr_partner_id,
                    active, contact_cadence_days, create_date, write_date)
                SELECT %(tag)s || ' ' || n, %(company)s, hr.id, TRUE, 30,
                       %(now)s, %(now)s
                  FROM generate_series(%(first)s, %(last)s) n
                  JOIN hr ON hr.rank = mod(n, %(users)s)
                """,
                pattern=f"{TAG}_%",
                tag=TAG,
                company=company_id,
                now=now,
                first=have_clients + 1,
                last=clients,
                users=users,
            )
        )
    have_stakeholders = count(
        SQL(
            "SELECT count(*) FROM hr_stakeholder s JOIN res_partner p"
            " ON p.id = s.partner_id WHERE p.comment = %s AND p.name LIKE %s",
            TAG,
            "Bench person %",
        )
    )
    if have_stakeholders < stakeholders:
        cr.execute(
            SQL(
                """
                WITH partners AS (
                    INSERT INTO res_partner (name, comment, active, type,
                                             company_id, create_date, write_date)
                    SELECT 'Bench person ' || n, %(tag)s, TRUE, 'contact',
                           %(company)s, %(now)s, %(now)s
                      FROM generate_series(%(first)s, %(last)s) n
                    RETURNING id, name
                ), hr AS (
                    SELECT id, row_number() OVER (ORDER BY id) - 1 AS rank
                      FROM res_users WHERE login LIKE %(pattern)s
                ), book AS (
                    SELECT partners.id AS partner_id, partners.name,
                           split_part(partners.name, ' ', 3)::int AS n
                      FROM partners
                )
                INSERT INTO hr_stakeholder (name, partner_id, company_id, owner_id,
                    relation_type, attitude, influence, interest, quadrant,
                    contact_cadence_days, is_external, active, create_date,
                    write_date, create_uid, write_uid)
                SELECT book.name, book.partner_id, %(company)s, hr.id,
                       'project_partner', 'neutral', 1 + mod(book.n, 5),
                       1 + mod(book.n / 5, 5), 'monitor',
                       (ARRAY[0, 14, 30, 90])[1 + mod(book.n, 4)], TRUE, TRUE,
                       %(now)s - interval '200 days', %(now)s, 1, 1
                  FROM book
                  JOIN hr ON hr.rank = mod(book.n * 7, %(users)s)
                """,
                tag=TAG,
                pattern=f"{TAG}_%",
                company=company_id,
                now=now,
                first=have_stakeholders + 1,
                last=stakeholders,
                users=users,
            )
        )
        # Each new stakeholder belongs to one internal client.
        cr.execute(
            SQL(
                """
                WITH clients AS (
                    SELECT id, row_number() OVER (ORDER BY id) - 1 AS rank
                      FROM hr_internal_client WHERE name LIKE %(client_pattern)s
                )
                INSERT INTO hr_internal_client_stakeholder_rel
                       (internal_client_id, stakeholder_id)
                SELECT clients.id, s.id
                  FROM hr_stakeholder s
                  JOIN res_partner p ON p.id = s.partner_id
                  JOIN clients
                    ON clients.rank = mod(split_part(p.name, ' ', 3)::int,
                                          %(clients)s)
                 WHERE p.comment = %(tag)s AND p.name LIKE %(person)s
                   AND split_part(p.name, ' ', 3)::int >= %(first)s
                """,
                client_pattern=f"{TAG} %",
                person="Bench person %",
                clients=clients,
                tag=TAG,
                first=have_stakeholders + 1,
            )
        )
    have_interactions = count(
        SQL(
            "SELECT count(*) FROM hr_relationship_interaction WHERE name = %s",
            "Bench network contact",
        )
    )
    if have_interactions < interactions:
        # Interaction n: HR user n*7, stakeholder n*13, n days ago modulo a
        # year; every tenth also with the stakeholder's client.
        cr.execute(
            SQL(
                """
                WITH hr AS (
                    SELECT id, row_number() OVER (ORDER BY id) - 1 AS rank
                      FROM res_users WHERE login LIKE %(pattern)s
                ), book AS (
                    SELECT s.id, row_number() OVER (ORDER BY s.id) - 1 AS rank,
                           link.internal_client_id
                      FROM hr_stakeholder s
                      JOIN res_partner p ON p.id = s.partner_id
                 LEFT JOIN hr_internal_client_stakeholder_rel link
                        ON link.stakeholder_id = s.id
                     WHERE p.comment = %(tag)s AND p.name LIKE %(person)s
                ), moments AS (
                    SELECT n, hr.id AS user_id, book.id AS stakeholder_id,
                           CASE WHEN mod(n, 10) = 0 THEN book.internal_client_id
                           END AS client_id
                      FROM generate_series(%(first)s, %(last)s) n
                      JOIN hr ON hr.rank = mod(n * 7, %(users)s)
                      JOIN book ON book.rank = mod(n * 13, %(stakeholders)s)
                ), created AS (
                    INSERT INTO hr_relationship_interaction (name, date,
                        interaction_type, source, company_id, user_id,
                        internal_client_id,
                        sentiment, sentiment_score, create_date, write_date,
                        create_uid, write_uid)
                    SELECT 'Bench network contact', %(today)s - mod(n, 365),
                           'meeting', 'manual', %(company)s, user_id, client_id,
                           'neutral', 0,
                           %(now)s, %(now)s, 1, 1
                      FROM moments
                     ORDER BY n
                    RETURNING id
                ), numbered AS (
                    SELECT id, row_number() OVER (ORDER BY id) AS rank FROM created
                ), wanted AS (
                    SELECT row_number() OVER (ORDER BY n) AS rank, stakeholder_id
                      FROM moments
                )
                INSERT INTO hr_relationship_interaction_stakeholder_rel
                       (interaction_id, stakeholder_id)
                SELECT numbered.id, wanted.stakeholder_id
                  FROM numbered JOIN wanted USING (rank)
                """,
                pattern=f"{TAG}_%",
                tag=TAG,
                person="Bench person %",
                first=have_interactions + 1,
                last=interactions,
                users=users,
                stakeholders=stakeholders,
                today=fields.Date.context_today(env["hr.stakeholder"]),
                company=company_id,
                now=now,
            )
        )
    cr.commit()


def measure_book(env, runs):
    network = env["hr.relationship.network"]
    cr = env.cr
    today = fields.Date.context_today(network)
    since = today - timedelta(days=network._window_days() - 1)
    cr.execute(
        "SELECT (SELECT count(*) FROM hr_stakeholder),"
        " (SELECT count(*) FROM hr_relationship_interaction),"
        " (SELECT count(*) FROM hr_internal_client),"
        " (SELECT count(*) FROM res_users WHERE NOT share)"
    )
    print("%s stakeholders, %s interactions, %s clients, %s users" % cr.fetchone())

    def load_graph():
        start = time.perf_counter()
        edges = network._graph_edges(today, since)
        fetched = time.perf_counter()
        graphs = network._build_graphs(edges)
        loaded = time.perf_counter()
        nodes = sum(len(graph) for graph in graphs.values())
        return (
            f"{len(edges)} edges, {nodes} nodes; SQL {1000 * (fetched - start):.0f}"
            f" ms, networkx load {1000 * (loaded - fetched):.0f} ms"
        )

    measure(env, "baseline: live network loaded into networkx", load_graph)
    cr.execute("SAVEPOINT bench_network")
    refresh = measure(env, "daily network refresh", lambda: network._refresh_network())
    cr.execute(
        "SELECT count(*) FILTER (WHERE single_threaded), count(*)"
        " FROM hr_internal_client"
    )
    single, total = cr.fetchone()
    cr.execute("SELECT count(*), max(key_person_count) FROM hr_relationship_portfolio")
    portfolios, max_key = cr.fetchone()
    print(
        f"  {single}/{total} clients single-threaded, {portfolios} portfolios,"
        f" largest key-person risk {max_key}"
    )
    cr.execute("ROLLBACK TO SAVEPOINT bench_network")
    env.invalidate_all()

    # Ask as an HR user, who reads what the relationship rules let them.
    cr.execute(
        SQL(
            "SELECT id FROM res_users WHERE login LIKE %s ORDER BY id LIMIT 1",
            f"{TAG}_%",
        )
    )
    asker = cr.fetchone()[0]
    cr.execute(
        SQL(
            "INSERT INTO res_groups_users_rel (gid, uid) VALUES (%s, %s)"
            " ON CONFLICT DO NOTHING",
            env.ref("hr_relationship.group_hr_relationship_user").id,
            asker,
        )
    )
    cr.execute(
        SQL(
            "INSERT INTO res_company_users_rel (cid, user_id) VALUES (%s, %s)"
            " ON CONFLICT DO NOTHING",
            env.company.id,
            asker,
        )
    )
    env.registry.clear_cache()
    cr.execute(
        "SELECT s.id FROM hr_stakeholder s WHERE EXISTS (SELECT 1 FROM"
        " hr_relationship_interaction_stakeholder_rel r WHERE r.stakeholder_id = s.id)"
        " ORDER BY s.id LIMIT 1"
    )
    known = cr.fetchone()[0]
    # A new colleague of an existing client: known only through the others.
    cr.execute(
        SQL(
            "SELECT internal_client_id FROM hr_internal_client_stakeholder_rel"
            " WHERE stakeholder_id = %s",
            known,
        )
    )
    client_id = cr.fetchone()[0]
    partner = env["res.partner"].create({"name": "Bench newcomer"})
    newcomer = env["hr.stakeholder"].create(
        {"partner_id": partner.id, "internal_client_ids": [(4, client_id)]}
    )
    env.flush_all()
    asking = network.with_user(asker)
    for label, stakeholder_id in (
        ("who knows: known directly", known),
        ("who knows: warm path only", newcomer.id),
    ):
        timings = []
        for _run in range(runs):
            result = run_counted(
                env, lambda sid=stakeholder_id: asking.who_knows("hr.stakeholder", sid)
            )
            timings.append(result)
        answer = timings[-1].result
        print(
            f"{label:<58} {statistics.median(t.ms for t in timings):>10.1f} ms"
            f" {timings[-1].queries:>7} queries  ({len(answer['direct'])} direct,"
            f" {len(answer['warm'])} warm; median of {runs})",
            flush=True,
        )
    cr.rollback()
    return refresh.queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", default="hr_relationship_bench_network")
    parser.add_argument("--stakeholders", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=2_000)
    parser.add_argument("--clients", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reset", action="store_true")
    options = parser.parse_args()

    prepare(options.db, options.reset)
    counts = []
    for share in (10, 1):
        with environment(options.db) as env:
            start = time.perf_counter()
            generate(
                env,
                options.stakeholders // share,
                options.interactions // share,
                options.users,
                options.clients,
            )
            print(
                f"\n1/{share} of the book ready in {time.perf_counter() - start:.1f} s"
            )
        vacuum(options.db)
        with environment(options.db) as env:
            counts.append(measure_book(env, options.runs))
    print(
        "refresh query count: "
        + ("constant" if counts[0] == counts[1] else f"GREW {counts[0]} -> {counts[1]}")
    )


if __name__ == "__main__":
    main()
