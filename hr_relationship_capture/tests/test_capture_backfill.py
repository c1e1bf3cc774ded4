# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.hr_relationship.tests.common import cron_run

from ..models.hr_relationship_interaction import BACKFILL_BATCH_PARAM
from .common import CaptureCase

CRON = "hr_relationship_capture.ir_cron_capture_backfill"


@tagged("post_install", "-at_install")
class TestCaptureBackfill(CaptureCase):
    """Meetings and mail from before the capture was switched on: the dialog
    queues a run, which a cron does in batches."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet = {"hr_relationship_no_capture": True}
        cls.Event = cls.Event.with_context(**cls.quiet)
        cls.Run = cls.env["hr.relationship.capture.backfill.run"]

    def _history(self, count=3):
        partners = self.user.partner_id | self.anna_partner
        events = self.Event.create(
            [
                {
                    "name": f"HRR past meeting {i}",
                    "start": self._at(self.today - timedelta(days=10 + i)),
                    "stop": self._at(self.today - timedelta(days=10 + i), 11),
                    "partner_ids": [Command.set(partners.ids)],
                }
                for i in range(count)
            ]
            + [
                {
                    "name": "HRR too old",
                    "start": self._at(self.today - timedelta(days=500)),
                    "stop": self._at(self.today - timedelta(days=500), 11),
                    "partner_ids": [Command.set(partners.ids)],
                }
            ]
        )
        thread = self.client_sales
        messages = (
            self.env["mail.message"]
            .with_context(**self.quiet)
            .create(
                [
                    {
                        "model": thread._name,
                        "res_id": thread.id,
                        "body": Markup("<p>About the plan</p>"),
                        "subject": "Plan",
                        "message_type": "comment",
                        "author_id": self.user.partner_id.id,
                        "partner_ids": [Command.set(self.partner_ext.ids)],
                        "date": self._at(self.today - timedelta(days=20), hour),
                    }
                    for hour in (9, 10, 11)
                ]
            )
        )
        return events, messages

    def _ask(self, months=12, user=None):
        wizard = (
            self.env["hr.relationship.capture.backfill"]
            .with_user(user or self.manager)
            .create({"months": months, "company_ids": [Command.set(self.company.ids)]})
        )
        wizard.action_run_backfill()
        return wizard

    def _run(self, months=12, user=None):
        """Ask for a capture, and run the cron's method in the test's
        transaction (outside a cron the job commits nothing); returns the
        run."""
        run = self._ask(months, user).run_id
        self.Run._cron_hr_capture_backfill()
        self.assertEqual(run.state, "done")
        return run

    def _cron(self, time_up=False):
        """One run of the cron as a cron worker does it: a batch per
        transaction; returns its progress (done, remaining)."""
        self.env.flush_all()
        with cron_run(self, CRON, time_up) as (env, progress):
            env[self.Run._name]._cron_hr_capture_backfill()
            result = progress.done, progress.remaining
        self.env.invalidate_all()
        return result

    def test_the_dialog_queues_a_run_and_wakes_the_cron(self):
        events, __ = self._history()
        cron = self.env.ref(CRON)
        Trigger = self.env["ir.cron.trigger"]
        triggers = Trigger.search([("cron_id", "=", cron.id)])
        wizard = self._ask(months=3)
        self.assertEqual(wizard.state, "queued")
        self.assertRecordValues(
            wizard.run_id,
            [
                {
                    "state": "queued",
                    "user_id": self.manager.id,
                    "company_ids": self.company.ids,
                    "since": self.today - relativedelta(months=3),
                    "meeting_count": 0,
                    "email_count": 0,
                }
            ],
        )
        self.assertTrue(Trigger.search([("cron_id", "=", cron.id)]) - triggers)
        # Nothing is captured in the dialog's request.
        self.assertFalse(
            self.Interaction.search([("calendar_event_id", "in", events.ids)])
        )

    def test_a_run_out_of_time_resumes_and_captures_each_once(self):
        events, messages = self._history()
        run = self._ask().run_id
        # The first batch ends with the first of the history's meetings.
        first_batch = self.Event.with_context(active_test=False).search_count(
            [
                ("start", ">=", fields.Datetime.to_datetime(run.since)),
                ("id", "<=", events[0].id),
            ]
        )
        Config = self.env["ir.config_parameter"].sudo()
        Config.set_param(BACKFILL_BATCH_PARAM, first_batch)
        done, remaining = self._cron(time_up=True)
        self.assertEqual(done, first_batch)
        self.assertGreater(remaining, 0)
        self.assertRecordValues(
            run, [{"state": "running", "meeting_count": 1, "email_count": 0}]
        )
        captured = self.Interaction.search([("calendar_event_id", "in", events.ids)])
        self.assertEqual(captured.calendar_event_id, events[0])
        # The next run goes on from there, in batches of its own size.
        Config.set_param(BACKFILL_BATCH_PARAM, 100000)
        done, remaining = self._cron()
        self.assertEqual(remaining, 0)
        self.assertRecordValues(
            run, [{"state": "done", "meeting_count": 3, "email_count": 1}]
        )
        meetings = self.Interaction.search([("calendar_event_id", "in", events.ids)])
        self.assertEqual(len(meetings), 3)
        self.assertEqual(meetings.calendar_event_id, events[:3])
        self.assertIn(captured, meetings)
        self.assertEqual(
            len(self.Interaction.search([("mail_message_id", "in", messages.ids)])),
            1,
        )
        # A run done is not run again; a new one captures nothing twice.
        self.assertEqual(self._cron(), (0, 0))
        again = self._ask().run_id
        self._cron()
        self.assertRecordValues(
            again, [{"state": "done", "meeting_count": 0, "email_count": 0}]
        )
        self.assertEqual(
            len(self.Interaction.search([("calendar_event_id", "in", events.ids)])),
            3,
        )

    def test_backfill_captures_the_last_months_once(self):
        events, messages = self._history()
        self.assertFalse(
            self.Interaction.search(
                [("source", "!=", "manual"), ("company_id", "=", self.company.id)]
            )
        )
        run = self._run()
        self.assertEqual((run.meeting_count, run.email_count), (3, 1))
        meetings = self.Interaction.search(
            [("source", "=", "calendar"), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(meetings.calendar_event_id, events[:3])
        self.assertEqual(meetings.user_id, self.user)
        self.assertEqual(meetings.stakeholder_ids, self.sh_anna)
        self.assertEqual(meetings.internal_client_id, self.client_sales)
        mail = self.Interaction.search(
            [("source", "=", "email"), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(mail.stakeholder_ids, self.sh_erik)
        self.assertEqual(mail.mail_message_id, messages[0])
        self.assertEqual(mail.origin_model, "hr.internal.client")
        # The contact dates follow.
        self.assertEqual(
            self.sh_anna.last_interaction_date, self.today - timedelta(days=10)
        )
        self.assertEqual(
            self.client_sales.last_interaction_date, self.today - timedelta(days=10)
        )
        # A second run adds nothing; a live change still finds its interaction.
        run = self._run()
        self.assertEqual((run.meeting_count, run.email_count), (0, 0))
        events[0].with_context(hr_relationship_no_capture=False).name = "HRR moved"
        self.assertEqual(
            self.Interaction.search([("calendar_event_id", "=", events[0].id)]).name,
            "HRR moved",
        )

    def test_backfill_respects_the_settings(self):
        self._history()
        self.company.hr_capture_email = False
        self.user.hr_capture_opt_out = True
        run = self._run()
        self.assertEqual((run.meeting_count, run.email_count), (0, 0))

    def test_backfill_query_count_does_not_grow_with_the_data(self):
        # One batch per step, whatever the volume of the database's mail.
        self.env["ir.config_parameter"].sudo().set_param(BACKFILL_BATCH_PARAM, 10**6)

        def queries_for(count):
            events, __ = self._history(count=count)
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            run = self._run()
            self.assertEqual(run.meeting_count, count)
            return self.env.cr.sql_log_count - before

        # Warms the caches up, and captures the history's mail (the same
        # each time) once: what grows below is the number of meetings alone.
        self._history(count=0)
        self._run()
        self.assertEqual(queries_for(40), queries_for(1))

    def test_only_administrators_backfill(self):
        with self.assertRaises(AccessError):
            self._ask(user=self.user)
        with self.assertRaises(UserError):
            self._ask(months=0)
