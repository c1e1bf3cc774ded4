# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import USER_GROUP, CaptureCase


@tagged("post_install", "-at_install")
class TestCaptureAccess(CaptureCase):
    """A captured interaction obeys the rules of one logged by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        event = cls._meeting(cls.user.partner_id | cls.anna_partner)
        cls.captured = cls.env["hr.relationship.interaction"].search(
            [("calendar_event_id", "=", event.id)]
        )
        cls.other_company = cls.env["res.company"].create({"name": "HRR Elsewhere"})
        cls.foreign_user = cls._new_user(
            "hrr_foreign", USER_GROUP, company=cls.other_company
        )

    def test_captured_interaction_follows_the_interaction_rules(self):
        self.assertEqual(len(self.captured), 1)
        # Its HR contact changes it.
        self.captured.with_user(self.user).write({"sentiment": "positive"})
        # Other relationship users read it, but do not change it.
        self.assertEqual(
            self.captured.with_user(self.other_user).read(["name"])[0]["name"],
            "HRR check-in",
        )
        with self.assertRaises(AccessError):
            self.captured.with_user(self.other_user).write({"sentiment": "negative"})
        with self.assertRaises(AccessError):
            self.captured.with_user(self.other_user).unlink()
        # Employees without a role and other companies see nothing.
        with self.assertRaises(AccessError):
            self.captured.with_user(self.internal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.captured.with_user(self.foreign_user).read(["name"])
        # Administrators change it.
        self.captured.with_user(self.manager).write({"sentiment": "neutral"})

    def test_capture_runs_whoever_saves_the_meeting(self):
        """An employee without a role organises the meeting: the capture
        still logs it, for the relationship user who attends."""
        event = self._meeting(
            self.internal_user.partner_id | self.user.partner_id | self.anna_partner,
            user=self.internal_user,
        )
        interaction = self._captured(event)
        self.assertEqual(interaction.user_id, self.user)
        with self.assertRaises(AccessError):
            interaction.with_user(self.internal_user).read(["name"])
