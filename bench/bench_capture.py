#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: capturing a year of meetings and mail as interactions (backfill).

Run by hand, not by CI:

    python3 -m bench.bench_capture [--db NAME] [--stakeholders 100000]
                                   [--meetings 200000] [--messages 1000000]
                                   [--users 500] [--clients 1000]
                                   [--share 10] [--reset]

Generates, with SQL (bench/book.py for the people; the generator is not what
is measured), a tenth of the book first (``--share``): HR users in the
relationship group, internal clients, stakeholders (each an external contact
with an address of its own, in one client), calendar meetings over the last
year between an HR user and one or two stakeholders (some with a colleague, a
fifth private, a few cancelled), and messages on the internal clients'
chatters: e-mail and comments between HR users and stakeholders, internal
notes and system notifications among them. With calendar and e-mail capture
switched on, it measures the backfill of the last 12 months
(``_hr_backfill``, in batches of meetings and of messages): time, SQL query
count per batch (about the same at a tenth and at all of the book: a batch
costs a fixed number of queries whatever the data),
interactions created and the size of the tables. It
then grows the book to its full size and measures again. Every measured
backfill is rolled back; the generated data stays.
"""

import argparse
import time
from datetime import timedelta

from odoo import fields
from odoo.tools import SQL

from bench.benchlib import environment, measure, prepare, vacuum
from bench.book import Book, external

TAG = "bench_capture"
TABLES = (
    "calendar_event",
    "calendar_event_res_partner_rel",
    "mail_message",
    "mail_message_res_partner_rel",
    "hr_stakeholder",
    "hr_relationship_interaction",
    "hr_relationship_interaction_stakeholder_rel",
)


def _count(cr, query):
    cr.execute(query)
    return cr.fetchone()[0]


def generate_people(env, stakeholders, users, clients):
    """HR users, internal clients and stakeholders (bench/book.py): each
    stakeholder n an external contact with an address of its own, owned by
    HR user n*7, in client n/100."""
    book = Book(env, TAG)
    hr = book.users(users, email_domain="hr.bench.example.com")
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
            "SELECT count(*) FROM hr_stakeholder s JOIN res_partner p"
            " ON p.id = s.partner_id WHERE p.comment = %s",
            TAG,
        )
    )
    partners = book.partners(
        first, stakeholders, "Bench person", email_domain="bench.example.com"
    )
    new = book.stakeholders(
        external(partners, first),
        hr,
        cadence=30,
        created=SQL("%s - interval '400 days'", book.now),
    )
    book.link_clients(
        SQL(
            """
            SELECT s.id,
                   (%s::int[])[1 + mod((%s + s.ordinality - 1)::int / 100, %s)]
              FROM unnest(%s::int[]) WITH ORDINALITY s(id, ordinality)
            """,
            client_ids,
            first,
            clients,
            new,
        )
    )
    book.settle(new)


def generate_meetings(env, meetings, stakeholders, users):
    """Meetings n: HR user (n mod users), stakeholder n mod book and, every
    third, the next one; one in five private, one in fifty cancelled."""
    cr = env.cr
    now = fields.Datetime.now()
    have = _count(
        cr, SQL("SELECT count(*) FROM calendar_event WHERE name LIKE %s", f"{TAG} %")
    )
    if have >= meetings:
        return
    cr.execute(
        SQL(
            """
            WITH hr AS (
                SELECT array_agg(u.id ORDER BY u.id) AS ids,
                       array_agg(u.partner_id ORDER BY u.id) AS partners
                  FROM res_users u WHERE u.login LIKE %(pattern)s
            ), book AS (
                SELECT array_agg(s.partner_id ORDER BY s.id) AS partners
                  FROM hr_stakeholder s JOIN res_partner p ON p.id = s.partner_id
                 WHERE p.comment = %(tag)s
            ), raw AS (
                SELECT n, hr.ids[1 + mod(n, %(users)s)] AS user_id,
                       hr.partners[1 + mod(n, %(users)s)] AS hr_partner,
                       book.partners[1 + mod(n, %(book)s)] AS person,
                       book.partners[1 + mod(n + 1, %(book)s)] AS colleague
                  FROM generate_series(%(first)s, %(last)s) n, hr, book
            ), events AS (
                INSERT INTO calendar_event (name, start, stop, duration, allday,
                    user_id, privacy, show_as, active, create_date, write_date,
                    create_uid, write_uid)
                SELECT %(tag)s || ' ' || n,
                       %(now)s - (mod(n * 37, 365) || ' days')::interval
                               - (mod(n, 9) || ' hours')::interval,
                       %(now)s - (mod(n * 37, 365) || ' days')::interval
                               - (mod(n, 9) || ' hours')::interval
                               + interval '1 hour',
                       1.0, FALSE, user_id,
                       CASE WHEN mod(n, 5) = 0 THEN 'private' ELSE 'public' END,
                       'busy', mod(n, 50) <> 0, %(now)s, %(now)s, 1, 1
                  FROM raw
                RETURNING id, split_part(name, ' ', 2)::int AS n
            )
            INSERT INTO calendar_event_res_partner_rel
                   (calendar_event_id, res_partner_id)
            SELECT events.id, people.partner_id
              FROM events JOIN raw ON raw.n = events.n
             CROSS JOIN LATERAL (
                   VALUES (raw.hr_partner), (raw.person),
                          (CASE WHEN mod(raw.n, 3) = 0 THEN raw.colleague END)
             ) people(partner_id)
             WHERE people.partner_id IS NOT NULL
            """,
            pattern=f"{TAG}_%",
            tag=TAG,
            now=now,
            first=have + 1,
            last=meetings,
            book=stakeholders,
            users=users,
        )
    )


def generate_messages(env, messages, stakeholders, clients, users):
    """Messages n on the chatter of client n mod clients, one recipient
    each: 40% comments sent by an HR user to a stakeholder, 20% e-mail
    received from a stakeholder, 20% internal notes, 20% notifications."""
    cr = env.cr
    now = fields.Datetime.now()
    have = _count(
        cr, SQL("SELECT count(*) FROM mail_message WHERE subject LIKE %s", f"{TAG} %")
    )
    if have >= messages:
        return
    comment = env.ref("mail.mt_comment").id
    note = env.ref("mail.mt_note").id
    cr.execute(
        SQL(
            """
            WITH hr AS (
                SELECT array_agg(u.partner_id ORDER BY u.id) AS partners
                  FROM res_users u WHERE u.login LIKE %(pattern)s
            ), book AS (
                SELECT array_agg(s.partner_id ORDER BY s.id) AS partners
                  FROM hr_stakeholder s JOIN res_partner p ON p.id = s.partner_id
                 WHERE p.comment = %(tag)s
            ), threads AS (
                SELECT array_agg(id ORDER BY id) AS ids
                  FROM hr_internal_client WHERE name LIKE %(tag_space)s
            ), raw AS (
                SELECT n, mod(n, 5) AS kind,
                       hr.partners[1 + mod(n, %(users)s)] AS hr_partner,
                       book.partners[1 + mod(n::bigint * 13, %(book)s)] AS person,
                       threads.ids[1 + mod(n, %(clients)s)] AS thread
                  FROM generate_series(%(first)s, %(last)s) n, hr, book, threads
            ), inserted AS (
                INSERT INTO mail_message (subject, body, model, res_id,
                    message_type, subtype_id, is_internal, author_id, date,
                    create_date, write_date, create_uid, write_uid)
                SELECT %(tag)s || ' ' || n, '<p>Bench message ' || n || '</p>',
                       'hr.internal.client', thread,
                       CASE kind WHEN 2 THEN 'email' WHEN 4 THEN 'notification'
                            ELSE 'comment' END,
                       CASE kind WHEN 3 THEN %(note)s ELSE %(comment)s END,
                       kind = 3,
                       CASE kind WHEN 2 THEN person ELSE hr_partner END,
                       %(now)s - (mod(n * 17, 365) || ' days')::interval
                               - (mod(n, 11) || ' hours')::interval,
                       %(now)s, %(now)s, 1, 1
                  FROM raw
                RETURNING id, split_part(subject, ' ', 2)::int AS n
            )
            INSERT INTO mail_message_res_partner_rel (mail_message_id, res_partner_id)
            SELECT inserted.id,
                   CASE raw.kind WHEN 2 THEN raw.hr_partner ELSE raw.person END
              FROM inserted JOIN raw ON raw.n = inserted.n
            """,
            pattern=f"{TAG}_%",
            tag=TAG,
            tag_space=f"{TAG} %",
            now=now,
            first=have + 1,
            last=messages,
            book=stakeholders,
            clients=clients,
            users=users,
            comment=comment,
            note=note,
        )
    )


def sizes(cr):
    cr.execute(
        SQL(
            "SELECT relname, pg_total_relation_size(oid), reltuples::bigint"
            " FROM pg_class WHERE relname = ANY(%s) ORDER BY relname",
            list(TABLES),
        )
    )
    return cr.fetchall()


def measure_backfill(env):
    cr = env.cr
    env.company.write({"hr_capture_calendar": True, "hr_capture_email": True})
    env.flush_all()
    cr.execute("SAVEPOINT bench_capture")
    since = fields.Date.context_today(env.user) - timedelta(days=366)
    backfill = measure(
        env,
        "backfill of 12 months",
        lambda: env["hr.relationship.interaction"]._hr_backfill(since, env.company),
    )
    batches = backfill_batches(env, since)
    print(
        f"  {batches} batches of at most {backfill_size(env)} records:"
        f" {backfill.queries / batches:.1f} queries per batch"
    )
    for name, size, rows in sizes(cr):
        print(f"  {name:<46} {size / 2**20:>9.1f} MiB {rows:>10} rows (estimate)")
    again = measure(
        env,
        "backfill again (adds nothing)",
        lambda: env["hr.relationship.interaction"]._hr_backfill(since, env.company),
    )
    cr.execute("ROLLBACK TO SAVEPOINT bench_capture")
    env.invalidate_all()
    cr.rollback()
    return round(backfill.queries / batches, 1), again.result


def backfill_size(env):
    return env["hr.relationship.interaction"]._hr_backfill_batch_size()


def backfill_batches(env, since):
    """The batches the backfill goes through: its meetings' and messages'."""
    since_dt = fields.Datetime.to_datetime(since)
    cr = env.cr
    cr.execute(
        SQL(
            "SELECT (SELECT COUNT(*) FROM calendar_event WHERE start >= %s),"
            " (SELECT COUNT(*) FROM mail_message WHERE date >= %s)",
            since_dt,
            since_dt,
        )
    )
    size = backfill_size(env)
    return sum(-(-count // size) for count in cr.fetchone())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", default="hr_relationship_bench_capture")
    parser.add_argument("--stakeholders", type=int, default=100_000)
    parser.add_argument("--meetings", type=int, default=200_000)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--users", type=int, default=500)
    parser.add_argument("--clients", type=int, default=1_000)
    parser.add_argument(
        "--share",
        type=int,
        default=10,
        help="measure at 1/SHARE of the book first (1: only the full book)",
    )
    parser.add_argument("--reset", action="store_true")
    options = parser.parse_args()

    prepare(options.db, options.reset, module="hr_relationship_capture")
    counts = []
    for share in sorted({options.share, 1}, reverse=True):
        with environment(options.db) as env:
            start = time.perf_counter()
            book = options.stakeholders // share
            generate_people(env, book, options.users, options.clients)
            generate_meetings(env, options.meetings // share, book, options.users)
            generate_messages(
                env, options.messages // share, book, options.clients, options.users
            )
            print(
                f"\n1/{share} of the book ready in {time.perf_counter() - start:.1f} s"
                f" ({book} stakeholders, {options.meetings // share} meetings,"
                f" {options.messages // share} messages)",
                flush=True,
            )
        vacuum(options.db)
        with environment(options.db) as env:
            counts.append(measure_backfill(env))
    queries = [count for count, __ in counts]
    print("backfill queries per batch: " + " -> ".join(str(q) for q in queries))


if __name__ == "__main__":
    main()
