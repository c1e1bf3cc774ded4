# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CaptureCase


@tagged("post_install", "-at_install")
class TestCaptureBackfill(CaptureCase):
    """Meetings and mail from before the capture was switched on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quiet = {"hr_relationship_no_capture": True}
        cls.Event = cls.Event.with_context(**cls.quiet)

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

    def _run(self, months=12, user=None):
        wizard = (
            self.env["hr.relationship.capture.backfill"]
            .with_user(user or self.manager)
            .create({"months": months, "company_ids": [Command.set(self.company.ids)]})
        )
        wizard.action_run_backfill()
        return wizard

    def test_backfill_captures_the_last_months_once(self):
        events, messages = self._history()
        self.assertFalse(
            self.Interaction.search(
                [("source", "!=", "manual"), ("company_id", "=", self.company.id)]
            )
        )
        wizard = self._run()
        self.assertEqual((wizard.meeting_count, wizard.email_count), (3, 1))
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
        wizard = self._run()
        self.assertEqual((wizard.meeting_count, wizard.email_count), (0, 0))
        events[0].with_context(hr_relationship_no_capture=False).name = "HRR moved"
        self.assertEqual(
            self.Interaction.search([("calendar_event_id", "=", events[0].id)]).name,
            "HRR moved",
        )

    def test_backfill_respects_the_settings(self):
        self._history()
        self.company.hr_capture_email = False
        self.user.hr_capture_opt_out = True
        wizard = self._run()
        self.assertEqual((wizard.meeting_count, wizard.email_count), (0, 0))

    def test_backfill_query_count_does_not_grow_with_the_data(self):
        def queries_for(count):
            events, __ = self._history(count=count)
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            wizard = self._run()
            self.assertEqual(wizard.meeting_count, count)
            return self.env.cr.sql_log_count - before

        # Warms the caches up, and captures the history's mail (the same
        # each time) once: what grows below is the number of meetings alone.
        self._history(count=0)
        self._run()
        self.assertEqual(queries_for(40), queries_for(1))

    def test_only_administrators_backfill(self):
        with self.assertRaises(AccessError):
            self._run(user=self.user)
        with self.assertRaises(UserError):
            self._run(months=0)
