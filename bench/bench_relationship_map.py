#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: the relationship map on 5,000 nodes and 20,000 edges.

Run by hand, not by CI:

    python3 -m bench.bench_relationship_map DBNAME [--runs 7] [--render]
                                           [--blocks 2] [--http-port 8209]
                                           [--reset]

DBNAME is created from scratch when it does not exist (hr_relationship
installed without demo data). The data comes in ``--blocks`` blocks (2 by
default, up to 10) of the same shape, each about 2,050 nodes (2,500 records:
a person who is both employee and stakeholder is one node) and 10,000 lines
(employees with managers and departments, internal clients, stakeholders by
relation type, HR projects, alumni, and 6,000 interactions between 10 HR
users and the stakeholders); 8 blocks make the 80,000 lines of the map's
browser target, 10 blocks 20,000 nodes.
Blocks are made with batched ORM creates, the interactions with bench/book.py;
data that is already there is reused (``--reset`` drops the database first).

After each block it times ``hr.relationship.map.get_graph(limit=100000)`` as
the HR administrator (median of ``--runs`` runs, ORM cache cleared before
each), counts its SQL queries the way ``assertQueryCount`` does
(``cr.sql_log_count``) and measures the JSON payload, once as the threaded
server reads (Python's garbage collector running) and once as a prefork
worker does (``--workers``: the large read pauses the collector). The query
count must be the same for both blocks.

With ``--render`` it also starts an Odoo server on ``--http-port`` and opens
the map in headless Chromium (Debian's, driven by Playwright for Python
through the harness's launcher), reporting the time from the map action
starting to its first interactive render, once with the default cap of 500
nodes and once with every node.
"""

import argparse
import json
import statistics
import time

from odoo.fields import Command
from odoo.tools import SQL, config

from bench.bench_map_render import MapPage, map_action, odoo_server
from bench.benchlib import chromium, environment, prepare, run_counted
from bench.book import Book

BLOCKS = "ABCDEFGHIJ"
HR_USERS = 10  # per block
DEPARTMENTS = 25
MANAGERS = 50
EMPLOYEES = 1150
CLIENTS = 75
PROJECTS = 150
INTERNAL_STAKEHOLDERS = 500
EXTERNAL_STAKEHOLDERS = 400
ALUMNI = 100
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


def generate_block(env, tag):
    """About 2,500 nodes and 10,000 edges, named after ``tag``."""
    if env["hr.internal.client"].search_count([("name", "=like", f"Bench {tag} %")]):
        return
    company = env.company
    user_group = env.ref("hr_relationship.group_hr_relationship_user")
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": f"Bench {tag} HR {n}",
                    "login": f"bench_{tag.lower()}_hr_{n}",
                    "group_ids": [Command.link(user_group.id)],
                }
                for n in range(HR_USERS)
            ]
        )
    )
    departments = env["hr.department"].create(
        [{"name": f"Bench {tag} Department {n}"} for n in range(DEPARTMENTS)]
    )
    Employee = env["hr.employee"]
    managers = Employee.create(
        [
            {
                "name": f"Bench {tag} Manager {n}",
                "department_id": departments[n % DEPARTMENTS].id,
                "user_id": users[n].id if n < HR_USERS else False,
            }
            for n in range(MANAGERS)
        ]
    )
    employees = Employee.create(
        [
            {
                "name": f"Bench {tag} Employee {n}",
                "department_id": departments[n % DEPARTMENTS].id,
                "parent_id": managers[n % MANAGERS].id,
            }
            for n in range(EMPLOYEES)
        ]
    )
    leavers = Employee.create(
        [{"name": f"Bench {tag} Leaver {n}", "active": False} for n in range(ALUMNI)]
    )
    clients = env["hr.internal.client"].create(
        [
            {
                "name": f"Bench {tag} Client {n}",
                "department_id": departments[n % DEPARTMENTS].id,
                "client_lead_id": managers[n % MANAGERS].id,
                "hr_partner_id": users[n % HR_USERS].id,
            }
            for n in range(CLIENTS)
        ]
    )
    projects = env["project.project"].create(
        [
            {
                "name": f"Bench {tag} Project {n}",
                "company_id": company.id,
                "internal_client_id": clients[n % CLIENTS].id,
                "user_id": users[n % HR_USERS].id,
            }
            for n in range(PROJECTS)
        ]
    )
    partners = env["res.partner"].create(
        [
            {"name": f"Bench {tag} Contact {n}"}
            for n in range(EXTERNAL_STAKEHOLDERS + ALUMNI)
        ]
    )

    def links(n):
        return {
            "internal_client_ids": [
                Command.set(
                    [clients[n % CLIENTS].id, clients[(n * 7 + 3) % CLIENTS].id]
                )
            ],
            "project_ids": [
                Command.set(
                    [projects[n % PROJECTS].id, projects[(n * 3 + 1) % PROJECTS].id]
                )
            ],
            "influence": 1 + n % 5,
            "interest": 1 + (n // 5) % 5,
        }

    values = []
    for n in range(INTERNAL_STAKEHOLDERS):
        values.append(
            {
                "employee_id": employees[n].id,
                "relation_type": RELATION_TYPES[n % 5],
                **links(n),
            }
        )
    for n in range(EXTERNAL_STAKEHOLDERS):
        values.append(
            {
                "partner_id": partners[n].id,
                "relation_type": RELATION_TYPES[5 + n % 4],
                **links(n + INTERNAL_STAKEHOLDERS),
            }
        )
    for n in range(ALUMNI):
        values.append(
            {
                "partner_id": partners[EXTERNAL_STAKEHOLDERS + n].id,
                "former_employee_id": leavers[n].id,
                "relation_type": "alumnus",
                "internal_client_ids": [Command.set([clients[n % CLIENTS].id])],
            }
        )
    stakeholders = env["hr.stakeholder"].create(values)
    env.flush_all()
    # 6,000 interactions: each HR user met 300 stakeholders once or twice
    # (bench/book.py, which also brings their contact dates along).
    book = Book(env, "bench_relationship_map")
    book.interactions(
        SQL(
            """
            WITH pairs AS (
                SELECT u.uid, s.sid, u.rank AS urank, s.rank AS srank
                  FROM unnest(%(users)s::int[]) WITH ORDINALITY AS u(uid, rank)
                 CROSS JOIN unnest(%(stakeholders)s::int[])
                            WITH ORDINALITY AS s(sid, rank)
                 WHERE mod(s.rank + u.rank * 13, %(spread)s) = 0
            )
            SELECT row_number() OVER (ORDER BY pairs.urank, pairs.srank, k),
                   current_date - mod(pairs.sid * k, 365)::int, pairs.uid,
                   pairs.sid, NULL::int, 'neutral'
              FROM pairs
             CROSS JOIN generate_series(1, 1 + mod(pairs.srank, 2)::int) k
            """,
            users=users.ids,
            stakeholders=stakeholders.ids,
            spread=len(stakeholders) // 300,
        )
    )
    book.settle(stakeholders.ids)
    env.cr.execute("ANALYZE")
    env.cr.commit()


def measure_graph(env, runs, workers):
    """The whole map's read as a server with ``workers`` (0: the threaded
    server, whose large reads leave the garbage collector running; more:
    a prefork worker, which pauses it)."""
    Map = env["hr.relationship.map"].with_user(env.ref("base.user_admin"))
    Map.get_graph(limit=100000)  # warm the registry-level caches
    saved = config["workers"]
    config["workers"] = workers
    try:
        # Each run like a fresh request: cold ORM cache, garbage collected
        # before.
        measured = [
            run_counted(env, lambda: Map.get_graph(limit=100000))
            for _run in range(runs)
        ]
    finally:
        config["workers"] = saved
    timings = [run.ms for run in measured]
    counts = {run.queries for run in measured}
    graph = measured[-1].result
    payload = len(json.dumps(graph).encode())
    return {
        "nodes": len(graph["nodes"]),
        "edges": len(graph["edges"]),
        "median_ms": statistics.median(timings),
        "min_ms": min(timings),
        "queries": sorted(counts),
        "payload_bytes": payload,
    }


def render_times(db, port, limits):
    """First render of the map in headless Chromium, per node cap: the
    figures of ``MapPage.open_map`` (bench_map_render.py), None when the map
    shows nothing within 120 s."""
    actions = [(limit, map_action(db, limit)) for limit in limits]
    with odoo_server(db, port) as base, chromium() as browser:
        page = MapPage(browser, base)
        page.login()
        for limit, action in actions:
            try:
                page.open_map(action)  # warm-up: assets and caches
                yield limit, page.open_map(action)
            except TimeoutError:
                yield limit, None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("db")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--render", action="store_true")
    parser.add_argument("--http-port", type=int, default=8209)
    parser.add_argument("--reset", action="store_true")
    parser.add_argument(
        "--blocks", type=int, default=2, choices=range(1, len(BLOCKS) + 1)
    )
    options = parser.parse_args()

    prepare(options.db, options.reset)
    rows = []
    for done, tag in enumerate(BLOCKS[: options.blocks], start=1):
        with environment(options.db, tracking_disable=True) as env:
            start = time.perf_counter()
            generate_block(env, tag)
            print(f"block {tag} ready in {time.perf_counter() - start:.1f} s")
            for server, workers in (("threaded", 0), ("prefork", 2)):
                figures = measure_graph(env, options.runs, workers)
                rows.append((done, figures))
                print(
                    f"{done} block(s), {server} server: {figures['nodes']} nodes, "
                    f"{figures['edges']} edges: median {figures['median_ms']:.0f} ms "
                    f"(min {figures['min_ms']:.0f} ms) "
                    f"over {options.runs} runs, queries {figures['queries']}, "
                    f"payload {figures['payload_bytes'] / 1024:.0f} KiB"
                )
    constant = len({tuple(figures["queries"]) for _done, figures in rows}) == 1
    print(f"query count constant across sizes: {constant}")
    if options.render:
        for limit, figures in render_times(
            options.db, options.http_port, (500, 100000)
        ):
            if figures is None:
                print(f"render, cap {limit}: no render within 120 s")
                continue
            print(
                f"render, cap {limit} ({figures['renderer']}): {figures['nodes']} "
                f"nodes / {figures['edges']} edges "
                f"interactive {figures['shown']:.0f} ms after the map action asked "
                f"for its graph ({figures['page']:.0f} ms after navigation; server "
                f"call {figures['server']:.0f} ms, drawing {figures['drawing']:.0f} ms)"
            )


if __name__ == "__main__":
    main()
