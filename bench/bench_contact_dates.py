#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: last and next contact dates over a large relationship book.

Run by hand, not by CI:

    python3 -m bench.bench_contact_dates [--db NAME] [--stakeholders 100000]
                                         [--interactions 1000000] [--orm-sample 5000]

It installs hr_relationship (without demo) into database NAME when the module
is missing there and updates it otherwise, fills it with stakeholders and
interactions through bench/book.py (the generator is not what is measured),
then clears their contact dates (in the measured transaction) and times
and counts the SQL queries of:

* the set-based refresh ``hr.stakeholder._refresh_contact_dates()`` at a tenth
  of the stakeholders and at all of them (its query count must not grow);
* the ORM's stored computes on a sample, to show why the set-based path
  exists (their flush writes a hundred rows a query).

It prints the figures and the database size; the data stays for another run
(``--reset`` drops and regenerates it).
"""

import argparse
import time

from odoo.tools import SQL

from bench.benchlib import environment, measure, prepare, vacuum
from bench.book import Book, external

BENCH_TAG = "bench-contact-dates"


def generate(env, stakeholder_count, interaction_count):
    """The book (bench/book.py): stakeholders with cadences of 0 to 90 days,
    created 200 days ago, and interactions over the last half year, each
    with one stakeholder, spread evenly over the book."""
    book = Book(env, BENCH_TAG)
    have = book.count(
        SQL("SELECT count(*) FROM res_partner WHERE comment = %s", BENCH_TAG)
    )
    if have >= stakeholder_count:
        return
    owner = env.ref("base.user_admin")
    partners = book.partners(1, stakeholder_count, "Bench contact")
    stakeholders = book.stakeholders(
        external(partners, 1),
        owner,
        cadence=SQL("(ARRAY[0, 14, 30, 90])[1 + mod(n, 4)]"),
        created=SQL("%s - interval '200 days'", book.now),
    )
    book.interactions(
        SQL(
            """
            SELECT n, current_date - mod(n, 180), %(owner)s,
                   (%(book)s::int[])[1 + mod(n - 1, %(size)s)], NULL::int,
                   'neutral'
              FROM generate_series(1, %(count)s) n
            """,
            owner=owner.id,
            book=stakeholders,
            size=len(stakeholders),
            count=interaction_count,
        ),
        name="Bench contact moment",
    )
    book.settle(stakeholders)
    env.cr.commit()
    vacuum(env.cr.dbname)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", default="hr_relationship_bench")
    parser.add_argument("--stakeholders", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=1_000_000)
    parser.add_argument("--orm-sample", type=int, default=5_000)
    parser.add_argument("--reset", action="store_true")
    options = parser.parse_args()

    prepare(options.db, options.reset)
    with environment(options.db) as env:
        cr = env.cr
        start = time.perf_counter()
        generate(env, options.stakeholders, options.interactions)
        print(f"data ready in {time.perf_counter() - start:.1f} s")
        Stakeholder = env["hr.stakeholder"]
        all_ids = Stakeholder.search([]).ids
        cr.execute(
            SQL("SELECT count(*) FROM hr_relationship_interaction_stakeholder_rel")
        )
        links = cr.fetchone()[0]
        cr.execute(SQL("SELECT pg_size_pretty(pg_database_size(current_database()))"))
        size = cr.fetchone()[0]
        print(
            f"{len(all_ids)} stakeholders, {links} interaction links, database {size}"
        )

        # The book holds its dates as the ORM computes them. Cleared (and
        # vacuumed, as a live table would be), both refreshes below really
        # compute and write; they are rolled back and the dates restored.
        cr.execute(
            "UPDATE hr_stakeholder"
            " SET last_interaction_date = NULL, next_contact_date = NULL"
        )
        cr.commit()
        vacuum(cr.dbname)
        Stakeholder.invalidate_model(["last_interaction_date", "next_contact_date"])
        tenth = all_ids[: len(all_ids) // 10]
        small = measure(
            env,
            f"set-based refresh, {len(tenth)} stakeholders",
            lambda: f"{Stakeholder._refresh_contact_dates(tenth)} rows changed",
        ).queries
        full = measure(
            env,
            f"set-based refresh, {len(all_ids)} stakeholders",
            lambda: f"{Stakeholder._refresh_contact_dates()} rows changed",
        ).queries
        print(
            "query count constant: "
            + ("yes" if small == full else f"NO ({small} vs {full})")
        )

        sample = Stakeholder.browse(all_ids[: options.orm_sample])

        def orm_recompute():
            fields = [
                Stakeholder._fields["last_interaction_date"],
                Stakeholder._fields["next_contact_date"],
            ]
            for field in fields:
                env.add_to_compute(field, sample)
            sample.flush_recordset()
            return f"{len(sample)} stakeholders"

        measure(env, f"ORM stored computes, {len(sample)} stakeholders", orm_recompute)
        cr.rollback()
        env.invalidate_all()
        Stakeholder._refresh_contact_dates()
        cr.commit()
    vacuum(options.db)


if __name__ == "__main__":
    main()
