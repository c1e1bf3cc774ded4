# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import HrRelationshipCase


@tagged("post_install", "-at_install")
class TestConcern(HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.topic = cls.env["hr.relationship.topic"].create({"name": "HRR Workload"})
        cls.project = cls.env["project.project"].create(
            {
                "name": "HRR Reorganisation",
                "company_id": cls.company.id,
                "internal_client_id": cls.client_sales.id,
            }
        )
        cls.today = fields.Date.context_today(cls.env["hr.relationship.concern"])

    def _concern(self, **values):
        return self.env["hr.relationship.concern"].create(
            {
                "name": "HRR too much overtime",
                "company_id": self.company.id,
                "stakeholder_id": self.sh_anna.id,
                "internal_client_id": self.client_sales.id,
                "user_id": self.user.id,
                **values,
            }
        )

    def _overdue_activities(self, concern):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.relationship.concern"),
                ("res_id", "=", concern.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref(
                        "hr_relationship.mail_activity_type_concern_overdue"
                    ).id,
                ),
            ]
        )

    def test_register_from_an_interaction_opens_a_draft(self):
        """ "Register Concern" opens a form filled in from the interaction;
        nothing is stored until the user saves it (a misclick leaves no
        stray concern)."""
        interaction = self._interaction(
            self.sh_anna,
            name="HRR check-in",
            project_id=self.project.id,
            topic_ids=[Command.set(self.topic.ids)],
            summary="<p>Overtime keeps growing.</p>",
            user_id=self.user.id,
        )
        Concern = self.env["hr.relationship.concern"]
        before = Concern.search_count([])
        action = interaction.with_user(self.user).action_create_concern()
        self.assertNotIn("res_id", action)
        self.assertEqual(Concern.search_count([]), before)
        self.assertFalse(interaction.concern_ids)
        draft = Form(Concern.with_user(self.user).with_context(**action["context"]))
        self.assertEqual(draft.name, "HRR check-in")
        concern = draft.save()
        self.assertEqual(concern.name, "HRR check-in")
        self.assertEqual(concern.stakeholder_id, self.sh_anna)
        self.assertEqual(concern.internal_client_id, self.client_sales)
        self.assertEqual(concern.project_id, self.project)
        self.assertEqual(concern.topic_ids, self.topic)
        self.assertEqual(concern.interaction_id, interaction)
        self.assertEqual(concern.user_id, self.user)
        self.assertEqual(concern.state, "new")
        self.assertGreater(concern.deadline, self.today)
        self.assertIn("Overtime keeps growing", concern.description)
        self.assertEqual(interaction.concern_ids, concern)

    def test_topics_group_interactions_and_concerns(self):
        tagged_interaction = self._interaction(
            self.sh_bob, topic_ids=[Command.set(self.topic.ids)]
        )
        self._interaction(self.sh_bob)
        Interaction = self.env["hr.relationship.interaction"]
        self.assertEqual(
            Interaction.search([("topic_ids", "in", self.topic.ids)]),
            tagged_interaction,
        )
        self._concern(topic_ids=[Command.set(self.topic.ids)])
        groups = self.env["hr.relationship.concern"]._read_group(
            [("company_id", "=", self.company.id)], ["topic_ids"], ["__count"]
        )
        self.assertIn((self.topic, 1), groups)

    def test_closing_needs_a_resolution(self):
        concern = self._concern()
        concern.state = "in_progress"
        with self.assertRaisesRegex(ValidationError, "without a resolution"):
            concern.state = "resolved"
        with self.assertRaisesRegex(ValidationError, "without a resolution"):
            concern.write({"state": "declined", "resolution": "<p> </p>"})
        concern.write({"state": "resolved", "resolution": "<p>Extra hire.</p>"})
        self.assertEqual(concern.state, "resolved")

    def test_needs_who_raised_it(self):
        with self.assertRaisesRegex(ValidationError, "stakeholder or the internal"):
            self._concern(stakeholder_id=False, internal_client_id=False)

    def test_overdue_concern_gives_its_owner_one_activity(self):
        overdue = self._concern(deadline=self.today - timedelta(days=1))
        due_today = self._concern(deadline=self.today)
        resolved = self._concern(
            deadline=self.today - timedelta(days=3),
            state="resolved",
            resolution="<p>Done.</p>",
        )
        self.assertTrue(overdue.is_overdue)
        self.assertFalse(due_today.is_overdue)
        self.assertFalse(resolved.is_overdue)
        Concern = self.env["hr.relationship.concern"]
        self.assertIn(overdue, Concern.search([("is_overdue", "=", True)]))
        self.assertNotIn(resolved, Concern.search([("is_overdue", "=", True)]))
        self.assertIn(resolved, Concern.search([("is_overdue", "=", False)]))
        # The negation covers the whole condition: open and not yet due too.
        self.assertIn(due_today, Concern.search([("is_overdue", "=", False)]))

        Concern._cron_notify_overdue()
        activity = self._overdue_activities(overdue)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user)
        self.assertFalse(self._overdue_activities(due_today))
        self.assertFalse(self._overdue_activities(resolved))

        Concern._cron_notify_overdue()
        self.assertEqual(len(self._overdue_activities(overdue)), 1, "only once")
        # A new deadline that passes again earns a new reminder.
        activity.action_feedback(feedback="Extended")
        overdue.deadline = self.today - timedelta(days=1)
        Concern._cron_notify_overdue()
        self.assertEqual(len(self._overdue_activities(overdue)), 1)

    def test_counts_on_client_and_stakeholder(self):
        self._concern()
        self._concern(stakeholder_id=self.sh_erik.id)
        self._concern(state="declined", resolution="<p>Out of scope.</p>")
        self.assertEqual(self.client_sales.concern_count, 2)
        self.assertEqual(self.sh_anna.concern_count, 1)
        self.assertEqual(self.sh_erik.concern_count, 1)
        self.assertEqual(self.client_ops.concern_count, 0)
        action = self.client_sales.action_view_concerns()
        self.assertEqual(
            self.env["hr.relationship.concern"].search_count(action["domain"]), 3
        )

    def test_access_like_interactions(self):
        concern = self._concern()
        other = concern.with_user(self.other_user)
        self.assertEqual(other.name, "HRR too much overtime")
        with self.assertRaises(AccessError):
            other.write({"state": "in_progress"})
        concern.with_user(self.user).state = "in_progress"
        with self.assertRaises(AccessError):
            concern.with_user(self.internal_user).read(["name"])
        foreign = self.env["res.company"].create({"name": "HRR Elsewhere"})
        elsewhere = self.env["hr.relationship.concern"].create(
            {
                "name": "HRR far away",
                "company_id": foreign.id,
                "internal_client_id": self.env["hr.internal.client"]
                .create({"name": "HRR Far", "company_id": foreign.id})
                .id,
            }
        )
        self.assertFalse(
            self.env["hr.relationship.concern"]
            .with_user(self.manager)
            .search([("id", "=", elsewhere.id)])
        )
