# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import Form, tagged
from odoo.tools import SQL

from .common import MANAGER_GROUP, CaptureCase


@tagged("post_install", "-at_install")
class TestCaptureCalendar(CaptureCase):
    def test_meeting_with_a_stakeholder_becomes_an_interaction(self):
        event = self._meeting(self.user.partner_id | self.anna_partner)
        interaction = self._captured(event)
        self.assertEqual(len(interaction), 1)
        self.assertRecordValues(
            interaction,
            [
                {
                    "name": "HRR check-in",
                    "interaction_type": "meeting",
                    "source": "calendar",
                    "date": self.today - timedelta(days=1),
                    "user_id": self.user.id,
                    "stakeholder_ids": self.sh_anna.ids,
                    "internal_client_id": self.client_sales.id,
                    "company_id": self.company.id,
                    "origin_model": "calendar.event",
                    "origin_res_id": event.id,
                    "is_capture_edited": False,
                }
            ],
        )
        self.assertEqual(self.sh_anna.last_interaction_date, interaction.date)
        action = interaction.action_open_capture_origin()
        self.assertEqual(
            (action["res_model"], action["res_id"]), (event._name, event.id)
        )

    def test_stakeholders_of_one_client_give_the_client(self):
        # Erik and Anna both belong to Sales only.
        event = self._meeting(
            self.user.partner_id | self.anna_partner | self.partner_ext
        )
        interaction = self._captured(event)
        self.assertEqual(interaction.stakeholder_ids, self.sh_anna | self.sh_erik)
        self.assertEqual(interaction.internal_client_id, self.client_sales)
        # Bob belongs to Operations: no single client any more.
        event.partner_ids = [Command.link(self.bob_partner.id)]
        self.assertEqual(
            interaction.stakeholder_ids, self.sh_anna | self.sh_erik | self.sh_bob
        )
        self.assertFalse(interaction.internal_client_id)

    def test_no_capture_without_both_sides(self):
        # No relationship user among the attendees.
        self.assertFalse(
            self._captured(
                self._meeting(
                    self.internal_user.partner_id | self.anna_partner,
                    user=self.internal_user,
                )
            )
        )
        # No stakeholder among them.
        self.assertFalse(
            self._captured(
                self._meeting(self.user.partner_id | self.other_user.partner_id)
            )
        )

    def test_the_hr_attendee_is_the_organizer_when_possible(self):
        event = self._meeting(
            self.user.partner_id | self.other_user.partner_id | self.anna_partner,
            user=self.other_user,
        )
        self.assertEqual(self._captured(event).user_id, self.other_user)

    def test_private_meetings_are_never_captured(self):
        event = self._meeting(
            self.user.partner_id | self.anna_partner, privacy="private"
        )
        self.assertFalse(self._captured(event))
        event.privacy = "public"
        self.assertEqual(len(self._captured(event)), 1)
        event.privacy = "private"
        self.assertFalse(self._captured(event))

    def test_switched_off_company_and_opted_out_user(self):
        self.company.hr_capture_calendar = False
        self.assertFalse(
            self._captured(self._meeting(self.user.partner_id | self.anna_partner))
        )
        self.company.hr_capture_calendar = True
        self.user.hr_capture_opt_out = True
        self.assertFalse(
            self._captured(self._meeting(self.user.partner_id | self.anna_partner))
        )

    def test_the_group_counts_when_only_a_group_implying_it_is_stored(self):
        """Odoo 19.0 stores only the groups given to a user, not the ones
        they imply (18.0 stores both): an administrator of relationships
        still captures with only the administrator group on record."""
        manager_group = self.env.ref(MANAGER_GROUP)
        self.env.cr.execute(
            "DELETE FROM res_groups_users_rel WHERE uid = %s AND gid != %s",
            [self.manager.id, manager_group.id],
        )
        found = self.env.execute_query(
            SQL(
                "WITH people AS (SELECT %s AS partner_id) SELECT user_id FROM (%s) hr",
                self.manager.partner_id.id,
                self.Interaction._hr_relationship_users_sql("people"),
            )
        )
        self.assertEqual(found, [(self.manager.id,)])

    def test_excluded_domain_is_never_captured(self):
        self.company.hr_capture_excluded_domains = "gmail.com, Supplier.Example.com"
        event = self._meeting(self.user.partner_id | self.partner_ext)
        self.assertFalse(self._captured(event))

    def test_moving_the_meeting_moves_the_interaction(self):
        event = self._meeting(self.user.partner_id | self.anna_partner)
        interaction = self._captured(event)
        new_day = self.today - timedelta(days=5)
        event.write({"start": self._at(new_day), "stop": self._at(new_day, 11)})
        self.assertEqual(interaction.date, new_day)
        event.name = "HRR renamed"
        self.assertEqual(interaction.name, "HRR renamed")

    def test_cancel_and_delete_remove_the_interaction(self):
        event = self._meeting(self.user.partner_id | self.anna_partner)
        interaction = self._captured(event)
        event.action_archive()
        self.assertFalse(interaction.exists())
        event.action_unarchive()
        self.assertEqual(len(self._captured(event)), 1)
        event.unlink()
        self.assertFalse(self.Interaction.search([("name", "=", "HRR check-in")]))

    def test_an_interaction_edited_by_hand_stays_unlinked(self):
        event = self._meeting(self.user.partner_id | self.anna_partner)
        interaction = self._captured(event)
        interaction.with_user(self.user).write({"sentiment": "positive"})
        self.assertTrue(interaction.is_capture_edited)
        new_day = self.today - timedelta(days=3)
        event.write({"start": self._at(new_day), "stop": self._at(new_day, 11)})
        self.assertEqual(interaction.date, new_day)
        event.unlink()
        self.assertTrue(interaction.exists())
        self.assertFalse(interaction.calendar_event_id)
        self.assertEqual(interaction.sentiment, "positive")

    def test_choosing_the_sentiment_on_the_form_is_an_edit_by_hand(self):
        event = self._meeting(self.user.partner_id | self.anna_partner)
        interaction = self._captured(event)
        self.assertFalse(interaction.sentiment_chosen)
        with Form(interaction.with_user(self.user)) as form:
            form.sentiment_chosen = "negative"
        self.assertTrue(interaction.is_capture_edited)
        # An app that logs an interaction with its sentiment chooses it, and
        # edits nothing by hand.
        logged = self.Interaction.create(
            {
                "name": "HRR logged by an app",
                "source": "email",
                "company_id": self.company.id,
                "stakeholder_ids": [Command.set(self.sh_anna.ids)],
                "sentiment": "positive",
            }
        )
        self.assertEqual(logged.sentiment_chosen, "positive")
        self.assertFalse(logged.is_capture_edited)

    def test_a_future_meeting_is_a_planned_contact(self):
        day = self.today + timedelta(days=10)
        self._meeting(self.user.partner_id | self.anna_partner, day=day)
        self.assertEqual(self.sh_anna.next_contact_date, day)
        self.assertFalse(self.sh_anna.last_interaction_date)
        # Once its day has passed, the daily job counts it as a contact.
        with freeze_time(day + timedelta(days=1)):
            self.env["hr.stakeholder"]._refresh_contact_dates(self.sh_anna.ids)
            self.sh_anna.invalidate_recordset()
            self.assertEqual(self.sh_anna.last_interaction_date, day)

    def test_recurring_meeting_gives_past_occurrences_and_the_next(self):
        start = self.today - timedelta(weeks=3)
        event = self._meeting(
            self.user.partner_id | self.anna_partner,
            day=start,
            recurrency=True,
            rrule_type="daily",
            interval=7,
            end_type="count",
            count=6,
        )
        occurrences = event.recurrence_id.calendar_event_ids
        self.assertEqual(len(occurrences), 6)
        captured = self.Interaction.search(
            [("calendar_event_id", "in", occurrences.ids)]
        )
        # Those that took place by now, and the next one.
        now = fields.Datetime.now()
        past = occurrences.filtered(lambda e: e.start <= now)
        self.assertEqual(len(captured), len(past) + 1)
        self.assertEqual(len(set(captured.mapped("date"))), len(captured))

    def test_batch_capture_costs_no_more_queries_than_one(self):
        partners = self.user.partner_id | self.anna_partner

        def queries_for(count):
            values = [
                {
                    "name": f"HRR batch {i}",
                    "start": self._at(self.today - timedelta(days=1)),
                    "stop": self._at(self.today - timedelta(days=1), 11),
                    "partner_ids": [Command.set(partners.ids)],
                }
                for i in range(count)
            ]
            events = self.Event.create(values)
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            events._hr_sync_interactions()
            return self.env.cr.sql_log_count - before, events

        one, __ = queries_for(1)
        many, events = queries_for(30)
        self.assertEqual(many, one)
        self.assertEqual(
            self.Interaction.search_count([("calendar_event_id", "in", events.ids)]),
            30,
        )

    def test_a_meeting_with_hundreds_of_attendees(self):
        partners = self.env["res.partner"].create(
            [
                {"name": f"HRR guest {i}", "email": f"guest{i}@hrr.example.com"}
                for i in range(300)
            ]
        )
        stakeholders = self.env["hr.stakeholder"].create(
            [
                {"partner_id": partner.id, "company_id": self.company.id}
                for partner in partners[:150]
            ]
        )
        event = self._meeting(self.user.partner_id | partners | self.anna_partner)
        interaction = self._captured(event)
        self.assertEqual(len(interaction), 1)
        self.assertEqual(interaction.stakeholder_ids, stakeholders | self.sh_anna)

    def test_a_plain_meeting_costs_at_most_two_queries(self):
        partners = self.user.partner_id | self.other_user.partner_id
        start = self._at(self.today)
        values = {
            "name": "HRR plain",
            "start": start,
            "stop": start + timedelta(hours=1),
            "partner_ids": [Command.set(partners.ids)],
        }
        Event = self.Event.with_user(self.user)
        # Warm up the caches, then count the meeting without the capture.
        Event.create(dict(values))
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        Event.with_context(hr_relationship_no_capture=True).create(dict(values))
        self.env.flush_all()
        baseline = self.env.cr.sql_log_count - before
        self.env.invalidate_all()
        with self.assertQueryCount(baseline + 2):
            event = Event.create(dict(values))
            self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        event.with_context(hr_relationship_no_capture=True).name = "HRR plain 2"
        self.env.flush_all()
        baseline = self.env.cr.sql_log_count - before
        self.env.invalidate_all()
        with self.assertQueryCount(baseline + 2):
            event.name = "HRR plain 3"
            self.env.flush_all()
