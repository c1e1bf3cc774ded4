# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The read-only methods run on the read replica, proven from the databases'
own statistics: a method the web client calls through /web/dataset/call_kw
(or a button through call_button) scans the addon's tables on the standby and
neither scans a table nor opens a transaction on the primary, while the same
method through /jsonrpc (Odoo's external API, always read/write) scans them on
the primary. Writes go to the primary, and a read right after a write sees it.

The server runs with --db_replica_host/--db_replica_port pointing at the
standby (scripts/replica.py, run_tests' part (e)). PostgreSQL counts a
backend's work in its shared statistics when a transaction ends, at most once
a second, and an idle backend's within ten seconds: the tests wait that long
after the calls before they read a count, and the absence of growth is
compared with what 20 calls of nothing leave."""

import datetime
import http.cookiejar
import os
import time
import urllib.request

from scripts import replica
from tests.odoo_client import OdooServerCase

CALLS = 20
# How long a backend may keep its counts to itself (PGSTAT_IDLE_INTERVAL is
# 10 s), and a margin.
FLUSH_WAIT = 12
# A read-only method that writes is run again on the primary, with this
# warning (odoo/http.py); Odoo warns with the second when the replica fails.
FALLBACKS = ("retrying with a read/write cursor", "Failed to open a readonly cursor")
STAKEHOLDERS = "hr_stakeholder"
SIGNALING = "orm_signaling_"
# Not a table's name (those have no parenthesis): the database's transactions.
TRANSACTIONS = "(transactions)"


def statistics(port, db):
    """{table: sequential + index scans} of the database's user tables, and
    {TRANSACTIONS: its transactions}, as the cluster on `port` counted them.
    This reading opens transactions too (its connection's, its query's),
    counted once it ends: they fall in the next reading's count."""
    return dict(
        replica.query(
            port,
            db,
            "SELECT relname, seq_scan + COALESCE(idx_scan, 0) FROM pg_stat_user_tables"
            " UNION ALL SELECT %s, xact_commit + xact_rollback FROM pg_stat_database"
            " WHERE datname = current_database()",
            TRANSACTIONS,
        )
    )


def grown(before, after):
    """The tables whose count grew, with how much, but Odoo's signaling
    tables: its master process reads them on the primary whenever it starts
    a process (a worker recycled, the gevent process started again), whatever
    the requests."""
    return {
        table: count - before.get(table, 0)
        for table, count in after.items()
        if count > before.get(table, 0) and not table.startswith(SIGNALING)
    }


class TestReplica(OdooServerCase):
    last_reading = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.primary_port = int(os.environ["REPLICA_PRIMARY_PORT"])
        cls.standby_port = int(os.environ["REPLICA_STANDBY_PORT"])
        cls.ports = {"primary": cls.primary_port, "standby": cls.standby_port}
        cls.server_log = os.environ["REPLICA_SERVER_LOG"]
        # The web client's session: /web/dataset/call_kw wants a signed-in user.
        cls.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        cls.web_call(
            "/web/session/authenticate",
            {"db": cls.db, "login": cls.login, "password": cls.password},
        )
        cls.stakeholder = cls.call_kw(
            "hr.stakeholder", "search", [[]], {"limit": 1, "order": "id"}
        )[0]

    @classmethod
    def web_call(cls, path, params):
        return cls.post_jsonrpc(path, params, cls.opener)

    @classmethod
    def call_kw(cls, model, method, args, kwargs=None):
        """A call as the web client makes it: read-only methods on the replica."""
        return cls.web_call(
            f"/web/dataset/call_kw/{model}.{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def readonly_calls(self):
        """(label, a table it reads or None, call) of methods marked
        @api.readonly, called as the web client calls them."""
        stakeholder = ["hr.stakeholder", self.stakeholder]
        return [
            (
                "get_graph",
                STAKEHOLDERS,
                lambda: self.call_kw("hr.relationship.map", "get_graph", []),
            ),
            (
                "get_node_details",
                STAKEHOLDERS,
                lambda: self.call_kw(
                    "hr.relationship.map", "get_node_details", stakeholder
                ),
            ),
            (
                "get_overview",
                STAKEHOLDERS,
                lambda: self.call_kw("hr.relationship.overview", "get_overview", []),
            ),
            (
                "who_knows",
                STAKEHOLDERS,
                lambda: self.call_kw(
                    "hr.relationship.network", "who_knows", stakeholder
                ),
            ),
            (
                # Words only: it reads no table of the addon.
                "analyse",
                None,
                lambda: self.call_kw(
                    "hr.relationship.text.analysis",
                    "analyse",
                    [["Great meeting, we will send the offer by Friday."]],
                ),
            ),
            (
                # A button, through /web/dataset/call_button.
                "action_view_interactions",
                STAKEHOLDERS,
                lambda: self.web_call(
                    "/web/dataset/call_button/hr.stakeholder.action_view_interactions",
                    {
                        "model": "hr.stakeholder",
                        "method": "action_view_interactions",
                        "args": [[self.stakeholder]],
                        "kwargs": {},
                    },
                ),
            ),
        ]

    def counted(self, call=None):
        """{"primary": {table: scans, TRANSACTIONS: n}, "standby": {...}}:
        what CALLS calls of `call` (none without one) did on either cluster,
        counted from the reading after the last calls of this test, or else
        from a reading once whatever came before is counted. Either reading
        counts in its window too: `counted()` tells how much."""
        if self.last_reading is None:
            time.sleep(FLUSH_WAIT)
            self.last_reading = self.reading()
        for _i in range(CALLS if call else 0):
            call()
        time.sleep(FLUSH_WAIT)
        before, self.last_reading = self.last_reading, self.reading()
        return {
            name: grown(before[name], self.last_reading[name]) for name in self.ports
        }

    def reading(self):
        return {name: statistics(port, self.db) for name, port in self.ports.items()}

    def pg_query(self, port, sql, *params):
        return replica.query(port, self.db, sql, *params)

    def assertNoFallback(self):
        with open(self.server_log, encoding="utf-8", errors="replace") as log:
            lines = [line for line in log if any(f in line for f in FALLBACKS)]
        self.assertEqual(lines, [], "a read-only call went to the primary")

    def test_readonly_methods_run_on_the_standby_only(self):
        # What the primary counts with no call at all: the reading itself.
        idle = self.counted()["primary"]
        self.assertLessEqual(set(idle), {TRANSACTIONS}, "the primary is not idle")
        for label, table, call in self.readonly_calls():
            with self.subTest(method=label):
                counted = self.counted(call)
                if table:
                    self.assertGreaterEqual(
                        counted["standby"].get(table, 0),
                        CALLS,
                        f"{CALLS} calls of {label} did not scan {table} {CALLS} "
                        "times on the standby",
                    )
                # Not one scan of a user table, not one transaction more.
                self.assertEqual(counted["primary"], idle, f"{label} used the primary")
        self.assertNoFallback()

    def test_external_api_reads_on_the_primary(self):
        """The control: the same reads through /jsonrpc, which always takes a
        read/write cursor, scan the primary and not the standby; so the
        counts above tell the two apart."""
        uid = self.jsonrpc("common", "login", self.db, self.login, self.password)
        counted = self.counted(
            lambda: self.jsonrpc(
                "object",
                "execute_kw",
                self.db,
                uid,
                self.password,
                "hr.relationship.map",
                "get_graph",
                [],
            )
        )
        self.assertGreaterEqual(counted["primary"].get(STAKEHOLDERS, 0), CALLS)
        self.assertGreaterEqual(counted["primary"].get(TRANSACTIONS, 0), CALLS)
        self.assertNotIn(STAKEHOLDERS, counted["standby"])

    def test_write_then_read_on_the_standby(self):
        """A write goes to the primary, and the standby, in synchronous
        replication with remote_apply, serves it to the very next read."""
        yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
        # Yesterday in UTC is no later than today in the user's time zone, so
        # it becomes the stakeholder's last interaction date.
        found = self.call_kw(
            "hr.stakeholder",
            "search_read",
            [
                [
                    "|",
                    ("last_interaction_date", "=", False),
                    ("last_interaction_date", "<", yesterday),
                ]
            ],
            {"fields": ["company_id"], "limit": 1},
        )
        self.assertTrue(found, "the demo data has no stakeholder to write to")
        stakeholder = found[0]
        label = self.call_kw(
            "hr.stakeholder", "fields_get", [["last_interaction_date"], ["string"]]
        )["last_interaction_date"]["string"]

        def last_interaction():
            details = self.call_kw(
                "hr.relationship.map",
                "get_node_details",
                ["hr.stakeholder", stakeholder["id"]],
            )
            return [f["value"] for f in details["facts"] if f["label"] == label]

        self.assertNotEqual(last_interaction(), [yesterday])
        values = {
            "name": "Replica check-in",
            "date": yesterday,
            "stakeholder_ids": [(6, 0, [stakeholder["id"]])],
        }
        if stakeholder["company_id"]:
            values["company_id"] = stakeholder["company_id"][0]
        interaction = self.call_kw("hr.relationship.interaction", "create", [values])
        self.assertEqual(last_interaction(), [yesterday])
        # The row is on the primary: a standby never sends anything upstream.
        self.assertEqual(
            self.pg_query(
                self.primary_port,
                "SELECT name FROM hr_relationship_interaction WHERE id = %s",
                interaction,
            ),
            [("Replica check-in",)],
        )
        self.assertNoFallback()

    def test_standby_is_a_standby(self):
        """The replica the server reads from is in recovery: it only replays
        what the primary wrote."""
        self.assertEqual(
            self.pg_query(self.standby_port, "SELECT pg_is_in_recovery()"), [(True,)]
        )
        self.assertEqual(
            self.pg_query(self.primary_port, "SELECT pg_is_in_recovery()"), [(False,)]
        )
        # What makes a read right after a write see it: the primary's commit
        # returns once the standby has applied it.
        self.assertEqual(
            self.pg_query(
                self.primary_port,
                "SELECT sync_state, current_setting('synchronous_commit')"
                " FROM pg_stat_replication",
            ),
            [("sync", "remote_apply")],
        )
