# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL

# How many records one batch of a job handles (setting); each batch is one
# transaction, so this bounds how long a user's save waits for a job.
JOB_BATCH_PARAM = "hr_relationship.job_batch_size"
JOB_BATCH_DEFAULT = 500


class HrRelationshipJobProgress(models.Model):
    """Where a run of a daily job stands: the step it is at and the last
    record it finished, committed with each batch.

    The jobs go through their records in batches by ascending id, one
    transaction each (see _run_batches): a run killed half-way resumes after
    the last committed batch, and a job's row is locked while a batch runs,
    so two runs at once (two cron workers, two servers) take turns batch by
    batch instead of doing anything twice. Only this row is held across a
    batch; the records are locked by their own batch alone."""

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
    def _batch_size(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(JOB_BATCH_PARAM, JOB_BATCH_DEFAULT)
        )
        try:
            return max(int(value), 1)
        except (TypeError, ValueError):
            return JOB_BATCH_DEFAULT

    @api.model
    def _lock(self, job):
        """This job's (step, last id), its row locked until the transaction
        ends: a second run waits here for the batch under way, then reads
        where it ended."""
        self.env.cr.execute(
            SQL(
                "INSERT INTO %s (name) VALUES (%s) ON CONFLICT (name) DO NOTHING",
                SQL.identifier(self._table),
                job,
            )
        )
        self.env.cr.execute(
            SQL(
                "SELECT step, last_id FROM %s WHERE name = %s FOR UPDATE",
                SQL.identifier(self._table),
                job,
            )
        )
        step, last_id = self.env.cr.fetchone()
        return step, last_id or 0

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
    def _next_ids(self, model, scope, after, limit):
        """The ids of the next batch of ``model`` after id ``after`` among
        those ``scope`` (SQL on the alias ``rec``) selects."""
        self.env.cr.execute(
            SQL(
                "SELECT rec.id FROM %s rec WHERE rec.id > %s AND %s"
                " ORDER BY rec.id LIMIT %s",
                SQL.identifier(model._table),
                after,
                scope,
                limit,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _count_after(self, model, scope, after):
        self.env.cr.execute(
            SQL(
                "SELECT COUNT(*) FROM %s rec WHERE rec.id > %s AND %s",
                SQL.identifier(model._table),
                after,
                scope,
            )
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _run_batches(self, job, steps):
        """Run ``job``: its ``steps`` in order, each a tuple (name, model,
        scope, process). A step with a model calls ``process(ids)`` for
        batches of the records of that model ``scope`` selects (SQL on the
        alias ``rec``, None for all), by ascending id; a step without one
        calls ``process(None)`` once. Returns True when the run is over,
        False when a cron's time is up (Odoo then runs the job again soon,
        which goes on from there).

        Run by a cron (the progress of ir.cron in the context), each batch
        is committed with the job's place and the progress, so that a run
        killed half-way leaves no half batch and resumes after the last one
        committed; a run that another run finishes while it waits stops
        there. Called otherwise (a button, a test), the whole run belongs to
        the caller's transaction: nothing is committed behind its back."""
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        size = self._batch_size()
        names = [step[0] for step in steps]
        self.env.cr.execute(
            SQL(
                "SELECT step, last_id FROM %s WHERE name = %s",
                SQL.identifier(self._table),
                job,
            )
        )
        current = self.env.cr.fetchone()
        # A run under way is joined, not started again once it is over.
        joined = bool(current and current[0])
        remaining = self._remaining(steps, *(current or (None, 0)))
        while True:
            step, last_id = self._lock(job)
            if step not in names:
                if joined:
                    self._commit(in_cron, 0, 0)
                    return True
                step, last_id = names[0], 0
            joined = True
            name, model, scope, process = steps[names.index(step)]
            if model is None:
                process(None)
                ids = []
                done = 1
            else:
                ids = self._next_ids(model, scope or SQL("TRUE"), last_id, size)
                if ids:
                    process(ids)
                done = len(ids)
            if ids and len(ids) == size:
                self._save(job, name, ids[-1])
            else:
                # The step is over: on to the next one, or the run is.
                following = names.index(name) + 1
                self._save(job, names[following] if following < len(names) else None, 0)
            remaining = max(remaining - done, 0)
            over = not ids and names.index(name) + 1 == len(names)
            if not self._commit(in_cron, done, 0 if over else max(remaining, 1)):
                return over
            if over:
                return True

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
                total += self._count_after(
                    model, scope or SQL("TRUE"), last_id if index == 0 else 0
                )
        return total

    @api.model
    def _commit(self, in_cron, done, remaining):
        """Commit a batch with its progress in a cron; returns whether the
        run may go on (the cron's time is not up)."""
        if not in_cron:
            return True
        return bool(self.env["ir.cron"]._commit_progress(done, remaining=remaining))
