# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

import psycopg2

from odoo import fields
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

from ..models.hr_relationship_job_progress import JOB_BATCH_PARAM
from .common import HrRelationshipCase, cron_run

HEALTH_CRON = "hr_relationship.ir_cron_refresh_relationship_health"
CONCERN_CRON = "hr_relationship.ir_cron_concern_overdue"
BATCH = 2
STALE = "2000-01-01"


@tagged("post_install", "-at_install")
class TestJobsResume(HrRelationshipCase):
    """The daily jobs as Odoo's cron runs them: a batch per transaction with
    its progress (ir.cron's _commit_progress), stopped when the cron's time
    is up and resumed by the next run, after the last batch committed.

    Each run gets its own cursor, as in a cron worker; in tests that cursor
    commits to a savepoint of the test's transaction, so a commit and a
    rollback mean here what they mean there."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param(JOB_BATCH_PARAM, BATCH)
        cls.month = cls.env["hr.relationship.health.snapshot"]._snapshot_month(
            fields.Date.context_today(cls.env["hr.stakeholder"])
        )

    def _ids(self, table, where=None):
        where = where or SQL("TRUE")
        self.env.cr.execute(
            SQL("SELECT id FROM %s WHERE %s ORDER BY id", SQL.identifier(table), where)
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def _snapshot_targets(self):
        """The stakeholders and internal clients with a health snapshot of
        this month, and the number of those rows."""
        self.env.cr.execute(
            SQL(
                "SELECT stakeholder_id, internal_client_id FROM"
                " hr_relationship_health_snapshot WHERE month = %s",
                self.month,
            )
        )
        rows = self.env.cr.fetchall()
        return (
            {row[0] for row in rows if row[0]},
            {row[1] for row in rows if row[1]},
            len(rows),
        )

    def _forget_this_month(self):
        self.env["hr.relationship.health.snapshot"].search(
            [("month", "=", self.month)]
        ).unlink()
        self.env.flush_all()

    def _health_totals(self):
        stakeholders = self._ids("hr_stakeholder")
        clients = self._ids("hr_internal_client")
        active = set(self._ids("hr_stakeholder", SQL("active")))
        active_clients = set(self._ids("hr_internal_client", SQL("active")))
        return stakeholders, clients, active, active_clients

    def _progress_row(self, job):
        self.env.cr.execute(
            SQL(
                "SELECT step, last_id FROM hr_relationship_job_progress"
                " WHERE name = %s",
                job,
            )
        )
        return self.env.cr.fetchone()

    def test_health_job_stops_when_time_is_up_and_resumes_after_its_batch(self):
        self._forget_this_month()
        stakeholders, clients, active, active_clients = self._health_totals()
        total = len(stakeholders) + len(clients)
        # The job's first step is the first model with a health.
        first_model = self.env["hr.relationship.health.mixin"]._health_models()[0]
        first_ids = stakeholders if first_model._name == "hr.stakeholder" else clients
        self.assertGreater(len(first_ids), BATCH)

        with cron_run(self, HEALTH_CRON, time_up=True) as (env, progress):
            env["hr.relationship.health.snapshot"]._cron_refresh_health()
            self.assertEqual(progress.done, BATCH)
            self.assertEqual(progress.remaining, total - BATCH)
        first = set(first_ids[:BATCH])
        done, done_clients, rows = self._snapshot_targets()
        self.assertEqual(
            done | done_clients,
            first & (active if first_ids is stakeholders else active_clients),
            "only the first batch is done",
        )
        self.assertEqual(
            self._progress_row("health"), (first_model._name, first_ids[BATCH - 1])
        )

        with cron_run(self, HEALTH_CRON) as (env, progress):
            env["hr.relationship.health.snapshot"]._cron_refresh_health()
            # The rest and nothing of the first batch again.
            self.assertEqual(progress.done, total - BATCH)
            self.assertEqual(progress.remaining, 0)
        done, done_clients, rows = self._snapshot_targets()
        self.assertEqual(done, active)
        self.assertEqual(done_clients, active_clients)
        self.assertEqual(rows, len(active) + len(active_clients))
        self.assertEqual(self._progress_row("health"), (None, 0), "the run is over")

        # The next run is a new one, over everything again.
        with cron_run(self, HEALTH_CRON) as (env, progress):
            env["hr.relationship.health.snapshot"]._cron_refresh_health()
            self.assertEqual(progress.done, total)

    def test_a_failed_batch_leaves_nothing_and_is_done_by_the_next_run(self):
        self._forget_this_month()
        stakeholders, clients, active, active_clients = self._health_totals()
        # The first active stakeholder of the second batch fails its batch
        # in the database itself, in the statement that writes its health.
        target = next(sid for sid in stakeholders[BATCH:] if sid in active)
        position = stakeholders.index(target)
        batch = stakeholders[position - position % BATCH :][:BATCH]
        before = stakeholders[: position - position % BATCH]
        # The internal clients are done before the stakeholders when their
        # step comes first.
        models = self.env["hr.relationship.health.mixin"]._health_models()
        prior = len(clients) if models[0]._name == "hr.internal.client" else 0

        def stale():
            self.env.cr.execute(
                SQL(
                    "SELECT COUNT(*) FROM hr_stakeholder"
                    " WHERE id = ANY(%s) AND next_contact_date = %s",
                    batch,
                    STALE,
                )
            )
            return self.env.cr.fetchone()[0]

        # Its contact date is wrong, as if it had not been refreshed yet.
        self.env.cr.execute(
            SQL(
                "UPDATE hr_stakeholder SET next_contact_date = %s WHERE id = ANY(%s)",
                STALE,
                batch,
            )
        )
        self.env.cr.execute(
            SQL(
                """
                CREATE FUNCTION pg_temp.hrr_test_fail() RETURNS trigger AS $$
                BEGIN
                    IF NEW.stakeholder_id = %s THEN
                        RAISE EXCEPTION 'batch fails';
                    END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql;
                CREATE TRIGGER hrr_test_fail
                BEFORE INSERT OR UPDATE ON hr_relationship_health_snapshot
                FOR EACH ROW EXECUTE FUNCTION pg_temp.hrr_test_fail();
                """,
                target,
            )
        )

        with cron_run(self, HEALTH_CRON) as (env, progress):
            # Not assertRaises: its savepoint would undo the batches that
            # were committed before the failure too.
            try:
                with mute_logger("odoo.sql_db"):
                    env["hr.relationship.health.snapshot"]._cron_refresh_health()
            except psycopg2.errors.RaiseException:
                # What Odoo's cron does with a job that raised.
                env.cr.rollback()
            else:
                self.fail("the batch of the stakeholder did not fail")
            self.assertEqual(progress.done, prior + len(before))
        done, _clients, _rows = self._snapshot_targets()
        self.assertEqual(done, set(before) & active)
        self.assertEqual(self._progress_row("health"), ("hr.stakeholder", before[-1]))
        self.assertEqual(stale(), len(batch), "nothing of the batch is written")

        self.env.cr.execute(
            "DROP TRIGGER hrr_test_fail ON hr_relationship_health_snapshot"
        )
        with cron_run(self, HEALTH_CRON) as (env, progress):
            env["hr.relationship.health.snapshot"]._cron_refresh_health()
            self.assertEqual(
                progress.done, len(stakeholders) + len(clients) - prior - len(before)
            )
        done, done_clients, rows = self._snapshot_targets()
        self.assertEqual(done, active)
        self.assertEqual(rows, len(active) + len(active_clients))
        self.assertFalse(stale(), "the batch is done this time")

    def test_overdue_concerns_get_one_to_do_each_across_runs(self):
        Concern = self.env["hr.relationship.concern"]
        past = fields.Date.context_today(Concern) - timedelta(days=3)
        # Concerns of the demo or of other tests are done with first.
        Concern.search([("is_overdue", "=", True)]).write(
            {"overdue_activity_sent": True}
        )
        concerns = Concern.create(
            [
                {
                    "name": f"Overdue {index}",
                    "stakeholder_id": self.sh_anna.id,
                    "company_id": self.company.id,
                    "user_id": self.user.id,
                    "deadline": past,
                }
                for index in range(BATCH * 2 + 1)
            ]
        )
        self.env.flush_all()

        def to_dos():
            return self.env["mail.activity"].search_count(
                [
                    ("res_model", "=", Concern._name),
                    ("res_id", "in", concerns.ids),
                ]
            )

        with cron_run(self, CONCERN_CRON, time_up=True) as (env, progress):
            env["hr.relationship.concern"]._cron_notify_overdue()
            self.assertEqual(progress.done, BATCH)
            self.assertGreater(progress.remaining, 0)
        self.assertEqual(to_dos(), BATCH)
        with cron_run(self, CONCERN_CRON) as (env, progress):
            env["hr.relationship.concern"]._cron_notify_overdue()
            self.assertEqual(progress.done, len(concerns) - BATCH)
        self.assertEqual(to_dos(), len(concerns))
        self.assertTrue(all(concerns.mapped("overdue_activity_sent")))

    def test_network_job_resumes_and_ends_with_the_portfolios(self):
        stakeholders, clients, _active, _active_clients = self._health_totals()
        Portfolio = self.env["hr.relationship.portfolio"]
        # What the last step writes, gone: it comes back with that step only.
        Portfolio.search([]).unlink()
        self.env.flush_all()
        network_cron = "hr_relationship.ir_cron_refresh_relationship_network"

        with cron_run(self, network_cron, time_up=True) as (env, progress):
            env["hr.relationship.network"]._cron_refresh_network()
            self.assertEqual(progress.done, BATCH)
            # The stakeholders, the internal clients, and the portfolios.
            self.assertEqual(
                progress.remaining, len(stakeholders) + len(clients) + 1 - BATCH
            )
        self.assertEqual(
            self._progress_row("network"), ("hr.stakeholder", stakeholders[BATCH - 1])
        )
        self.assertFalse(Portfolio.search_count([]))

        with cron_run(self, network_cron) as (env, progress):
            env["hr.relationship.network"]._cron_refresh_network()
            self.assertEqual(
                progress.done, len(stakeholders) + len(clients) + 1 - BATCH
            )
            self.assertEqual(progress.remaining, 0)
        self.assertTrue(Portfolio.search_count([("user_id", "=", self.user.id)]))
        self.assertEqual(self._progress_row("network"), (None, 0))
