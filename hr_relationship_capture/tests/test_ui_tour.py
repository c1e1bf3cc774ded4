# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
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
