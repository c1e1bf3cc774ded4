#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: drift in the daily job, beside today's health refresh.

Run by hand, not by CI:

    python3 -m bench.bench_drift [--db NAME] [--stakeholders 100000]
                                 [--interactions 1000000] [--answers 50000]
                                 [--clients 1000] [--reset]

The book is bench_health.py's (the same generator and database, so one
generated book serves both). It times and counts the SQL queries of health's
refresh and of drift's (``_drift_run`` of both models) on a tenth of the
book and on all of it, the first run (which gives every owner of a
relationship that starts drifting a to-do: its count follows the number of
activities the ORM inserts, 100 rows a query) and the daily one after it,
whose query count must be the same at a tenth and at all of the data.

Every measured run is rolled back; the generated data stays.
"""

import time

from bench.bench_contact_dates import generate
from bench.bench_health import book_parser, generate_health_inputs
from bench.benchlib import environment, measure, prepare, vacuum


def main():
    options = book_parser(__doc__).parse_args()

    prepare(options.db, options.reset)
    with environment(options.db) as env:
        start = time.perf_counter()
        generate(env, options.stakeholders, options.interactions)
        generate_health_inputs(env, options.clients, options.answers)
        env.cr.commit()
        print(f"data ready in {time.perf_counter() - start:.1f} s")
    vacuum(options.db)
    with environment(options.db) as env:
        cr = env.cr
        Stakeholder = env["hr.stakeholder"]
        Client = env["hr.internal.client"]
        stakeholder_ids = Stakeholder.search([]).ids
        client_ids = Client.search([]).ids
        cr.execute("SELECT count(*) FROM hr_relationship_interaction")
        print(
            f"{len(stakeholder_ids)} stakeholders, {len(client_ids)} clients, "
            f"{cr.fetchone()[0]} interactions"
        )
        tenth = (
            stakeholder_ids[: len(stakeholder_ids) // 10],
            client_ids[: len(client_ids) // 10],
        )
        everything = (None, None)

        def health(scope):
            created = Stakeholder._health_run(scope[0])
            return f"{len(created | Client._health_run(scope[1]))} activities"

        def drift(scope):
            created = Stakeholder._drift_run(scope[0])
            return f"{len(created | Client._drift_run(scope[1]))} activities"

        def states():
            cr.execute(
                "SELECT drift_state, count(*) FROM hr_stakeholder"
                " GROUP BY drift_state ORDER BY 1"
            )
            return dict(cr.fetchall())

        cr.execute("SAVEPOINT bench_drift")
        counts = {}
        for label, scope in (("a tenth", tenth), ("all", everything)):
            size = len(tenth[0]) if scope is tenth else len(stakeholder_ids)
            cr.execute("ROLLBACK TO SAVEPOINT bench_drift")
            env.invalidate_all()
            measure(
                env, f"health, {label} ({size} stakeholders)", lambda s=scope: health(s)
            )
            measure(env, f"drift first run, {label}", lambda s=scope: drift(s))
            counts[label] = measure(
                env, f"drift daily run, {label}", lambda s=scope: drift(s)
            ).queries
        print(f"drift states: {states()}")
        print(
            "daily drift query count constant: "
            + (
                "yes"
                if counts["a tenth"] == counts["all"]
                else f"NO ({counts['a tenth']} vs {counts['all']})"
            )
        )
        cr.rollback()


if __name__ == "__main__":
    main()
