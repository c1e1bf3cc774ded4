#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: the daily relationship network refresh and "who knows this person".

Run by hand, not by CI:

    python3 -m bench.bench_network [--db NAME] [--stakeholders 100000]
                                   [--interactions 1000000] [--users 2000]
                                   [--clients 2000] [--runs 5] [--reset]

Generates, with bench/book.py (the generator is not what is measured), a
tenth of the book first: HR users, internal clients (each stakeholder linked to one),
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

from odoo import fields
from odoo.tools import SQL

from bench.benchlib import environment, measure, prepare, run_counted, vacuum
from bench.book import Book, external

TAG = "bench_network"


def generate(env, stakeholders, interactions, users, clients):
    """Bring the generated book (bench/book.py) to the given sizes (only adds
    what is missing)."""
    book = Book(env, TAG)
    hr = book.users(users, groups=())
    book.clients(
        1
        + book.count(
            SQL(
                "SELECT count(*) FROM hr_internal_client WHERE name LIKE %s", f"{TAG} %"
            )
        ),
        clients,
        hr,
    )
    client_ids = [
        row[0]
        for row in env.execute_query(
            SQL(
                "SELECT id FROM hr_internal_client WHERE name LIKE %s ORDER BY id",
                f"{TAG} %",
            )
        )
    ]
    first = 1 + book.count(
        SQL(
            "SELECT count(*) FROM res_partner WHERE comment = %s AND name LIKE %s",
            TAG,
            "Bench person %",
        )
    )
    partners = book.partners(first, stakeholders, "Bench person")
    new = book.stakeholders(
        external(partners, first),
        hr,
        cadence=SQL("(ARRAY[0, 14, 30, 90])[1 + mod(n, 4)]"),
        created=SQL("%s - interval '200 days'", book.now),
    )
    # Each stakeholder n belongs to internal client n.
    book.link_clients(
        SQL(
            """
            SELECT s.id, (%s::int[])[1 + mod((%s + s.ordinality - 1)::int, %s)]
              FROM unnest(%s::int[]) WITH ORDINALITY s(id, ordinality)
            """,
            client_ids,
            first,
            clients,
            new,
        )
    )
    have_interactions = book.count(
        SQL(
            "SELECT count(*) FROM hr_relationship_interaction WHERE name = %s",
            "Bench network contact",
        )
    )
    if have_interactions < interactions:
        book_ids = [
            row[0]
            for row in env.execute_query(
                SQL(
                    "SELECT s.id FROM hr_stakeholder s"
                    " JOIN res_partner p ON p.id = s.partner_id"
                    " WHERE p.comment = %s AND p.name LIKE %s ORDER BY s.id",
                    TAG,
                    "Bench person %",
                )
            )
        ]
        # Interaction n: HR user n*7, stakeholder n*13, n days ago modulo a
        # year; every tenth also with the stakeholder's client.
        book.interactions(
            SQL(
                """
                WITH book AS (
                    SELECT s.id, s.ordinality - 1 AS rank,
                           link.internal_client_id
                      FROM unnest(%(book)s::int[]) WITH ORDINALITY s(id, ordinality)
                 LEFT JOIN hr_internal_client_stakeholder_rel link
                        ON link.stakeholder_id = s.id
                )
                SELECT n, %(today)s - mod(n, 365),
                       (%(users)s::int[])[1 + mod(n * 7, %(user_count)s)], book.id,
                       CASE WHEN mod(n, 10) = 0 THEN book.internal_client_id END,
                       'neutral'
                  FROM generate_series(%(first)s, %(last)s) n
                  JOIN book ON book.rank = mod(n * 13, %(size)s)
                """,
                book=book_ids,
                today=fields.Date.context_today(env["hr.stakeholder"]),
                users=hr.ids,
                user_count=len(hr),
                first=have_interactions + 1,
                last=interactions,
                size=len(book_ids),
            ),
            name="Bench network contact",
        )
        book.settle(book_ids, client_ids)
    else:
        book.settle(new)
    env.cr.commit()


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
