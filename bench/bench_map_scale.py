#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: the relationship map at organisation scale.

Run by hand, not by CI:

    python3 -m bench.bench_map_scale DBNAME [--runs 7] [--reset] [--small-only]
                                     [--render] [--http-port 8219]

DBNAME is created when it does not exist (hr_relationship without demo
data). The data comes in two blocks of the same shape: block A has 10,000
stakeholders, 2,000 employees, 200 internal clients, 500 projects and
100,000 interactions; block B nine times as much, so that the book then
holds 100,000 stakeholders, 20,000 employees, 2,000 internal clients, 5,000
projects and 1,000,000 interactions. Every HR colleague, client and project
has the same number of lines in both blocks: only the size of the book
grows. The users, departments, employees and projects are made with the
ORM, the rest with bench/book.py's SQL inserts (the ORM would take hours for a
million interactions).

After each block, as the administrator (median of ``--runs``, ORM cache
cleared before each run) it times the plain SQL query of one stakeholder's
direct neighbours and, on the same stakeholder of block A,
``get_graph(focus=..., depth=1)`` and ``depth=2``, and the unfocused first
view with the default cap (500 nodes); each figure with its SQL query count
and its ratio to the SQL query.

With ``--render`` it also opens the map in headless Chromium through
Playwright (Chromium of the system, never downloaded) and reports the time
from the map action starting to its first interactive render, for the
default view and for 20,000 nodes.
"""

import argparse
import statistics
import time

from odoo.fields import Command
from odoo.tools import SQL

from bench.benchlib import environment, prepare, run_counted, vacuum
from bench.book import Book, external, internal

# Block A; block B is BLOCK_B_FACTOR times as large.
STAKEHOLDERS = 10_000
EMPLOYEES = 2_000
CLIENTS = 200
PROJECTS = 500
INTERACTIONS_PER_STAKEHOLDER = 10
HR_USERS = 20
DEPARTMENTS = 20
MANAGERS = 100
INTERNAL_SHARE = 0.15  # of the stakeholders, who are employees
BLOCK_B_FACTOR = 9
RELATION_TYPES = [
    "internal_client_contact",
    "manager",
    "employee_representative",
    "hr_colleague",
    "candidate",
    "supplier",
    "freelancer",
    "project_partner",
    "other",
]
TARGETS = {"depth 1": 100, "depth 2": 300, "overview": 300}


def generate_block(env, tag, factor):
    """One block of ``factor`` times block A's size, named after ``tag``."""
    if env["hr.department"].search_count([("name", "=like", f"Bench {tag} %")]):
        return False
    company = env.company
    hr_users_count = HR_USERS * factor
    user_group = env.ref("hr_relationship.group_hr_relationship_user")
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": f"Bench {tag} HR {n}",
                    "login": f"bench_scale_{tag.lower()}_hr_{n}",
                    "group_ids": [Command.link(user_group.id)],
                }
                for n in range(hr_users_count)
            ]
        )
    )
    departments = env["hr.department"].create(
        [{"name": f"Bench {tag} Department {n}"} for n in range(DEPARTMENTS * factor)]
    )
    env.flush_all()
    # The book (bench/book.py); employees and their work contacts through the
    # ORM, their managers the first MANAGERS of them.
    book = Book(env, tag)
    employees = book.employees(EMPLOYEES * factor, departments=departments)
    employee_ids = employees.ids
    managers = employees[: MANAGERS * factor]
    reports = {}
    for employee_id in employee_ids[len(managers) :]:
        manager = managers[employee_id % len(managers)]
        reports.setdefault(manager, []).append(employee_id)
    for manager, report_ids in reports.items():
        employees.browse(report_ids).write({"parent_id": manager.id})
    for manager, user in zip(managers, users, strict=False):
        manager.user_id = user
    env.flush_all()
    client_ids = book.clients(
        0,
        CLIENTS * factor - 1,
        users,
        label=f"Bench {tag} Client",
        columns={
            "department_id": SQL(
                "(%s::int[])[1 + mod(n, %s)]", departments.ids, len(departments)
            ),
            "client_lead_id": SQL(
                "(%s::int[])[1 + mod(n, %s)]", managers.ids, len(managers)
            ),
            "high_influence_count": SQL("mod(n, 17)"),
            "hr_contact_count": SQL("mod(n, 5)"),
        },
    )
    projects = env["project.project"].create(
        [
            {
                "name": f"Bench {tag} Project {n}",
                "company_id": company.id,
                "internal_client_id": client_ids[n % len(client_ids)],
                "user_id": users[n % len(users)].id,
            }
            for n in range(PROJECTS * factor)
        ]
    )
    env.flush_all()
    stakeholders = STAKEHOLDERS * factor
    internal_count = min(int(stakeholders * INTERNAL_SHARE), len(employee_ids))
    admin = env.ref("base.user_admin")
    stakeholder_ids = book.stakeholders(
        internal(employee_ids[:internal_count], 0),
        admin,
        relation_type=SQL("(%s::varchar[])[1 + mod(n, 5)]", RELATION_TYPES),
    )
    partners = book.partners(
        internal_count, stakeholders - 1, f"Bench {tag} Contact", company=False
    )
    stakeholder_ids += book.stakeholders(
        external(partners, internal_count),
        admin,
        relation_type=SQL("(%s::varchar[])[6 + mod(n, 4)]", RELATION_TYPES),
    )
    # Two internal clients and one project each; ten interactions each with
    # HR colleagues, over the last year.
    ranked = SQL("unnest(%s::int[]) WITH ORDINALITY s(id, n)", stakeholder_ids)
    book.link_clients(
        SQL(
            """
            SELECT s.id, c.cid
              FROM %(ranked)s
             CROSS JOIN LATERAL (VALUES
                   ((%(clients)s::int[])[1 + mod(s.n, %(count)s)]),
                   ((%(clients)s::int[])[1 + mod(s.n * 7 + 3, %(count)s)]))
                   AS c(cid)
            """,
            ranked=ranked,
            clients=client_ids,
            count=len(client_ids),
        )
    )
    book.positions(
        SQL(
            "SELECT (%s::int[])[1 + mod(s.n, %s)], s.id FROM %s",
            projects.ids,
            len(projects),
            ranked,
        )
    )
    book.interactions(
        SQL(
            """
            SELECT s.n * %(per)s + k, current_date - mod(s.n * k, 365)::int,
                   (%(users)s::int[])[1 + mod(s.n * 31 + k * 7, %(user_count)s)],
                   s.id, NULL::int, 'neutral'
              FROM %(ranked)s
             CROSS JOIN generate_series(1, %(per)s) k
            """,
            ranked=ranked,
            per=INTERACTIONS_PER_STAKEHOLDER,
            users=users.ids,
            user_count=len(users),
        ),
        name=f"Bench {tag} contact",
    )
    book.settle(stakeholder_ids, client_ids)
    env.cr.commit()
    env.invalidate_all()
    env.registry.clear_cache()
    return True


def book_size(env):
    return {
        table: env.execute_query(SQL("SELECT COUNT(*) FROM %s", SQL.identifier(table)))[
            0
        ][0]
        for table in (
            "hr_stakeholder",
            "hr_employee",
            "hr_internal_client",
            "project_project",
            "hr_relationship_interaction",
        )
    }


def neighbour_sql(stakeholder_id):
    """The stakeholder's direct neighbours in plain SQL, no access rules."""
    return SQL(
        """
        SELECT 'internal_client', internal_client_id
          FROM hr_internal_client_stakeholder_rel WHERE stakeholder_id = %(id)s
        UNION SELECT 'project', project_id
          FROM hr_project_stakeholder WHERE stakeholder_id = %(id)s
        UNION SELECT 'user', i.user_id
          FROM hr_relationship_interaction_stakeholder_rel r
          JOIN hr_relationship_interaction i ON i.id = r.interaction_id
         WHERE r.stakeholder_id = %(id)s
        UNION SELECT 'employee', employee_id FROM hr_stakeholder
         WHERE id = %(id)s AND employee_id IS NOT NULL
        """,
        id=stakeholder_id,
    )


def median_run(env, action, runs):
    action()  # warm the registry-level caches
    measured = [run_counted(env, action) for _run in range(runs)]
    return (
        statistics.median(run.ms for run in measured),
        sorted({run.queries for run in measured}),
        measured[-1].result,
    )


def measure(env, runs, stakeholder_id):
    Map = env["hr.relationship.map"].with_user(env.ref("base.user_admin"))
    focus = f"stakeholder_{stakeholder_id}"
    sql_ms, _q, rows = median_run(
        env, lambda: env.execute_query(neighbour_sql(stakeholder_id)), runs
    )
    figures = {"sql": (sql_ms, [1], f"{len(rows)} rows")}
    for label, kwargs in (
        ("depth 1", {"focus": focus, "depth": 1}),
        ("depth 2", {"focus": focus, "depth": 2}),
        ("overview", {}),
    ):
        ms, queries, graph = median_run(env, lambda k=kwargs: Map.get_graph(**k), runs)
        figures[label] = (
            ms,
            queries,
            f"{len(graph['nodes'])} nodes, {len(graph['edges'])} lines, "
            f"total {graph['total']}",
        )
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("db")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument("--small-only", action="store_true")
    parser.add_argument("--render", action="store_true")
    parser.add_argument("--http-port", type=int, default=8219)
    options = parser.parse_args()

    prepare(options.db, options.reset)
    blocks = [("A", 1)] + ([] if options.small_only else [("B", BLOCK_B_FACTOR)])
    results = []
    stakeholder_id = None
    for tag, factor in blocks:
        with environment(options.db, tracking_disable=True) as env:
            start = time.perf_counter()
            made = generate_block(env, tag, factor)
            print(
                f"block {tag} {'made' if made else 'reused'} in "
                f"{time.perf_counter() - start:.0f} s",
                flush=True,
            )
        vacuum(options.db)
        with environment(options.db, tracking_disable=True) as env:
            if stakeholder_id is None:
                # An external stakeholder of block A with its client, project
                # and HR colleagues: the same answer at both sizes.
                stakeholder_id = env.execute_query(
                    SQL(
                        "SELECT id FROM hr_stakeholder WHERE name = %s",
                        "Bench A Contact 4321",
                    )
                )[0][0]
            size = book_size(env)
            print(
                "book: "
                + ", ".join(f"{count:,} {table}" for table, count in size.items()),
                flush=True,
            )
            figures = measure(env, options.runs, stakeholder_id)
            results.append((size["hr_stakeholder"], figures))
            sql_ms = figures["sql"][0]
            for label, (ms, queries, what) in figures.items():
                target = TARGETS.get(label)
                print(
                    f"  {label:<9} {ms:8.1f} ms  x{ms / sql_ms:7.1f} of the SQL query"
                    f"  {'/'.join(map(str, queries)):>5} queries  ({what})"
                    + (
                        f"  target < {target} ms: {'met' if ms < target else 'MISSED'}"
                        if target
                        else ""
                    ),
                    flush=True,
                )
            if figures["depth 1"][0] > 20 * sql_ms:
                print("  depth 1 is more than 20 times the SQL query", flush=True)
    if len(results) == 2:
        (small_size, small), (large_size, large) = results
        print(f"growth from {small_size:,} to {large_size:,} stakeholders:")
        for label in ("sql", "depth 1", "depth 2", "overview"):
            print(
                f"  {label:<9} x{large[label][0] / small[label][0]:.2f} "
                f"(queries {small[label][1]} -> {large[label][1]})"
            )
    if options.render:
        from bench.bench_map_render import render_figures  # noqa: PLC0415

        for line in render_figures(options.db, options.http_port):
            print(line, flush=True)


if __name__ == "__main__":
    main()
