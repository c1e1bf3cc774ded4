# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import random
import time

from odoo import api, fields, models
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tools import SQL

# How many records one batch of a job handles (setting); each batch is one
# transaction, so this bounds how long a user's save waits for a job.
JOB_BATCH_PARAM = "hr_relationship.job_batch_size"
JOB_BATCH_DEFAULT = 100
# Tries of a batch that meets users' changes of the same rows.
MAX_BATCH_TRIES = 5
# Looks at a job's row that another run holds, and the seconds between them:
# a killed run's batch lasts until the server notices (a batch at most).
MAX_LOCK_MISSES = 5
LOCK_MISS_PAUSE = 0.5


class HrRelationshipJobProgress(models.Model):
    """Where a run of a daily job stands: the step it is at and the last
    record it finished, committed with each batch.

    The jobs go through their records in batches by ascending id, one
    transaction each (see _run_batches): a run killed half-way resumes after
    the last committed batch. A batch holds the job's row locked; a second
    run at once (two cron workers, two servers, a manual run) that finds it
    locked leaves the job to the first instead of waiting, so that nothing
    is done twice and nobody waits. Besides this row, a batch locks its own
    records alone, until it is committed."""

    _name = "hr.relationship.job.progress"
    _description = "Relationship Job Progress"
    _log_access = False

    name = fields.Char(string="Job", required=True, readonly=True)
    step = fields.Char(
        readonly=True, help="The step the run is at; empty when no run is under way."
    )
    last_id = fields.Integer(
        string="Last Record Done", readonly=True, help="Of the step under way."
    )

    _name_uniq = models.Constraint("UNIQUE(name)", "A job has one progress row.")

    @api.model
    def _batch_size(self, param=JOB_BATCH_PARAM, default=JOB_BATCH_DEFAULT):
        """The batch size the setting ``param`` holds (``default`` when it
        is unset or no number): a job whose records cost little each, such
        as the capture's backfill, has a setting of its own."""
        value = self.env["ir.config_parameter"].sudo().get_param(param, default)
        try:
            return max(int(value), 1)
        except (TypeError, ValueError):
            return default

    @api.model
    def _place(self, job, lock=False):
        """This job's (step, last id); with ``lock``, its row locked until
        the transaction ends, and None when another run holds it (that run
        is at work on the job: this one leaves it the job instead of
        waiting)."""
        self.env.cr.execute(
            SQL(
                "SELECT step, last_id FROM %s WHERE name = %s %s",
                SQL.identifier(self._table),
                job,
                SQL("FOR UPDATE SKIP LOCKED") if lock else SQL(),
            )
        )
        row = self.env.cr.fetchone()
        return row and (row[0], row[1] or 0)

    @api.model
    def _save(self, job, step, last_id):
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET step = %s, last_id = %s WHERE name = %s",
                SQL.identifier(self._table),
                step,
                last_id,
                job,
            )
        )

    @api.model
    def _records_after(self, model, scope, after):
        """FROM and WHERE of the records of ``model`` after id ``after``
        among those ``scope`` (SQL on the alias ``rec``, None for all)
        selects: what a batch takes from and what a run has left."""
        return SQL(
            "FROM %s rec WHERE rec.id > %s AND %s",
            SQL.identifier(model._table),
            after,
            scope or SQL("TRUE"),
        )

    @api.model
    def _next_ids(self, model, scope, after, limit):
        """The ids of the next batch (see _records_after), their rows locked
        at once in the order of their ids: a user's save that takes one of
        them waits for the batch, never for a lock the batch took on the
        way (a snapshot row, then the record), which could deadlock."""
        self.env.cr.execute(
            SQL(
                "SELECT rec.id %s ORDER BY rec.id LIMIT %s FOR NO KEY UPDATE OF rec",
                self._records_after(model, scope, after),
                limit,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _count_after(self, model, scope, after):
        self.env.cr.execute(
            SQL("SELECT COUNT(*) %s", self._records_after(model, scope, after))
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _run_batches(self, job, steps, size=None):
        """Run ``job``: its ``steps`` in order, each a tuple (name, model,
        scope, process). A step with a model calls ``process(ids)`` for
        batches of the records of that model ``scope`` selects (SQL on the
        alias ``rec``, None for all), by ascending id; a step without one
        calls ``process(None)`` once. Returns True when the run is over,
        False when a cron's time is up (Odoo then runs the job again soon,
        which goes on from there). ``size`` is the records of a batch (the
        daily jobs' setting by default).

        Run by a cron (the progress of ir.cron in the context), each batch
        is committed with the job's place and the progress, so that a run
        killed half-way leaves no half batch and resumes after the last one
        committed; a run that finds another at work on the job (its row
        locked) leaves it to that one. Called otherwise (a button, a test),
        the whole run belongs to the caller's transaction: nothing is
        committed behind its back."""
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        size = size or self._batch_size()
        names = [step[0] for step in steps]
        self.env.cr.execute(
            SQL(
                "INSERT INTO %s (name) VALUES (%s) ON CONFLICT (name) DO NOTHING",
                SQL.identifier(self._table),
                job,
            )
        )
        current = self._place(job)
        # A run under way is joined, not started again once it is over.
        joined = bool(current[0])
        remaining = self._remaining(steps, *current)
        if in_cron:
            # Each batch's transaction starts with the lock of the job's row:
            # Odoo's transactions are REPEATABLE READ, and a row locked in
            # one that began before another run's last commit would fail.
            # (The first batch is done even when the cron's time is up.)
            self.env["ir.cron"]._commit_progress(remaining=remaining)
        tries = misses = 0
        while True:
            place = self._place(job, lock=True)
            if place is None:
                # Another run is at work on the job, or a run just killed
                # whose batch the server has not rolled back yet: a cron
                # looks again a few times (each in a new transaction), then
                # leaves the job to the other.
                misses += 1
                if not in_cron or misses == MAX_LOCK_MISSES:
                    return False
                self.env.cr.rollback()
                time.sleep(LOCK_MISS_PAUSE)
                continue
            misses = 0
            step, last_id = place
            if step not in names:
                if joined:
                    self._commit(in_cron, 0, 0)
                    return True
                step, last_id = names[0], 0
            joined = True
            name, model, scope, process = steps[names.index(step)]
            try:
                ids = self._run_batch(model, scope, process, last_id, size)
            except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                # The batch met a user's change of the same rows. In a cron,
                # where every batch before it is committed, it is rolled
                # back and done again, as Odoo retries a request.
                tries += 1
                if not in_cron or tries == MAX_BATCH_TRIES:
                    raise
                self.env.cr.rollback()
                self.env.transaction.reset()
                time.sleep(random.uniform(0, 0.1 * 2**tries))
                continue
            tries = 0
            following = names.index(name) + 1
            if model is not None and len(ids) == size:
                self._save(job, name, ids[-1])
                over = False
            else:
                # The step is over: on to the next one, or the run is.
                over = following == len(names)
                self._save(job, None if over else names[following], 0)
            done = 1 if model is None else len(ids)
            remaining = max(remaining - done, 0 if over else 1)
            if not self._commit(in_cron, done, 0 if over else remaining):
                return over
            if over:
                return True

    @api.model
    def _run_batch(self, model, scope, process, last_id, size):
        """Process the batch of ``model`` after ``last_id`` (once, for a
        step without a model); returns its ids."""
        if model is None:
            process(None)
            self.env.flush_all()
            return []
        ids = self._next_ids(model, scope, last_id, size)
        if ids:
            process(ids)
            # Within the batch's transaction, so that a conflict is its own.
            self.env.flush_all()
        return ids

    @api.model
    def _remaining(self, steps, step, last_id):
        """About how many records (and single steps) the run has left: from
        ``last_id`` in ``step`` under way (the whole job when none is)."""
        names = [name for name, *_rest in steps]
        start = names.index(step) if step in names else 0
        total = 0
        for index, (_name, model, scope, _process) in enumerate(steps[start:]):
            if model is None:
                total += 1
            else:
                total += self._count_after(model, scope, last_id if index == 0 else 0)
        return total

    @api.model
    def _commit(self, in_cron, done, remaining):
        """Commit a batch with its progress in a cron; returns whether the
        run may go on (the cron's time is not up)."""
        if not in_cron:
            return True
        return bool(self.env["ir.cron"]._commit_progress(done, remaining=remaining))
