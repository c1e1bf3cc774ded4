#!/usr/bin/env python3
# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmark: many people at once, with 1, 2 and 4 workers, with and without
a read replica.

Run by hand, not by CI:

    python3 -m bench.bench_load [--readers 8] [--writers 4] [--seconds 30]
                                [--workers 1,2,4] [--stakeholders 10000]
                                [--interactions 100000] [--no-replica]

It starts its own PostgreSQL primary with a streaming standby under
``var/replica/`` (scripts/replica.py, the clusters of the replica tests),
fills a database on the primary with a book (bench/book.py) and the capture
bridge with e-mail capture switched on, then serves it with Odoo's
multi-process server, once per number of workers, without the replica and
with it (``--db_replica_host``/``--db_replica_port``). For ``--seconds`` per
run, ``--readers`` people open the overview, the map around a stakeholder
and a node's details, each on a session of their own, while ``--writers``
others log interactions and post mail to a stakeholder on an internal
client's chatter, which the capture bridge logs as an interaction.

It prints, per run: requests per second of readers and writers, their p50
and p95 in milliseconds, errors (must be 0), acknowledged writes missing
afterwards (must be 0), the rows the standby and the primary returned during
the run (pg_stat_database.tup_returned: where the reads went), and the ratio
of each run's read throughput to one worker without the replica.
"""

import argparse
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from http.cookiejar import CookieJar

from scripts import harness, replica

TAG = "bench_load"
ODOO = None  # the odoo package, from harness.check_odoo()
ADMIN_LOGIN = ADMIN_PASSWORD = "admin"
_ids = itertools.count(1)


class Session:
    """One person in the web client: a cookie jar and JSON-RPC calls."""

    def __init__(self, url, db):
        self.url = url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar())
        )
        self.call(
            "/web/session/authenticate",
            db=db,
            login=ADMIN_LOGIN,
            password=ADMIN_PASSWORD,
        )

    def call(self, path, **params):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(_ids),
            "params": params,
        }
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=120) as response:
            answer = json.load(response)
        if "error" in answer:
            raise RuntimeError(answer["error"]["data"]["message"])
        return answer["result"]

    def call_kw(self, model, method, args, kwargs=None):
        return self.call(
            f"/web/dataset/call_kw/{model}/{method}",
            model=model,
            method=method,
            args=args,
            kwargs=kwargs or {},
        )


class Load:
    """The people of one run and what they measured."""

    def __init__(self, url, db, book, seconds):
        self.url, self.db, self.book = url, db, book
        self.deadline = time.monotonic() + seconds
        self.lock = threading.Lock()
        self.latencies = {"read": [], "write": []}
        self.errors = []
        self.interaction_ids = []
        self.message_ids = []

    def _timed(self, kind, call, *args):
        start = time.perf_counter()
        try:
            result = call(*args)
        except (RuntimeError, OSError, urllib.error.URLError) as error:
            with self.lock:
                self.errors.append(f"{kind}: {error}")
            return None
        with self.lock:
            self.latencies[kind].append((time.perf_counter() - start) * 1000)
        return result

    def reader(self, seed):
        pick = random.Random(seed)
        session = Session(self.url, self.db)
        while time.monotonic() < self.deadline:
            focus = pick.choice(self.book["stakeholders"])
            for model, method, args, kwargs in (
                ("hr.relationship.overview", "get_overview", [], {}),
                ("hr.relationship.map", "get_graph", [],
                 {"focus": f"stakeholder_{focus}", "depth": 2}),
                ("hr.relationship.map", "get_node_details",
                 ["hr.stakeholder", focus], {}),
            ):  # fmt: skip
                self._timed("read", session.call_kw, model, method, args, kwargs)

    def writer(self, seed):
        pick = random.Random(seed)
        session = Session(self.url, self.db)
        for n in itertools.count():
            if time.monotonic() >= self.deadline:
                return
            stakeholder = pick.choice(self.book["stakeholders"])
            if n % 2:
                # Mail to the stakeholder on a client's chatter: captured.
                written = self._timed(
                    "write", session.call_kw, "hr.internal.client", "message_post",
                    [[self.book["client"]]],
                    {"body": f"{TAG} mail {seed}-{n}",
                     "partner_ids": [self.book["partners"][stakeholder]],
                     "message_type": "comment", "subtype_xmlid": "mail.mt_comment"},
                )  # fmt: skip
                acknowledged = self.message_ids
            else:
                written = self._timed(
                    "write", session.call_kw, "hr.relationship.interaction", "create",
                    [{"name": f"{TAG} call {seed}-{n}", "interaction_type": "call",
                      "stakeholder_ids": [[6, 0, [stakeholder]]]}],
                )  # fmt: skip
                acknowledged = self.interaction_ids
            if written:
                with self.lock:
                    acknowledged.extend(
                        written if isinstance(written, list) else [written]
                    )

    def run(self, readers, writers):
        threads = [
            threading.Thread(target=self.reader, args=(n,)) for n in range(readers)
        ]
        threads += [
            threading.Thread(target=self.writer, args=(1000 + n,))
            for n in range(writers)
        ]
        start = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.monotonic() - start


def percentile(values, share):
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100)[share - 1]


def tup_returned(cluster, db):
    """Rows the cluster's own statistics say its queries on ``db`` returned."""
    return cluster.query(
        f"SELECT tup_returned FROM pg_stat_database WHERE datname = '{db}'"
    )[0][0]


def prepare_book(db, primary, stakeholders, interactions):
    """Install the capture bridge in ``db`` on the primary and fill it."""
    env_vars = dict(
        os.environ, PGHOST=replica.HOST, PGPORT=str(primary.port), PGUSER=replica.ROLE
    )
    script = (
        "from bench.benchlib import prepare, environment\n"
        "from bench.bench_contact_dates import generate\n"
        f"prepare({db!r}, module='hr_relationship_capture')\n"
        f"with environment({db!r}) as env:\n"
        f"    generate(env, {stakeholders}, {interactions})\n"
        "    env.company.write({'hr_capture_email': True})\n"
        "    client = env['hr.internal.client'].search([], limit=1) or "
        f"env['hr.internal.client'].create({{'name': '{TAG} client'}})\n"
        "    env.cr.execute('SELECT id, person_partner_id FROM hr_stakeholder "
        "WHERE person_partner_id IS NOT NULL ORDER BY id LIMIT 2000')\n"
        "    rows = env.cr.fetchall()\n"
        "    import json\n"
        "    print('BOOK=' + json.dumps({'client': client.id, "
        "'stakeholders': [r[0] for r in rows], "
        "'partners': {r[0]: r[1] for r in rows}}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env_vars,
        cwd=harness.REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("BOOK="))
    book = json.loads(line[len("BOOK=") :])
    book["partners"] = {int(k): v for k, v in book["partners"].items()}
    return book


@contextmanager
def server(db, primary, standby, workers):
    """Odoo's multi-process server on ``db`` of ``primary``, reading from
    ``standby`` where given; yields its URL."""
    port = harness.free_port()
    args = [
        f"--http-port={port}", "--http-interface=127.0.0.1",
        f"--workers={workers}", "--max-cron-threads=0", "--log-level=warn",
        f"--db-filter=^{db}$", "--limit-time-real=600", "--limit-time-cpu=600",
    ]  # fmt: skip
    if standby:
        args += [
            f"--db_replica_host={replica.HOST}",
            f"--db_replica_port={standby.port}",
        ]
    proc = subprocess.Popen(
        replica.odoo_cmd(ODOO, db, primary, *args),
        cwd=harness.REPO,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/web/login", timeout=5).close()
                break
            except OSError:
                time.sleep(1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def missing_writes(primary, db, load):
    """Acknowledged writes that the primary does not have."""
    missing = 0
    for table, ids in (
        ("hr_relationship_interaction", load.interaction_ids),
        ("mail_message", load.message_ids),
    ):
        missing += replica.query(
            primary.port,
            db,
            f"SELECT count(*) FROM unnest(%s::int[]) AS acknowledged(id)"
            f" WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.id = acknowledged.id)",
            ids,
        )[0][0]
    return missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", default="hr_relationship_bench_load")
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--stakeholders", type=int, default=10_000)
    parser.add_argument("--interactions", type=int, default=100_000)
    parser.add_argument("--no-replica", action="store_true")
    options = parser.parse_args()

    global ODOO  # noqa: PLW0603 (the harness hands it over once)
    ODOO = harness.check_odoo()
    with replica.clusters() as (primary, standby):
        start = time.perf_counter()
        book = prepare_book(
            options.db, primary, options.stakeholders, options.interactions
        )
        print(
            f"book ready in {time.perf_counter() - start:.0f} s: "
            f"{options.stakeholders} stakeholders, {options.interactions} "
            f"interactions; {options.readers} readers, {options.writers} "
            f"writers, {options.seconds} s a run",
            flush=True,
        )
        header = (
            f"{'workers':>7} {'replica':>7} {'read/s':>7} {'p50':>6} {'p95':>6}"
            f" {'write/s':>7} {'p50':>6} {'p95':>6} {'errors':>6} {'lost':>5}"
            f" {'rows standby':>13} {'rows primary':>13} {'ratio':>6}"
        )
        print(header)
        baseline = None
        for workers in [int(w) for w in options.workers.split(",")]:
            for with_replica in (False,) if options.no_replica else (False, True):
                with server(
                    options.db, primary, with_replica and standby, workers
                ) as url:
                    before = (
                        tup_returned(standby, options.db),
                        tup_returned(primary, options.db),
                    )
                    load = Load(url, options.db, book, options.seconds)
                    elapsed = load.run(options.readers, options.writers)
                # Read once the server is gone: a backend reports what it read
                # when it ends, an idle one only every few seconds.
                time.sleep(2)
                after = (
                    tup_returned(standby, options.db),
                    tup_returned(primary, options.db),
                )
                reads, writes = load.latencies["read"], load.latencies["write"]
                read_rate = len(reads) / elapsed
                baseline = baseline or read_rate
                print(
                    f"{workers:>7} {'yes' if with_replica else 'no':>7}"
                    f" {read_rate:>7.1f} {percentile(reads, 50):>6.0f}"
                    f" {percentile(reads, 95):>6.0f} {len(writes) / elapsed:>7.1f}"
                    f" {percentile(writes, 50):>6.0f} {percentile(writes, 95):>6.0f}"
                    f" {len(load.errors):>6}"
                    f" {missing_writes(primary, options.db, load):>5}"
                    f" {after[0] - before[0]:>13} {after[1] - before[1]:>13}"
                    f" {read_rate / baseline:>6.2f}",
                    flush=True,
                )
                for error in load.errors[:3]:
                    print(f"    {error}")


if __name__ == "__main__":
    main()
