#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: last and next contact dates over a large relationship book.

Run by hand, not by CI:

    python3 bench/bench_contact_dates.py [--db NAME] [--stakeholders 100000]
                                         [--interactions 1000000] [--orm-sample 5000]

It installs hr_relationship (without demo) into database NAME when the module
is missing there and updates it otherwise, fills it with stakeholders and
interactions through SQL (the generator is not what is measured), then times
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

from benchlib import environment, measure, prepare, vacuum

from odoo.tools import SQL

BENCH_TAG = "bench-contact-dates"


def generate(env, stakeholder_count, interaction_count):
    cr = env.cr
    cr.execute(
        SQL(
            "SELECT count(*) FROM res_partner WHERE comment = %s",
            BENCH_TAG,
        )
    )
    if cr.fetchone()[0] >= stakeholder_count:
        return
    company_id = env.company.id
    owner_id = env.ref("base.user_admin").id
    cr.execute(
        SQL(
            """
            INSERT INTO res_partner (name, comment, active, type, company_id)
            SELECT 'Bench contact ' || n, %(tag)s, TRUE, 'contact', %(company)s
              FROM generate_series(1, %(count)s) n
            """,
            tag=BENCH_TAG,
            company=company_id,
            count=stakeholder_count,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO hr_stakeholder (name, partner_id, company_id, owner_id,
                relation_type, attitude, influence, interest, quadrant,
                contact_cadence_days, is_external, active, create_date,
                write_date, create_uid, write_uid)
            SELECT p.name, p.id, %(company)s, %(owner)s, 'project_partner',
                   'neutral', 1 + mod(p.id, 5), 1 + mod(p.id / 5, 5), 'monitor',
                   (ARRAY[0, 14, 30, 90])[1 + mod(p.id, 4)], TRUE, TRUE,
                   now() - interval '200 days', now(), %(owner)s, %(owner)s
              FROM res_partner p
             WHERE p.comment = %(tag)s
            """,
            company=company_id,
            owner=owner_id,
            tag=BENCH_TAG,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO hr_relationship_interaction (name, date, interaction_type,
                source, company_id, user_id, sentiment, sentiment_score, create_date,
                write_date, create_uid, write_uid)
            SELECT 'Bench contact moment', current_date - mod(n, 180),
                   'meeting', 'manual', %(company)s, %(owner)s, 'neutral', 0,
                   now(), now(), %(owner)s, %(owner)s
              FROM generate_series(1, %(count)s) n
            """,
            company=company_id,
            owner=owner_id,
            count=interaction_count,
        )
    )
    # Each interaction meets one stakeholder, spread evenly over the book.
    cr.execute(
        SQL(
            """
            WITH book AS (
                SELECT id, row_number() OVER (ORDER BY id) - 1 AS rank
                  FROM hr_stakeholder WHERE partner_id IN (
                      SELECT id FROM res_partner WHERE comment = %(tag)s)
            ), moments AS (
                SELECT id, row_number() OVER (ORDER BY id) - 1 AS rank
                  FROM hr_relationship_interaction
                 WHERE name = 'Bench contact moment'
            )
            INSERT INTO hr_relationship_interaction_stakeholder_rel
                   (interaction_id, stakeholder_id)
            SELECT moments.id, book.id
              FROM moments
              JOIN book ON book.rank = mod(moments.rank, %(book_size)s)
            """,
            tag=BENCH_TAG,
            book_size=stakeholder_count,
        )
    )
    cr.commit()
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

        # The generated book has no dates yet and every run is rolled back,
        # so both refreshes below really compute and write.
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


if __name__ == "__main__":
    main()
