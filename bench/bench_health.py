#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: the daily relationship health refresh over a large book.

Run by hand, not by CI:

    python3 -m bench.bench_health [--db NAME] [--stakeholders 100000]
                                  [--interactions 1000000] [--answers 50000]
                                  [--clients 1000] [--reset]

Stakeholders and interactions come from the generator of
bench_contact_dates.py. On top of it, with SQL (the generator is not what is
measured): internal clients, a tenth of the interactions logged for a client,
varied sentiment, and ``--answers`` answered survey results (the rows that
feed ``latest_csat``, ``latest_satisfaction_index`` and ``latest_nps``: one
answering stakeholder each, a seventh of them without a recommendation
answer), with the internal clients' stored latest figures filled in as the
survey's compute would.

It then times and counts the SQL queries (``cr.sql_log_count``) of:

* the first refresh, from a state where nothing has been scored yet, on a
  tenth of the book and on all of it: this one also schedules an activity for
  every relationship that turns at risk, through the ORM (whose inserts take
  100 rows a query), so its count follows the number of new activities;
* the daily refresh once scored (``_cron_refresh_health`` for all, the same
  steps per model restricted to a tenth): its query count must be the
  same at a tenth and at all of the data.

Every measured run is rolled back; the generated data stays for another run.
"""

import argparse
import time

from odoo.tools import SQL

from bench.bench_contact_dates import BENCH_TAG, generate
from bench.benchlib import environment, measure, prepare, vacuum

CLIENT_PREFIX = "Bench health client"


def generate_health_inputs(env, client_count, answer_count):
    """Clients, client interactions, sentiment and survey results, once."""
    cr = env.cr
    cr.execute(
        SQL(
            "SELECT count(*) FROM hr_internal_client WHERE name LIKE %s",
            f"{CLIENT_PREFIX}%",
        )
    )
    if cr.fetchone()[0]:
        return
    company_id = env.company.id
    owner_id = env.ref("base.user_admin").id
    cr.execute(
        SQL(
            """
            INSERT INTO hr_internal_client (name, company_id, hr_partner_id,
                contact_cadence_days, active, health_state, create_date,
                write_date, create_uid, write_uid)
            SELECT %(prefix)s || ' ' || n, %(company)s, %(owner)s, 30, TRUE,
                   'attention', now(), now(), %(owner)s, %(owner)s
              FROM generate_series(1, %(count)s) n
            """,
            prefix=CLIENT_PREFIX,
            company=company_id,
            owner=owner_id,
            count=client_count,
        )
    )
    # Sentiment from -2 to 2, and one interaction in ten logged for a client.
    cr.execute(
        SQL(
            """
            WITH clients AS (
                SELECT array_agg(id ORDER BY id) AS ids FROM hr_internal_client
                 WHERE name LIKE %(pattern)s
            )
            UPDATE hr_relationship_interaction moment
               SET sentiment_score = mod(moment.id, 5) - 2,
                   sentiment = (ARRAY['very_negative', 'negative', 'neutral',
                                      'positive', 'very_positive'])
                               [1 + mod(moment.id, 5)],
                   sentiment_chosen = (ARRAY['very_negative', 'negative',
                                             'neutral', 'positive',
                                             'very_positive'])
                                      [1 + mod(moment.id, 5)],
                   internal_client_id = CASE WHEN mod(moment.id, 10) = 0
                       THEN clients.ids[1 + mod(moment.id / 10,
                                                array_length(clients.ids, 1))]
                   END
              FROM clients
             WHERE moment.name = 'Bench contact moment'
            """,
            pattern=f"{CLIENT_PREFIX}%",
        )
    )
    cr.execute(
        SQL(
            """
            UPDATE hr_internal_client client
               SET last_interaction_date = latest.date
              FROM (SELECT internal_client_id, MAX(date) AS date
                      FROM hr_relationship_interaction
                     WHERE internal_client_id IS NOT NULL
                     GROUP BY internal_client_id) latest
             WHERE latest.internal_client_id = client.id
            """
        )
    )
    campaign = env["hr.satisfaction.survey"].create(
        {"name": "Bench health campaign", "state": "closed"}
    )
    cr.execute(
        SQL(
            """
            INSERT INTO hr_satisfaction_result (campaign_id, company_id, date,
                scope, stakeholder_id, invited_count, responded_count,
                satisfaction_count, mean_satisfaction, satisfaction_index,
                recommendation_count, nps, create_date, write_date,
                create_uid, write_uid)
            SELECT %(campaign)s, %(company)s, current_date - mod(s.id, 300),
                   'stakeholder', s.id, 1, 1, 1, 1 + mod(s.id, 5),
                   25 * mod(s.id, 5),
                   CASE WHEN mod(s.id, 7) = 0 THEN 0 ELSE 1 END,
                   CASE WHEN mod(s.id, 7) = 0 THEN 0
                        ELSE (ARRAY[-100, 0, 100])[1 + mod(s.id, 3)] END,
                   now(), now(), %(owner)s, %(owner)s
              FROM hr_stakeholder s
              JOIN res_partner p ON p.id = s.partner_id AND p.comment = %(tag)s
             ORDER BY s.id
             LIMIT %(answers)s
            """,
            campaign=campaign.id,
            company=company_id,
            owner=owner_id,
            tag=BENCH_TAG,
            answers=answer_count,
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO hr_satisfaction_result (campaign_id, company_id, date,
                scope, internal_client_id, invited_count, responded_count,
                satisfaction_count, csat, recommendation_count, nps,
                create_date, write_date, create_uid, write_uid)
            SELECT %(campaign)s, %(company)s, current_date - 30,
                   'internal_client', c.id, 50, 25, 25, 20 * mod(c.id, 6), 25,
                   -50 + 20 * mod(c.id, 6), now(), now(), %(owner)s, %(owner)s
              FROM hr_internal_client c WHERE c.name LIKE %(pattern)s
            """,
            campaign=campaign.id,
            company=company_id,
            owner=owner_id,
            pattern=f"{CLIENT_PREFIX}%",
        )
    )
    # What the internal clients' stored computes would hold (a missing answer
    # is 0); a stakeholder's figures are read from their result itself.
    for table, link, satisfaction in (
        ("hr_internal_client", "internal_client_id", "csat"),
    ):
        cr.execute(
            SQL(
                """
                UPDATE %(table)s rec
                   SET latest_csat = res.%(satisfaction)s,
                       latest_nps = res.nps,
                       latest_survey_date = res.date
                  FROM hr_satisfaction_result res
                 WHERE res.%(link)s = rec.id AND res.campaign_id = %(campaign)s
                """,
                table=SQL.identifier(table),
                satisfaction=SQL.identifier(satisfaction),
                link=SQL.identifier(link),
                campaign=campaign.id,
            )
        )
    cr.commit()
    vacuum(cr.dbname)


def book_parser(doc):
    """The options of the health book, which this benchmark, bench_drift and
    bench_jobs share: the database and the size of what it holds."""
    parser = argparse.ArgumentParser(description=doc.split("\n", 1)[0])
    parser.add_argument("--db", default="hr_relationship_bench")
    parser.add_argument("--stakeholders", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=1_000)
    parser.add_argument("--reset", action="store_true")
    return parser


def main():
    options = book_parser(__doc__).parse_args()

    prepare(options.db, options.reset)
    with environment(options.db) as env:
        cr = env.cr
        start = time.perf_counter()
        generate(env, options.stakeholders, options.interactions)
        generate_health_inputs(env, options.clients, options.answers)
        print(f"data ready in {time.perf_counter() - start:.1f} s")
        Snapshot = env["hr.relationship.health.snapshot"]
        stakeholder_ids = env["hr.stakeholder"].search([]).ids
        client_ids = env["hr.internal.client"].search([]).ids
        cr.execute(
            "SELECT (SELECT count(*) FROM hr_relationship_interaction),"
            " (SELECT count(*) FROM hr_satisfaction_result WHERE responded_count > 0),"
            " pg_size_pretty(pg_database_size(current_database()))"
        )
        interactions, results, size = cr.fetchone()
        print(
            f"{len(stakeholder_ids)} stakeholders, {len(client_ids)} clients, "
            f"{interactions} interactions, {results} answered results, "
            f"database {size}"
        )
        tenth_stakeholders = stakeholder_ids[: len(stakeholder_ids) // 10]
        tenth_clients = client_ids[: len(client_ids) // 10]

        def refresh_tenth():
            # What the daily job does per model (contact dates, then health),
            # on a tenth of the records.
            created = env["hr.stakeholder"].browse(tenth_stakeholders)._refresh_health()
            return created | (
                env["hr.internal.client"].browse(tenth_clients)._refresh_health()
            )

        def refresh_all():
            return Snapshot._cron_refresh_health()

        def states():
            cr.execute(
                "SELECT health_state, count(*) FROM hr_stakeholder"
                " GROUP BY health_state ORDER BY 1"
            )
            return dict(cr.fetchall())

        cr.execute("SAVEPOINT bench_health")
        measure(
            env,
            f"first refresh, {len(tenth_stakeholders)} stakeholders",
            lambda: f"{len(refresh_tenth())} activities",
        )
        cr.execute("ROLLBACK TO SAVEPOINT bench_health")
        env.invalidate_all()
        measure(
            env,
            f"first refresh, {len(stakeholder_ids)} stakeholders",
            lambda: f"{len(refresh_all())} activities",
        )
        print(f"health states: {states()}")
        # Scored and activities scheduled: the day-to-day case.
        small = measure(
            env,
            f"daily refresh, {len(tenth_stakeholders)} stakeholders",
            lambda: f"{len(refresh_tenth())} activities",
        ).queries
        full = measure(
            env,
            f"daily refresh, {len(stakeholder_ids)} stakeholders",
            lambda: f"{len(refresh_all())} activities",
        ).queries
        cr.execute(
            "SELECT count(*), pg_size_pretty(pg_total_relation_size("
            "'hr_relationship_health_snapshot')) FROM hr_relationship_health_snapshot"
        )
        snapshots, snapshot_size = cr.fetchone()
        print(f"{snapshots} snapshot rows this month, table {snapshot_size}")
        print(
            "daily query count constant: "
            + ("yes" if small == full else f"NO ({small} vs {full})")
        )
        cr.rollback()


if __name__ == "__main__":
    main()
