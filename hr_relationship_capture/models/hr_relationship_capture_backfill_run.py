# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

CRON = "hr_relationship_capture.ir_cron_capture_backfill"


class HrRelationshipCaptureBackfillRun(models.Model):
    """A capture of past meetings and mail that someone asked for: a cron
    does it in the background, a batch per transaction (see
    hr.relationship.job.progress), rather than the request that asked for
    it, which a year of mail would hold for minutes with its rows locked."""

    _name = "hr.relationship.capture.backfill.run"
    _description = "Capture of Past Meetings and Mail"
    _order = "id desc"

    since = fields.Date(
        required=True, readonly=True, help="Meetings and mail from this day on."
    )
    company_ids = fields.Many2many(
        "res.company", string="Companies", required=True, readonly=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requested By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    state = fields.Selection(
        [("queued", "Queued"), ("running", "Running"), ("done", "Done")],
        default="queued",
        required=True,
        readonly=True,
    )
    meeting_count = fields.Integer(string="Meetings Captured", readonly=True)
    email_count = fields.Integer(string="E-mail Captured", readonly=True)

    def _hr_job(self):
        return f"capture_backfill_{self.id}"

    def _hr_counted(self, source, count):
        """A batch of the run is done (in its transaction, under the lock of
        the run's job: no other run writes the run at the same time)."""
        field = "meeting_count" if source == "calendar" else "email_count"
        self.write({"state": "running", field: self[field] + count})

    @api.model
    def _cron_hr_capture_backfill(self):
        """Go on with the runs that are not done, oldest first: each from
        where it stopped when the cron's time was up or its process was
        killed. A run's last step marks it done within its job, so that a
        second cron at work on it at once writes nothing twice."""
        Interaction = self.env["hr.relationship.interaction"]
        for run in self.search([("state", "!=", "done")], order="id"):
            steps = Interaction._hr_backfill_steps(
                run.since, run.company_ids, run._hr_counted
            )
            steps.append(
                (
                    self._name,
                    None,
                    None,
                    lambda _ids, run=run: run.write({"state": "done"}),
                )
            )
            over = self.env["hr.relationship.job.progress"]._run_batches(
                run._hr_job(), steps, size=Interaction._hr_backfill_batch_size()
            )
            if not over:
                # The cron's time is up (Odoo runs it again soon), or another
                # run of it is at work on this capture.
                break
        return True
