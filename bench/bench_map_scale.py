#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: the relationship map at organisation scale.

Run by hand, not by CI:

    python3 bench/bench_map_scale.py DBNAME [--runs 7] [--reset] [--small-only]
                                     [--render] [--http-port 8219]

DBNAME is created when it does not exist (hr_relationship without demo
data). The data comes in two blocks of the same shape: block A has 10,000
stakeholders, 2,000 employees, 200 internal clients, 500 projects and
100,000 interactions; block B nine times as much, so that the book then
holds 100,000 stakeholders, 20,000 employees, 2,000 internal clients, 5,000
projects and 1,000,000 interactions. Every HR colleague, client and project
has the same number of lines in both blocks: only the size of the book
grows. The users, departments and projects are made with the ORM, the rest
with SQL inserts (the ORM would take hours for a million interactions).

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

from benchlib import environment, prepare, run_counted, vacuum

from odoo import Command
from odoo.tools import SQL

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
                    "groups_id": [Command.link(user_group.id)],
                }
                for n in range(hr_users_count)
            ]
        )
    )
    departments = env["hr.department"].create(
        [{"name": f"Bench {tag} Department {n}"} for n in range(DEPARTMENTS * factor)]
    )
    env.flush_all()
    employees = EMPLOYEES * factor
    cr = env.cr
    # Employees with their work contacts and resources.
    cr.execute(
        SQL(
            """
            INSERT INTO res_partner (name, complete_name, active, type, is_company,
                                     create_date, write_date)
            SELECT 'Bench ' || %(tag)s || ' Employee ' || n,
                   'Bench ' || %(tag)s || ' Employee ' || n, TRUE, 'contact',
                   FALSE, now(), now()
              FROM generate_series(0, %(count)s - 1) n;
            INSERT INTO resource_resource (name, resource_type, tz, time_efficiency,
                                           active, company_id, create_date, write_date)
            SELECT 'Bench ' || %(tag)s || ' Employee ' || n, 'user', 'UTC', 100,
                   TRUE, %(company)s, now(), now()
              FROM generate_series(0, %(count)s - 1) n;
            INSERT INTO hr_employee (name, resource_id, work_contact_id, company_id,
                                     department_id, marital, distance_home_work_unit,
                                     employee_type, active, create_date, write_date)
            SELECT r.name, r.id, p.id, %(company)s,
                   (%(departments)s::int[])[1 + mod(r.id, %(department_count)s)],
                   'single', 'kilometers', 'employee', TRUE, now(), now()
              FROM resource_resource r
              JOIN res_partner p ON p.name = r.name
             WHERE r.name LIKE 'Bench ' || %(tag)s || ' Employee ' || chr(37);
            """,
            tag=tag,
            count=employees,
            company=company.id,
            departments=departments.ids,
            department_count=len(departments),
        )
    )
    employee_ids = [
        row[0]
        for row in env.execute_query(
            SQL(
                "SELECT id FROM hr_employee WHERE name LIKE %s ORDER BY id",
                f"Bench {tag} Employee %",
            )
        )
    ]
    managers = employee_ids[: MANAGERS * factor]
    cr.execute(
        SQL(
            """
            UPDATE hr_employee e SET parent_id = m.manager
              FROM (SELECT id, (%(managers)s::int[])[1 + mod(id, %(count)s)] AS manager
                      FROM unnest(%(employees)s::int[]) id) m
             WHERE e.id = m.id AND e.id <> ALL(%(managers)s::int[]);
            UPDATE hr_employee e SET user_id = u.uid
              FROM unnest(%(managers)s::int[], %(users)s::int[]) AS u(eid, uid)
             WHERE e.id = u.eid AND u.uid IS NOT NULL;
            """,
            managers=managers,
            count=len(managers),
            employees=employee_ids,
            users=users.ids,
        )
    )
    clients = CLIENTS * factor
    cr.execute(
        SQL(
            """
            INSERT INTO hr_internal_client (name, company_id, active, department_id,
                                            client_lead_id, hr_partner_id,
                                            high_influence_count, hr_contact_count,
                                            create_date, write_date)
            SELECT 'Bench ' || %(tag)s || ' Client ' || n, %(company)s, TRUE,
                   (%(departments)s::int[])[1 + mod(n, %(department_count)s)],
                   (%(managers)s::int[])[1 + mod(n, %(manager_count)s)],
                   (%(users)s::int[])[1 + mod(n, %(user_count)s)],
                   mod(n, 17), mod(n, 5), now(), now()
              FROM generate_series(0, %(count)s - 1) n
            """,
            tag=tag,
            company=company.id,
            departments=departments.ids,
            department_count=len(departments),
            managers=managers,
            manager_count=len(managers),
            users=users.ids,
            user_count=len(users),
            count=clients,
        )
    )
    client_ids = [
        row[0]
        for row in env.execute_query(
            SQL(
                "SELECT id FROM hr_internal_client WHERE name LIKE %s ORDER BY id",
                f"Bench {tag} Client %",
            )
        )
    ]
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
    internal = int(stakeholders * INTERNAL_SHARE)
    cr.execute(
        SQL(
            """
            INSERT INTO res_partner (name, complete_name, active, type, is_company,
                                     create_date, write_date)
            SELECT 'Bench ' || %(tag)s || ' Contact ' || n,
                   'Bench ' || %(tag)s || ' Contact ' || n, TRUE, 'contact', FALSE,
                   now(), now()
              FROM generate_series(%(internal)s, %(count)s - 1) n;
            INSERT INTO hr_stakeholder (name, company_id, owner_id, relation_type,
                                        attitude, influence, interest, active,
                                        employee_id, person_partner_id, is_external,
                                        create_date, write_date)
            SELECT e.name, %(company)s, %(owner)s,
                   (%(types)s::text[])[1 + mod(e.n, 5)], 'neutral', 1 + mod(e.n, 5),
                   1 + mod(e.n / 5, 5), TRUE, e.id, e.work_contact_id, FALSE, now(),
                   now()
              FROM (SELECT id, name, work_contact_id,
                           row_number() OVER (ORDER BY id) - 1 AS n
                      FROM hr_employee WHERE id = ANY(%(employees)s)) e
             WHERE e.n < %(internal)s;
            INSERT INTO hr_stakeholder (name, company_id, owner_id, relation_type,
                                        attitude, influence, interest, active,
                                        partner_id, person_partner_id, is_external,
                                        create_date, write_date)
            SELECT p.name, %(company)s, %(owner)s,
                   (%(types)s::text[])[6 + mod(p.id, 4)], 'neutral', 1 + mod(p.id, 5),
                   1 + mod(p.id / 5, 5), TRUE, p.id, p.id, TRUE, now(), now()
              FROM res_partner p
             WHERE p.name LIKE 'Bench ' || %(tag)s || ' Contact ' || chr(37);
            """,
            tag=tag,
            internal=min(internal, len(employee_ids)),
            count=stakeholders,
            company=company.id,
            owner=env.ref("base.user_admin").id,
            types=RELATION_TYPES,
            employees=employee_ids,
        )
    )
    stakeholder_ids = [
        row[0]
        for row in env.execute_query(
            SQL(
                "SELECT id FROM hr_stakeholder WHERE name LIKE %s ORDER BY id",
                f"Bench {tag} %",
            )
        )
    ]
    # Two internal clients and one project each; ten interactions each with
    # HR colleagues, over the last year.
    cr.execute(
        SQL(
            """
            INSERT INTO hr_internal_client_stakeholder_rel (stakeholder_id,
                                                            internal_client_id)
            SELECT DISTINCT s.id, c.cid
              FROM unnest(%(stakeholders)s::int[]) WITH ORDINALITY s(id, n)
             CROSS JOIN LATERAL (VALUES
                   ((%(clients)s::int[])[1 + mod(s.n, %(client_count)s)]),
                   ((%(clients)s::int[])[1 + mod(s.n * 7 + 3, %(client_count)s)]))
                   AS c(cid);
            INSERT INTO hr_project_stakeholder (project_id, stakeholder_id, company_id,
                                                attitude, influence, interest,
                                                create_date, write_date)
            SELECT (%(projects)s::int[])[1 + mod(s.n, %(project_count)s)], s.id,
                   %(company)s, 'neutral', 3, 3, now(), now()
              FROM unnest(%(stakeholders)s::int[]) WITH ORDINALITY s(id, n);
            WITH moments AS (
                INSERT INTO hr_relationship_interaction (name, date, interaction_type,
                    source, company_id, user_id, sentiment, sentiment_score,
                    create_date, write_date, create_uid, write_uid)
                SELECT 'Bench contact ' || s.id,
                       current_date - mod(s.n * k, 365)::int, 'meeting', 'manual',
                       %(company)s,
                       (%(users)s::int[])[1 + mod(s.n * 31 + k * 7, %(user_count)s)],
                       'neutral', 0, now(), now(), %(root)s, %(root)s
                  FROM unnest(%(stakeholders)s::int[]) WITH ORDINALITY s(id, n)
                 CROSS JOIN generate_series(1, %(per)s) k
             RETURNING id, name
            )
            INSERT INTO hr_relationship_interaction_stakeholder_rel
                   (interaction_id, stakeholder_id)
            SELECT id, substring(name from 15)::int FROM moments;
            """,
            stakeholders=stakeholder_ids,
            clients=client_ids,
            client_count=len(client_ids),
            projects=projects.ids,
            project_count=len(projects),
            company=company.id,
            users=users.ids,
            user_count=len(users),
            per=INTERACTIONS_PER_STAKEHOLDER,
            root=env.ref("base.user_root").id,
        )
    )
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
        from bench_map_render import render_figures  # noqa: PLC0415

        for line in render_figures(options.db, options.http_port):
            print(line, flush=True)


if __name__ == "__main__":
    main()
