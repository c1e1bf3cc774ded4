# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUiCaptureTour(HttpCase):
    """A meeting planned through the calendar's own screens appears among
    the stakeholder's interactions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.hr_capture_calendar = True
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin.hr_capture_opt_out = False
        cls.stakeholder = cls.env["hr.stakeholder"].create(
            {
                "partner_id": cls.env["res.partner"]
                .create({"name": "Cora Capture", "email": "cora@capture.example.com"})
                .id,
                "consent": True,
            }
        )

    def test_meeting_from_the_calendar_shows_on_the_stakeholder(self):
        self.start_tour(
            "/odoo/action-calendar.action_calendar_event",
            "hr_relationship_capture_meeting_tour",
            login="admin",
        )
        interaction = self.stakeholder.interaction_ids
        self.assertEqual(len(interaction), 1)
        self.assertEqual(interaction.name, "Tour check-in with Cora")
        self.assertEqual(interaction.source, "calendar")
        self.assertEqual(interaction.user_id, self.admin)
        self.start_tour(
            f"/odoo/action-hr_relationship.hr_stakeholder_action/{self.stakeholder.id}",
            "hr_relationship_capture_stakeholder_tour",
            login="admin",
        )

    def test_capture_of_the_past_through_the_menus(self):
        """An administrator asks for the last six months through the menus;
        the capture is queued, and once the cron has run it is done with
        the meeting of two months ago that nobody had captured."""
        start = fields.Datetime.now() - relativedelta(months=2)
        attendees = self.admin.partner_id | self.stakeholder.partner_id
        self.env["calendar.event"].with_context(hr_relationship_no_capture=True).create(
            {
                "name": "Tour meeting of before the capture",
                "start": start,
                "stop": start + relativedelta(hours=1),
                "user_id": self.admin.id,
                "partner_ids": [Command.set(attendees.ids)],
            }
        )
        self.assertFalse(self.stakeholder.interaction_ids)
        Run = self.env["hr.relationship.capture.backfill.run"]
        before = Run.search([])
        self.start_tour("/odoo", "hr_relationship_capture_past_tour", login="admin")
        run = Run.search([]) - before
        self.assertRecordValues(
            run,
            [
                {
                    "state": "queued",
                    "user_id": self.admin.id,
                    "since": fields.Date.context_today(self.admin.with_user(self.admin))
                    - relativedelta(months=6),
                }
            ],
        )
        self.assertFalse(self.stakeholder.interaction_ids)
        Run._cron_hr_capture_backfill()
        self.assertEqual(run.state, "done")
        self.assertEqual(
            self.stakeholder.interaction_ids.mapped("name"),
            ["Tour meeting of before the capture"],
        )
        self.start_tour(
            "/odoo/action-hr_relationship_capture.hr_relationship_capture_backfill_run_action",
            "hr_relationship_capture_past_done_tour",
            login="admin",
        )
