# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from psycopg2.errors import CheckViolation

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import SQL, mute_logger

from .common import HrRelationshipCase


@tagged("post_install", "-at_install")
class TestPlannedContacts(HrRelationshipCase):
    """An interaction dated after today is a planned contact: it sets the
    next contact date and counts for neither recency nor health until its
    day has come. The ORM computes and the daily set-based refresh agree."""

    def _columns(self, records):
        if records._name == "hr.stakeholder":
            return ["last_interaction_date", "next_contact_date"]
        return ["last_interaction_date"]

    def _stored(self, records):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id, %s FROM %s WHERE id = ANY(%s) ORDER BY id",
                SQL(", ").join(map(SQL.identifier, self._columns(records))),
                SQL.identifier(records._table),
                records.ids,
            )
        )
        return self.env.cr.fetchall()

    def _assert_refresh_agrees(self, records):
        """The set-based refresh writes what the ORM computed."""
        expected = self._stored(records)
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET %s WHERE id = ANY(%s)",
                SQL.identifier(records._table),
                SQL(", ").join(
                    SQL("%s = '1901-01-01'", SQL.identifier(column))
                    for column in self._columns(records)
                ),
                records.ids,
            )
        )
        self.assertEqual(records._refresh_contact_dates(records.ids), len(records))
        self.assertEqual(self._stored(records), expected)

    def test_planned_interaction_sets_next_contact(self):
        today = fields.Date.context_today(self.sh_anna)
        self._interaction(
            self.sh_anna, client=self.client_sales, date=today - timedelta(days=10)
        )
        self._interaction(
            self.sh_anna, client=self.client_sales, date=today + timedelta(days=20)
        )
        self._interaction(self.sh_anna, date=today + timedelta(days=40))
        self.assertEqual(self.sh_anna.last_interaction_date, today - timedelta(days=10))
        self.assertEqual(self.sh_anna.next_contact_date, today + timedelta(days=20))
        self.assertFalse(self.sh_anna.is_contact_overdue)
        self.assertEqual(
            self.client_sales.last_interaction_date, today - timedelta(days=10)
        )
        # Without a plan the cadence (30 days) runs from the last contact.
        self._interaction(self.sh_bob, date=today - timedelta(days=10))
        self.assertEqual(self.sh_bob.next_contact_date, today + timedelta(days=20))
        # A plan counts even when no cadence is asked.
        self.sh_erik.contact_cadence_days = 0
        self._interaction(self.sh_erik, date=today + timedelta(days=3))
        self.assertFalse(self.sh_erik.last_interaction_date)
        self.assertEqual(self.sh_erik.next_contact_date, today + timedelta(days=3))
        stakeholders = self.sh_anna | self.sh_bob | self.sh_erik
        self._assert_refresh_agrees(stakeholders)
        self._assert_refresh_agrees(self.client_sales)

    def test_daily_job_moves_on_when_the_planned_day_has_come(self):
        today = fields.Date.context_today(self.sh_anna)
        planned = today + timedelta(days=5)
        self._interaction(self.sh_anna, client=self.client_sales, date=planned)
        self.assertFalse(self.sh_anna.last_interaction_date)
        self.assertEqual(self.sh_anna.next_contact_date, planned)
        self.env["hr.relationship.health.snapshot"]._cron_refresh_health()
        recency_before = self.sh_anna.health_score
        with freeze_time(planned + timedelta(days=1)):
            self.env["hr.relationship.health.snapshot"]._cron_refresh_health()
            self.assertEqual(self.sh_anna.last_interaction_date, planned)
            self.assertEqual(
                self.sh_anna.next_contact_date, planned + timedelta(days=30)
            )
            self.assertEqual(self.client_sales.last_interaction_date, planned)
            # The contact that happened now counts for health.
            self.assertGreater(self.sh_anna.health_score, recency_before)

    def test_planned_interaction_is_not_health(self):
        """Recency and sentiment read only what happened."""
        today = fields.Date.context_today(self.sh_anna)
        self._interaction(
            self.sh_anna,
            date=today + timedelta(days=2),
            sentiment="very_positive",
        )
        self.sh_anna._refresh_health()
        # Never contacted: recency 0, and no sentiment from the plan.
        self.assertEqual(self.sh_anna.health_score, 0.0)
        self.assertEqual(self.sh_anna.health_state, "at_risk")

    def test_dates_far_ahead_never_overflow(self):
        """A date stored before the checks existed (legacy data, an import in
        SQL) must not break the computes: the cadence stays settable."""
        today = fields.Date.context_today(self.sh_anna)
        interaction = self._interaction(self.sh_anna, date=today)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE hr_relationship_interaction SET date = '9999-12-31' WHERE id = %s",
            [interaction.id],
        )
        self.env.invalidate_all()
        self.env.add_to_compute(
            self.sh_anna._fields["last_interaction_date"], self.sh_anna
        )
        self.sh_anna.contact_cadence_days = 60
        self.assertEqual(self.sh_anna.next_contact_date, date.max)
        self._assert_refresh_agrees(self.sh_anna)
        # A cadence stored beyond the range is capped at the last date too.
        self.env.cr.execute(
            "UPDATE hr_stakeholder SET contact_cadence_days = 2000000000 WHERE id = %s",
            [self.sh_bob.id],
        )
        self.env.invalidate_all()
        self.env.add_to_compute(self.sh_bob._fields["next_contact_date"], self.sh_bob)
        self.assertEqual(self.sh_bob.next_contact_date, date.max)
        self._assert_refresh_agrees(self.sh_bob)
        # and health still computes.
        (self.sh_anna | self.sh_bob)._refresh_health()
        self.assertTrue(self.sh_bob.health_state)

    def test_ranges(self):
        today = fields.Date.context_today(self.sh_anna)
        for days in (-1, 3651, 10**9):
            with (
                self.subTest(days=days),
                self.assertRaises(ValidationError),
                self.env.cr.savepoint(),
            ):
                self.sh_anna.contact_cadence_days = days
        for days in (-1, 10**9):
            with (
                self.subTest(client_days=days),
                self.assertRaises(ValidationError),
                self.env.cr.savepoint(),
            ):
                self.client_ops.contact_cadence_days = days
        for value in (date(1899, 12, 31), today.replace(year=today.year + 6), date.max):
            with (
                self.subTest(date=value),
                self.assertRaises(ValidationError),
                self.env.cr.savepoint(),
            ):
                self._interaction(self.sh_anna, date=value)
        # The edges are accepted.
        self._interaction(self.sh_anna, date=date(1900, 1, 1))
        self._interaction(self.sh_anna, date=today.replace(year=today.year + 5))
        self.sh_anna.contact_cadence_days = 3650
        Settings = self.env["res.config.settings"]
        for values in (
            {"hr_cadence_monitor": 3651},
            {"hr_cadence_keep_informed": -1},
            {"hr_consent_validity_months": 121},
        ):
            with (
                self.subTest(settings=values),
                self.assertRaises(ValidationError),
                self.env.cr.savepoint(),
            ):
                Settings.create(values)

    @mute_logger("odoo.sql_db")
    def test_score_ranges(self):
        campaign = self.env["hr.satisfaction.survey"].create(
            {"name": "HRR ranges", "company_id": self.company.id}
        )
        result = self.env["hr.satisfaction.result"].create(
            {
                "campaign_id": campaign.id,
                "company_id": self.company.id,
                "date": fields.Date.context_today(campaign),
                "scope": "campaign",
                "nps": -100,
                "csat": 100,
                "mean_satisfaction": 5,
            }
        )
        for values in ({"nps": 100.5}, {"csat": 101}, {"satisfaction_index": -1}):
            with self.subTest(values=values):
                with self.assertRaises(CheckViolation), self.env.cr.savepoint():
                    result.write(values)
                    result.flush_recordset()
