# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.hr_relationship.models.hr_relationship_job_progress import (
    JOB_BATCH_PARAM,
)
from odoo.addons.hr_relationship.tests.common import cron_run

from .common import CaptureCase

CRON = "hr_relationship_capture.ir_cron_capture_recurring_meetings"


@tagged("post_install", "-at_install")
class TestCaptureRecurringJob(CaptureCase):
    """The daily capture of recurring meetings as Odoo's cron runs it: a
    batch of occurrences per transaction, stopped when the cron's time is up
    and resumed by the next run, each occurrence captured once."""

    def _run(self, time_up=False):
        with cron_run(self, CRON, time_up) as (env, progress):
            env["calendar.event"]._cron_hr_capture_recurring_meetings()
            return progress.done, progress.remaining

    def test_a_run_out_of_time_is_resumed_and_captures_each_meeting_once(self):
        self.env["ir.config_parameter"].sudo().set_param(JOB_BATCH_PARAM, 1)
        event = self._meeting(
            self.user.partner_id | self.anna_partner,
            day=self.today - timedelta(days=1),
            recurrency=True,
            rrule_type="daily",
            interval=7,
            end_type="count",
            count=4,
        )
        occurrences = event.recurrence_id.calendar_event_ids
        # What the job goes through: the occurrences of every recurring
        # meeting from two days back.
        now = fields.Datetime.now()
        in_window = self.env["calendar.event"].search(
            [
                ("recurrence_id", "!=", False),
                ("start", ">=", now - timedelta(days=2)),
                ("start", "<=", now + timedelta(days=366)),
            ]
        )
        self.assertGreater(len(in_window & occurrences), 1)

        def captured():
            return self.Interaction.search(
                [("calendar_event_id", "in", occurrences.ids)]
            )

        before = captured()
        done, remaining = self._run(time_up=True)
        self.assertEqual(done, 1)
        self.assertGreater(remaining, 0)
        done, remaining = self._run()
        self.assertEqual(done, len(in_window) - 1)
        self.assertEqual(remaining, 0)
        after = captured()
        # The same meetings captured as at their creation, none twice.
        self.assertEqual(after, before)
        self.assertEqual(len(set(after.mapped("calendar_event_id"))), len(after))
