# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from odoo.tests import freeze_time, tagged

from .common import HrRelationshipCase

TODAY = date(2026, 3, 16)


def days_ago(days):
    return TODAY - timedelta(days=days)


@freeze_time(TODAY)
@tagged("post_install", "-at_install", "is_query_count")
class TestRelationshipDrift(HrRelationshipCase):
    """Drift: each reason when its cause holds and not otherwise, the to-do
    of the owner, what a user may read, and the daily job's queries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.drift_type = cls.env.ref("hr_relationship.mail_activity_type_drift")

    def _run(self):
        Mixin = self.env["hr.relationship.health.mixin"]
        activities = Mixin._cron_refresh_health()
        self.env.invalidate_all()
        return activities

    def _contact(self, name, **values):
        partner = self.env["res.partner"].create({"name": name})
        return self.env["hr.stakeholder"].create(
            {
                "partner_id": partner.id,
                "company_id": self.company.id,
                "owner_id": self.user.id,
                "contact_cadence_days": 14,
                **values,
            }
        )

    def _drift_activities(self, records):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("activity_type_id", "=", self.drift_type.id),
            ]
        )

    # ------------------------------------------------------------
    # Reasons
    # ------------------------------------------------------------

    def test_contact_behind_rhythm(self):
        late = self._contact("HRR Late")
        self._interaction(late, date=days_ago(63), sentiment="neutral")
        kept = self._contact("HRR Kept")
        self._interaction(kept, date=days_ago(3), sentiment="neutral")
        self._run()
        self.assertEqual(late.drift_state, "drifting")
        self.assertEqual(
            late.drift_reasons, "No contact for 9 weeks, expected every 2 weeks"
        )
        self.assertEqual(late.drift_next_step, "Plan a contact")
        self.assertEqual(kept.drift_state, "steady")
        self.assertFalse(kept.drift_reasons)
        self.assertFalse(kept.drift_next_step)
        # A contact today brings it back in rhythm.
        self._interaction(late, date=TODAY, sentiment="neutral")
        self._run()
        self.assertEqual(late.drift_state, "steady")
        self.assertFalse(late.drift_reasons)

    def test_last_two_conversations_negative(self):
        grumpy = self._contact("HRR Grumpy")
        self._interaction(grumpy, date=days_ago(5), sentiment="negative")
        self._interaction(grumpy, date=days_ago(2), sentiment="very_negative")
        self._run()
        self.assertEqual(grumpy.drift_state, "drifting")
        self.assertEqual(grumpy.drift_reasons, "Last two conversations negative")
        self.assertEqual(grumpy.drift_next_step, "Ask what is bothering them")
        # One good conversation since: the latest two are no longer both bad,
        # and the trend (three latest against those before) is not falling.
        self._interaction(grumpy, date=days_ago(1), sentiment="positive")
        self._run()
        self.assertEqual(grumpy.drift_state, "steady")

    def test_sentiment_falling(self):
        cooling = self._contact("HRR Cooling")
        for days, sentiment in (
            (12, "very_positive"),
            (11, "very_positive"),
            (10, "positive"),
            (4, "neutral"),
            (3, "positive"),
            (2, "neutral"),
        ):
            self._interaction(cooling, date=days_ago(days), sentiment=sentiment)
        self._run()
        # From a mean of 5/3 to 1/3: a fall of more than one point.
        self.assertEqual(cooling.drift_state, "drifting")
        self.assertEqual(
            cooling.drift_reasons, "Sentiment of recent conversations falling"
        )
        steady = self._contact("HRR Level")
        for days in (12, 11, 10, 4, 3, 2):
            self._interaction(steady, date=days_ago(days), sentiment="positive")
        self._run()
        self.assertEqual(steady.drift_state, "steady")
        # One earlier conversation is no baseline: no trend from four.
        short = self._contact("HRR Short")
        for days, sentiment in (
            (4, "very_positive"),
            (3, "neutral"),
            (2, "positive"),
            (1, "neutral"),
        ):
            self._interaction(short, date=days_ago(days), sentiment=sentiment)
        self._run()
        self.assertEqual(short.drift_state, "steady")

    def test_overdue_commitments_and_concerns(self):
        promised = self._contact("HRR Promised")
        self._interaction(promised, date=days_ago(1), sentiment="neutral")
        Commitment = self.env["hr.relationship.commitment"]
        commitments = Commitment.create(
            [
                {
                    "name": f"HRR promise {index}",
                    "company_id": self.company.id,
                    "stakeholder_id": promised.id,
                    "user_id": self.user.id,
                    "date_due": days_ago(3),
                }
                for index in range(2)
            ]
        )
        concern = self.env["hr.relationship.concern"].create(
            {
                "name": "HRR worry",
                "company_id": self.company.id,
                "stakeholder_id": promised.id,
                "deadline": days_ago(1),
            }
        )
        self._run()
        self.assertEqual(promised.drift_state, "drifting")
        self.assertEqual(
            promised.drift_reasons.splitlines(),
            ["2 commitments overdue", "1 concern overdue"],
        )
        self.assertEqual(promised.drift_next_step, "Keep the overdue promise")
        commitments.write({"date_due": TODAY + timedelta(days=7)})
        concern.write({"deadline": TODAY + timedelta(days=7)})
        self._run()
        self.assertEqual(promised.drift_state, "steady", promised.drift_reasons)

    def test_owner_left(self):
        orphan = self._contact("HRR Orphan", owner_id=self.other_user.id)
        self._interaction(orphan, date=days_ago(1), sentiment="neutral")
        self._run()
        self.assertEqual(orphan.drift_state, "steady")
        self.other_user.action_archive()
        self._run()
        self.assertEqual(orphan.drift_state, "losing")
        self.assertEqual(orphan.drift_reasons, "Their owner in HR left")
        self.assertEqual(
            orphan.drift_next_step, "Hand the relationship over to a colleague"
        )

    def test_owner_departed_as_employee(self):
        # The owner's employee record leaving says the same, even while
        # their user is still active.
        kept = self._contact("HRR Kept On")
        self._interaction(kept, date=days_ago(1), sentiment="neutral")
        self._run()
        self.assertEqual(kept.drift_state, "steady")
        self.emp_hr.action_archive()
        self._run()
        self.assertTrue(self.user.active)
        self.assertEqual(kept.drift_state, "losing")
        self.assertEqual(kept.drift_reasons, "Their owner in HR left")

    def test_everybody_who_spoke_with_them_left(self):
        # Owned by a colleague who never spoke with them; the one who did
        # leaves.
        known = self._contact("HRR Known Once", owner_id=self.other_user.id)
        self._interaction(
            known, date=days_ago(1), sentiment="neutral", user_id=self.user.id
        )
        self._run()
        self.assertEqual(known.drift_state, "steady")
        self.user.action_archive()
        self._run()
        self.assertEqual(known.drift_state, "losing")
        self.assertEqual(
            known.drift_reasons, "Everybody in HR who spoke with them left"
        )
        self.assertEqual(
            known.drift_next_step, "Hand the relationship over to a colleague"
        )
        # One still here who spoke with them is enough.
        self._interaction(
            known, date=TODAY, sentiment="neutral", user_id=self.other_user.id
        )
        self._run()
        self.assertEqual(known.drift_state, "steady")

    def test_employee_moved_to_another_department(self):
        Department = self.env["hr.department"]
        sales, operations = (
            Department.create({"name": name, "company_id": self.company.id})
            for name in ("HRR Sales", "HRR Operations")
        )
        employee = self.env["hr.employee"].create(
            {
                "name": "HRR Mover",
                "company_id": self.company.id,
                "department_id": sales.id,
                "date_version": days_ago(400),
            }
        )
        mover = self.env["hr.stakeholder"].create(
            {
                "employee_id": employee.id,
                "company_id": self.company.id,
                "owner_id": self.user.id,
                "contact_cadence_days": 14,
            }
        )
        self._interaction(mover, date=days_ago(1), sentiment="neutral")
        self._run()
        self.assertEqual(mover.drift_state, "steady")
        employee.create_version(
            {"date_version": days_ago(10), "department_id": operations.id}
        )
        self._run()
        self.assertEqual(mover.drift_state, "drifting")
        self.assertEqual(mover.drift_reasons, "They moved to another department lately")
        self.assertEqual(mover.drift_next_step, "Meet them in their new role")
        # A new version in the same department is no move.
        employee.create_version(
            {"date_version": days_ago(5), "department_id": operations.id}
        )
        self._run()
        self.assertEqual(mover.drift_state, "steady")

    def test_client_lead_left(self):
        self.client_sales.client_lead_id = self.emp_bob
        self._interaction(client=self.client_sales, date=TODAY, sentiment="neutral")
        self._run()
        self.assertEqual(self.client_sales.drift_state, "steady")
        self.emp_bob.action_archive()
        self._run()
        self.assertEqual(self.client_sales.drift_state, "losing")
        self.assertEqual(self.client_sales.drift_reasons, "The client lead left")
        self.assertEqual(self.client_sales.drift_next_step, "Meet their successor")

    # ------------------------------------------------------------
    # The owner's to-do
    # ------------------------------------------------------------

    def test_activity_once_and_gone_when_steady(self):
        late = self._contact("HRR Late")
        self._interaction(late, date=days_ago(63), sentiment="neutral")
        created = self._run()
        activity = self._drift_activities(late)
        self.assertEqual(len(activity), 1)
        self.assertIn(activity, created)
        self.assertEqual(activity.user_id, self.user)
        self.assertEqual(activity.summary, "Plan a contact")
        self.assertEqual(
            str(activity.note),
            "<p>No contact for 9 weeks, expected every 2 weeks</p>",
        )
        # The next night it still drifts: no second to-do.
        self._run()
        self.assertEqual(self._drift_activities(late), activity)
        self._interaction(late, date=TODAY, sentiment="neutral")
        self._run()
        self.assertFalse(self._drift_activities(late))

    # ------------------------------------------------------------
    # Access
    # ------------------------------------------------------------

    def test_user_reads_drift_of_what_they_may_read(self):
        mine = self._contact("HRR Mine")
        theirs = self._contact("HRR Theirs", owner_id=self.other_user.id)
        self._interaction(mine | theirs, date=days_ago(63), sentiment="neutral")
        self._run()
        Stakeholder = self.env["hr.stakeholder"].with_user(self.user)
        drifting = Stakeholder.search([("drift_state", "!=", "steady")])
        self.assertIn(mine, drifting)
        readable = Stakeholder.search([])
        self.assertLessEqual(drifting, readable)
        self.assertEqual(
            Stakeholder.browse(mine.id).drift_reasons,
            "No contact for 9 weeks, expected every 2 weeks",
        )

    def test_overview_card_as_the_owner(self):
        late = self._contact("HRR Late")
        self._interaction(late, date=days_ago(63), sentiment="neutral")
        theirs = self._contact("HRR Theirs", owner_id=self.other_user.id)
        self._interaction(theirs, date=days_ago(63), sentiment="neutral")
        orphan = self._contact("HRR Orphan")
        self.env["hr.relationship.commitment"].create(
            {
                "name": "HRR promise",
                "company_id": self.company.id,
                "stakeholder_id": orphan.id,
                "user_id": self.user.id,
                "date_due": days_ago(2),
            }
        )
        self._interaction(orphan, date=TODAY, sentiment="neutral")
        self._run()
        overview = self.env["hr.relationship.overview"].with_user(self.user)
        card = next(
            card
            for card in overview.get_overview()["cards"]
            if card["key"] == "drifting"
        )
        mine = (late | orphan).filtered(lambda s: s.drift_state == "drifting")
        self.assertEqual(card["count"], 2)
        self.assertEqual({row["id"] for row in card["rows"]}, set(mine.ids))
        notes = {row["id"]: row["note"] for row in card["rows"]}
        self.assertEqual(
            notes[late.id], "No contact for 9 weeks, expected every 2 weeks"
        )
        self.assertEqual(notes[orphan.id], "1 commitment overdue")
        # Someone else's drifting relationship is not on this card.
        self.assertNotIn(theirs.id, notes)

    def test_map_marks_drifting_nodes(self):
        late = self._contact("HRR Late")
        self._interaction(late, date=days_ago(63), sentiment="neutral")
        kept = self._contact("HRR Kept")
        self._interaction(kept, date=days_ago(1), sentiment="neutral")
        self._run()
        graph = (
            self.env["hr.relationship.map"].with_user(self.user).get_graph(limit=10000)
        )
        drifting = {
            node["res_id"]
            for node in graph["nodes"]
            if node.get("res_model") == "hr.stakeholder" and node.get("drifting")
        }
        self.assertIn(late.id, drifting)
        self.assertNotIn(kept.id, drifting)
        details = (
            self.env["hr.relationship.map"]
            .with_user(self.user)
            .get_node_details("hr.stakeholder", late.id)
        )
        self.assertIn(
            "No contact for 9 weeks, expected every 2 weeks",
            [fact["value"] for fact in details["facts"]],
        )

    # ------------------------------------------------------------
    # Query count
    # ------------------------------------------------------------

    def _book(self, count, prefix):
        stakeholders = self.env["hr.stakeholder"]
        for index in range(count):
            stakeholders |= self._contact(
                f"{prefix} {index}",
                owner_id=(self.user | self.other_user)[index % 2].id,
            )
        self._interaction(stakeholders, date=days_ago(63), sentiment="negative")
        self._interaction(stakeholders, date=days_ago(60), sentiment="negative")
        return stakeholders

    def _count_run(self):
        """Queries of one daily drift run of the stakeholders, as
        assertQueryCount counts them."""
        self.env.flush_all()
        self.env.invalidate_all()
        self.env.cr.flush()
        start = self.cr.sql_log_count
        self.env["hr.stakeholder"]._drift_run()
        self.env.flush_all()
        self.env.cr.flush()
        return self.cr.sql_log_count - start

    def test_query_count_does_not_grow(self):
        # Warm the caches (xml ids, models) with a first run that creates.
        self._book(2, "HRR warm")
        self._count_run()
        small = self._book(3, "HRR small")
        expected = self._count_run()
        large = self._book(12, "HRR large")
        self.assertEqual(self._count_run(), expected)
        self.assertEqual(set((small | large).mapped("drift_state")), {"drifting"})
        self.assertEqual(
            self._drift_activities(small | large).mapped("summary"),
            ["Ask what is bothering them"] * 15,
        )
