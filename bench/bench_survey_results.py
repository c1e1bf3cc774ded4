#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: closing a customer-value campaign and storing its results.

Run by hand, not by CI, on a database that has hr_relationship installed:

    python3 -m bench.bench_survey_results DBNAME [--answers 50000] [--clients 50]

For an anonymous and then a named campaign, two campaigns on the shipped
"Internal client value survey" are generated with SQL (bench/book.py for the
respondents; the generator is not what is measured): one with a tenth of
``--answers`` completed answers and one with all of them, each answer rating
the 14 rated questions. Each campaign has ``--clients`` internal clients of
its own. The script times ``hr.satisfaction.result._compute_for_campaigns``
and counts its SQL queries (``cr.sql_log_count``), which must not grow with
the number of answers; a named campaign stores one result per respondent, so
its time does grow. Everything is rolled back at the end.
"""

import argparse
import os

from odoo.fields import Command
from odoo.tools import SQL

from bench.benchlib import configure, environment, run_counted
from bench.book import Book, external

TAG = "bench-survey-results"


def make_campaign(env, clients, answers, anonymous):
    cr = env.cr
    survey = env.ref("hr_relationship.survey_internal_client_value")
    # Respondents of their own: contacts with an address, each a
    # stakeholder of one of the campaign's clients (bench/book.py).
    book = Book(env, TAG)
    first = 1 + book.count(
        SQL("SELECT count(*) FROM res_partner WHERE comment = %s", TAG)
    )
    partners = book.partners(
        first,
        first + answers - 1,
        "Bench respondent",
        email_domain="example.com",
        company=False,
    )
    stakeholder_ids = book.stakeholders(
        external(partners, first),
        env.user,
        relation_type="internal_client_contact",
        influence=2,
        interest=2,
        cadence=30,
    )
    book.link_clients(
        SQL(
            "SELECT s, (%s::int[])[1 + mod(s, %s)] FROM unnest(%s::int[]) s",
            clients.ids,
            len(clients),
            stakeholder_ids,
        )
    )
    book.settle(stakeholder_ids)
    campaign = env["hr.satisfaction.survey"].create(
        {
            "name": f"Bench {answers}",
            "survey_id": survey.id,
            "anonymous": anonymous,
            "internal_client_ids": [Command.set(clients.ids)],
            "participant_ids": [Command.set(stakeholder_ids)],
            "state": "closed",
        }
    )
    cr.execute(
        SQL(
            """
            INSERT INTO survey_user_input (survey_id, access_token, state,
                test_entry, hr_campaign_id, hr_stakeholder_id, create_date)
            SELECT %(survey)s, gen_random_uuid()::text, 'done', FALSE,
                   %(campaign)s, s, now()
              FROM unnest(%(stakeholders)s) s
            """,
            survey=survey.id,
            campaign=campaign.id,
            stakeholders=stakeholder_ids,
        )
    )
    rated = survey.question_ids.filtered("hr_metric_role")
    cr.execute(
        SQL(
            """
            INSERT INTO survey_user_input_line (user_input_id, survey_id,
                question_id, question_sequence, skipped, answer_type, value_scale)
            SELECT a.id, a.survey_id, q.id, q.sequence, FALSE, 'scale',
                   q.scale_min + mod(a.id + q.id, q.scale_max - q.scale_min + 1)
              FROM survey_user_input a, survey_question q
             WHERE a.hr_campaign_id = %(campaign)s AND q.id = ANY(%(questions)s)
            """,
            campaign=campaign.id,
            questions=rated.ids,
        )
    )
    # Planner statistics, as autovacuum would have them on a live database.
    cr.execute(
        "ANALYZE survey_user_input, survey_user_input_line, hr_stakeholder,"
        " hr_internal_client_stakeholder_rel"
    )
    env.invalidate_all()
    return campaign


def measure(env, campaign):
    Result = env["hr.satisfaction.result"]
    run = run_counted(env, lambda: Result._compute_for_campaigns(campaign))
    return run.ms / 1000, run.queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--answers", type=int, default=50000)
    parser.add_argument("--clients", type=int, default=50)
    # Shorthands for the libpq variables, which are honoured as well.
    parser.add_argument("--db_host")
    parser.add_argument("--db_user")
    args = parser.parse_args()
    for variable, value in (("PGHOST", args.db_host), ("PGUSER", args.db_user)):
        if value:
            os.environ[variable] = value
    configure()
    with environment(args.db) as env:
        cr = env.cr
        header = ("anonymous", "answers", "lines", "results", "seconds", "queries")
        print(" ".join(f"{title:>9}" for title in header))
        for anonymous in (True, False):
            counts = []
            for size in (args.answers // 10, args.answers):
                # Clients of their own, so no campaign reads another's results.
                clients = env["hr.internal.client"].create(
                    [
                        {"name": f"{TAG} {anonymous} {size} client {n}"}
                        for n in range(args.clients)
                    ]
                )
                campaign = make_campaign(env, clients, size, anonymous)
                measure(env, campaign)  # warm-up: caches, and results to replace
                seconds, queries = measure(env, campaign)
                counts.append(queries)
                row = (anonymous, size, size * 14, len(campaign.result_ids))
                print(
                    " ".join(f"{value!s:>9}" for value in row),
                    f"{seconds:>9.2f} {queries:>9}",
                    flush=True,
                )
            verdict = "constant" if counts[0] == counts[1] else "GROWS"
            print(f"query count with anonymous={anonymous}: {verdict}", flush=True)
        cr.rollback()


if __name__ == "__main__":
    main()
