#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: the daily health job in batches, with users at work, two runs
at once and a run killed half-way.

Run by hand, not by CI:

    python3 -m bench.bench_jobs [--db NAME] [--stakeholders 100000]
                                [--interactions 1000000] [--users 4]
                                [--batch 500] [--reset]

The book is bench_health.py's (stakeholders and interactions of
bench_contact_dates.py, internal clients, survey results). Then, each run of
the job through Odoo's own cron machinery (``method_direct_trigger``: its
progress, a commit per batch, rescheduled at once while records remain):

1. **Users at work**: ``--users`` threads log interactions through the ORM,
   each on its own cursor (which refreshes the stakeholder's figures in the
   user's transaction, as the form does), first alone (the baseline), then
   during a full run. Printed: the run's time and batches, the users' write
   times (p95, max) alone and during the run, and the lock waits sampled
   from ``pg_stat_activity`` every 20 ms (who waited, the longest).
2. **Two runs at once**: two workers run the job at the same time, each on
   its own cursor as two cron workers would: every record must be refreshed
   exactly once between them.
3. **Killed half-way**: a run in a subprocess is killed (SIGKILL) once it
   is a third through the stakeholders, then the job runs again: every
   record refreshed exactly once, and nothing half-written (a stakeholder's
   contact dates and its snapshot are written in the same batch).

With ``--cold`` every figure is forgotten first, so that the runs write
them all (the first run after installing; a daily run writes the figures
that changed).

"Refreshed" is counted by a trigger on the health snapshots that logs each
row written in the writer's own transaction (so a batch rolled back logs
nothing); it is dropped at the end. The users' interactions stay in the
database (a few thousand, dated today).
"""

import argparse
import math
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from contextlib import closing

import odoo
from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.tools import SQL

from bench.bench_contact_dates import generate
from bench.bench_health import book_parser, generate_health_inputs
from bench.benchlib import configure, environment, prepare

HEALTH_CRON = "hr_relationship.ir_cron_refresh_relationship_health"
LOG = "bench_jobs_refreshed"
JOB = "health"
BATCH_PARAM = "hr_relationship.job_batch_size"


def autocommit_cursor(db):
    cr = odoo.sql_db.db_connect(db).cursor()
    cr._cnx.autocommit = True
    return cr


def install_log(cr):
    """Each snapshot row written logs its record, in the writer's
    transaction."""
    cr.execute(
        f"""
        CREATE UNLOGGED TABLE IF NOT EXISTS {LOG}
            (stakeholder_id int, internal_client_id int);
        TRUNCATE {LOG};
        CREATE INDEX IF NOT EXISTS {LOG}_stakeholder ON {LOG} (stakeholder_id);
        CREATE OR REPLACE FUNCTION bench_jobs_log() RETURNS trigger AS $$
        BEGIN
            INSERT INTO {LOG} VALUES (NEW.stakeholder_id, NEW.internal_client_id);
            RETURN NEW;
        END $$ LANGUAGE plpgsql;
        DROP TRIGGER IF EXISTS bench_jobs_log ON hr_relationship_health_snapshot;
        CREATE TRIGGER bench_jobs_log AFTER INSERT OR UPDATE
            ON hr_relationship_health_snapshot
            FOR EACH ROW EXECUTE FUNCTION bench_jobs_log();
        """
    )


def drop_log(cr):
    cr.execute(
        f"""
        DROP TRIGGER IF EXISTS bench_jobs_log ON hr_relationship_health_snapshot;
        DROP FUNCTION IF EXISTS bench_jobs_log();
        DROP TABLE IF EXISTS {LOG};
        """
    )


def check_exactly_once(cr):
    """(records to refresh, refreshed, refreshed more than once)."""
    cr.execute(
        f"""
        SELECT (SELECT count(*) FROM hr_stakeholder WHERE active)
             + (SELECT count(*) FROM hr_internal_client WHERE active),
               (SELECT count(*) FROM (SELECT DISTINCT stakeholder_id,
                                             internal_client_id FROM {LOG}) d),
               (SELECT count(*) FROM (SELECT 1 FROM {LOG}
                                       GROUP BY stakeholder_id, internal_client_id
                                      HAVING count(*) > 1) twice)
        """
    )
    return cr.fetchone()


def deadlocks(db):
    with closing(autocommit_cursor(db)) as cr:
        cr.execute(SQL("SELECT deadlocks FROM pg_stat_database WHERE datname = %s", db))
        return cr.fetchone()[0]


def job_row(cr):
    cr.execute(
        SQL(
            "SELECT step, last_id FROM hr_relationship_job_progress WHERE name = %s",
            JOB,
        )
    )
    return cr.fetchone() or (None, 0)


def run_cron(db):
    """Run the health cron as Odoo's scheduler would until the run is over:
    again at once while it reports records remaining. Returns the number of
    times Odoo's job loop ran and the records it reported done."""
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        cron_id = env.ref(HEALTH_CRON).id
        cr.execute(SQL("SELECT COALESCE(MAX(id), 0) FROM ir_cron_progress"))
        since = cr.fetchone()[0]
    loops = 0
    while True:
        loops += 1
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["ir.cron"].browse(cron_id).method_direct_trigger()
        with registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT remaining FROM ir_cron_progress WHERE cron_id = %s"
                    " AND id > %s ORDER BY id DESC LIMIT 1",
                    cron_id,
                    since,
                )
            )
            row = cr.fetchone()
            if row is None or not row[0]:
                cr.execute(
                    SQL(
                        "SELECT SUM(done) FROM ir_cron_progress"
                        " WHERE cron_id = %s AND id > %s",
                        cron_id,
                        since,
                    )
                )
                return loops, cr.fetchone()[0] or 0


class Users:
    """Threads logging interactions through the ORM, each on its own
    cursor; the time of each write (create and commit)."""

    def __init__(self, db, count, stakeholder_ids):
        self.db = db
        self.count = count
        self.stakeholder_ids = stakeholder_ids
        self.stop = threading.Event()
        self.times = []
        self.errors = []
        self.threads = []

    def _work(self, seed):
        registry = Registry(self.db)
        rng = random.Random(seed)
        while not self.stop.is_set():
            stakeholder_id = rng.choice(self.stakeholder_ids)
            start = time.perf_counter()
            try:
                with registry.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    # As Odoo serves a request: again after a conflict.
                    retrying(
                        lambda env=env, sid=stakeholder_id: self._log(env, sid), env
                    )
            except Exception as error:  # noqa: BLE001 - counted and shown
                self.errors.append(repr(error))
            self.times.append(time.perf_counter() - start)
            time.sleep(rng.uniform(0.05, 0.15))

    def _log(self, env, stakeholder_id):
        self.tries += 1
        env["hr.relationship.interaction"].create(
            {
                "name": "Bench user call",
                "interaction_type": "call",
                "stakeholder_ids": [Command.set([stakeholder_id])],
            }
        )

    def start(self):
        self.stop.clear()
        self.times = []
        self.tries = 0
        self.threads = [
            threading.Thread(target=self._work, args=(seed,), daemon=True)
            for seed in range(self.count)
        ]
        for thread in self.threads:
            thread.start()

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join()
        return list(self.times)


class LockSampler:
    """Every 20 ms, the sessions of the database waiting for a lock, and for
    how long their statement has been running: the longest wait of each."""

    def __init__(self, db):
        self.db = db
        self.stop = threading.Event()
        self.waits = {}

    def _work(self):
        with closing(autocommit_cursor(self.db)) as cr:
            while not self.stop.is_set():
                cr.execute(
                    SQL(
                        """
                        SELECT pid, query_start,
                               EXTRACT(EPOCH FROM clock_timestamp() - query_start),
                               left(regexp_replace(query, '\\s+', ' ', 'g'), 60)
                          FROM pg_stat_activity
                         WHERE datname = %s AND wait_event_type = 'Lock'
                        """,
                        self.db,
                    )
                )
                for pid, started, seconds, query in cr.fetchall():
                    key = (pid, started)
                    if seconds > self.waits.get(key, (0, ""))[0]:
                        self.waits[key] = (float(seconds), query)
                time.sleep(0.02)

    def start(self):
        self.thread = threading.Thread(target=self._work, daemon=True)
        self.thread.start()

    def finish(self):
        self.stop.set()
        self.thread.join()
        return sorted(self.waits.values(), reverse=True)


def percentile(values, share):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def write_figures(label, times):
    print(
        f"  users' writes {label}: {len(times)}, median "
        f"{statistics.median(times) * 1000:.0f} ms, p95 "
        f"{percentile(times, 0.95) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms",
        flush=True,
    )


def with_users(db, options, stakeholder_ids, total, size):
    print(f"1. a full run with {options.users} users logging interactions")
    users = Users(db, options.users, stakeholder_ids)
    users.start()
    time.sleep(options.baseline)
    alone = users.finish()
    write_figures("alone", alone)
    deadlocks_before = deadlocks(db)
    sampler = LockSampler(db)
    sampler.start()
    users.start()
    start = time.perf_counter()
    loops, done = run_cron(db)
    elapsed = time.perf_counter() - start
    during = users.finish()
    waits = sampler.finish()
    print(
        f"  run: {elapsed:.1f} s, {done} records in about {math.ceil(done / size)} "
        f"batches of {size} ({elapsed / max(done / size, 1) * 1000:.0f} ms a batch),"
        f" {loops} job loops of Odoo's cron"
    )
    write_figures("during the run", during)
    print(
        f"  users' writes done again after a conflict: {users.tries - len(during)};"
        f" deadlocks: {deadlocks(db) - deadlocks_before}"
    )
    if users.errors:
        print(f"  users' errors: {len(users.errors)}, e.g. {users.errors[0]}")
    print(f"  lock waits seen: {len(waits)}")
    for seconds, query in waits[:5]:
        print(f"    {seconds * 1000:7.0f} ms  {query}")
    worst = max(during) if during else 0
    print(
        "  every user's write under a second: "
        + ("yes" if worst < 1 else f"NO ({worst:.2f} s)"),
        flush=True,
    )


def two_at_once(db, total):
    print("2. two runs at once, each on its own cursor as two cron workers")
    registry = Registry(db)
    with closing(autocommit_cursor(db)) as cr:
        install_log(cr)
    barrier = threading.Barrier(2)
    done = []

    def worker():
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            cron = env.ref(HEALTH_CRON)
            cron = cron.with_context(cron_id=cron.id)
            cron, progress = cron._add_progress()
            cr.commit()
            barrier.wait()
            cron.env["hr.relationship.health.snapshot"]._cron_refresh_health()
            done.append(progress.done)

    start = time.perf_counter()
    workers = [threading.Thread(target=worker) for _index in range(2)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    with closing(autocommit_cursor(db)) as cr:
        expected, refreshed, twice = check_exactly_once(cr)
    print(
        f"  {time.perf_counter() - start:.1f} s; records done by each worker: "
        f"{done} (together {sum(done)} of {total})"
    )
    print(
        f"  refreshed {refreshed} of {expected}, more than once: {twice}: "
        + ("OK" if refreshed == expected and not twice else "FAILED"),
        flush=True,
    )


def killed(db, options, stakeholder_count):
    print("3. a run killed half-way (SIGKILL), then the job again")
    with closing(autocommit_cursor(db)) as cr:
        install_log(cr)
        # A contact date the refresh puts right: written in the same batch
        # as the snapshot, so a half-written batch would show.
        cr.execute(
            "UPDATE hr_stakeholder SET next_contact_date = '2000-01-01' WHERE active"
        )
        cr.execute("SELECT min(id), max(id) FROM hr_stakeholder")
        low, high = cr.fetchone()
        third = low + (high - low) // 3
        child = subprocess.Popen(
            [sys.executable, "-m", "bench.bench_jobs", "--db", db, "--run-only"],
            cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
        )
        while True:
            step, last_id = job_row(cr)
            if step == "hr.stakeholder" and last_id >= third:
                break
            if child.poll() is not None:
                print("  the run ended before it could be killed")
                return
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        # The server ends the killed session's transaction once it notices.
        time.sleep(2)
        cr.execute(f"ANALYZE {LOG}")
        step, last_id = job_row(cr)
        cr.execute(
            SQL(
                f"""
                SELECT count(*) FILTER (WHERE logged AND NOT fixed),
                       count(*) FILTER (WHERE fixed AND NOT logged),
                       count(*) FILTER (WHERE logged AND s.id > %(last)s),
                       count(*) FILTER (WHERE NOT logged AND s.id <= %(last)s),
                       count(*) FILTER (WHERE logged)
                  FROM (SELECT s.id,
                               s.next_contact_date IS DISTINCT FROM '2000-01-01'
                                   AS fixed,
                               EXISTS (SELECT 1 FROM {LOG} l
                                        WHERE l.stakeholder_id = s.id) AS logged
                          FROM hr_stakeholder s WHERE s.active) s
                """,
                last=last_id,
            )
        )
        half, unlogged, beyond, behind, before = cr.fetchone()
        print(
            f"  killed at {step} after id {last_id}: {before} of "
            f"{stakeholder_count} stakeholders refreshed; half-written (snapshot "
            f"without dates, dates without snapshot): {half}, {unlogged}; "
            f"refreshed after the place saved: {beyond}, left out before it: "
            f"{behind}"
        )
        start = time.perf_counter()
        loops, done = run_cron(db)
        expected, refreshed, twice = check_exactly_once(cr)
        cr.execute(
            "SELECT count(*) FROM hr_stakeholder"
            " WHERE active AND next_contact_date = '2000-01-01'"
        )
        stale = cr.fetchone()[0]
        print(
            f"  resumed: {time.perf_counter() - start:.1f} s, {done} records; "
            f"refreshed {refreshed} of {expected}, more than once: {twice}, "
            f"contact dates left stale: {stale}: "
            + (
                "OK"
                if refreshed == expected
                and not twice
                and not (half or unlogged or beyond or behind or stale)
                else "FAILED"
            ),
            flush=True,
        )
        drop_log(cr)


def forget_figures(env):
    """Nothing scored yet, as before the first run: every record's figures,
    this month's snapshots and the to-dos of the jobs are written anew."""
    cr = env.cr
    for table in ("hr_stakeholder", "hr_internal_client"):
        cr.execute(
            SQL(
                "UPDATE %s SET health_score = NULL, health_state = 'not_scored',"
                " drift_state = 'steady', drift_signals = NULL,"
                " last_interaction_date = NULL",
                SQL.identifier(table),
            )
        )
    cr.execute("UPDATE hr_stakeholder SET next_contact_date = NULL")
    cr.execute("DELETE FROM hr_relationship_health_snapshot")
    cr.execute(
        "DELETE FROM mail_activity WHERE res_model IN"
        " ('hr.stakeholder', 'hr.internal.client') AND automated"
    )
    env.invalidate_all()


def main():
    parser = book_parser(__doc__)
    parser.add_argument("--users", type=int, default=4)
    parser.add_argument("--batch", type=int, default=0, help="0: the setting's")
    parser.add_argument(
        "--baseline", type=float, default=10, help="seconds of users alone"
    )
    parser.add_argument(
        "--steps", default="123", help="which of the steps to run (default: 123)"
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="forget every figure first: the run writes them all, as the first",
    )
    parser.add_argument("--run-only", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()

    if options.run_only:
        # The child of step 3: a run to be killed.
        configure()
        run_cron(options.db)
        return
    prepare(options.db, options.reset)
    with environment(options.db) as env:
        generate(env, options.stakeholders, options.interactions)
        generate_health_inputs(env, options.clients, options.answers)
        if options.batch:
            env["ir.config_parameter"].set_param(BATCH_PARAM, options.batch)
        size = env["hr.relationship.job.progress"]._batch_size()
        stakeholder_ids = env["hr.stakeholder"].search([]).ids
        total = len(stakeholder_ids) + env["hr.internal.client"].search_count([])
        # No run under way: each step below starts one.
        env["hr.relationship.job.progress"].search([]).unlink()
        if options.cold:
            forget_figures(env)
    print(f"{len(stakeholder_ids)} stakeholders, {total} records, batch {size}")
    if "1" in options.steps:
        with_users(options.db, options, stakeholder_ids, total, size)
    if "2" in options.steps:
        two_at_once(options.db, total)
    if "3" in options.steps:
        killed(options.db, options, len(stakeholder_ids))


if __name__ == "__main__":
    main()
